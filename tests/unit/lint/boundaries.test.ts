// The process boundaries of docs/architecture.md are lint errors; this checks that the rules
// really fire (a rule that silently stopped matching would let a boundary erode unnoticed).
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Type-aware rules need the file in a tsconfig program; the boundary rules do not.
const eslint = new ESLint({
  overrideConfig: [
    { ...tseslint.configs.disableTypeChecked, files: ['**/*.ts', '**/*.tsx'] },
    { languageOptions: { parserOptions: { project: null } } },
  ],
});

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('boundary lint rules', () => {
  it('shared/ may not import Node, electron or React, nor use DOM or Node globals', async () => {
    expect(
      await ruleIds(
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
        'shared/domain/probe.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds("import path from 'path';\nexport const x = path;\n", 'shared/domain/probe.ts'),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import { app } from 'electron';\nexport const x = app;\n",
        'shared/domain/probe.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(await ruleIds('export const x = document.title;\n', 'shared/domain/probe.ts')).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIds('export const x = process.env;\n', 'shared/domain/probe.ts')).toContain(
      'no-restricted-globals',
    );
  });

  it('electron/core/ never imports electron', async () => {
    expect(
      await ruleIds(
        "import { app } from 'electron';\nexport const x = app;\n",
        'electron/core/probe.ts',
      ),
    ).toContain('no-restricted-imports');
  });

  it('renderer/ imports neither Node nor electron/ code', async () => {
    expect(
      await ruleIds(
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
        'renderer/src/probe.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import { handle } from '../../electron/ipc/handle';\nexport const x = handle;\n",
        'renderer/src/probe.ts',
      ),
    ).toContain('no-restricted-imports');
  });

  it('nothing outside renderer/ imports it, and only handle.ts calls ipcMain.handle', async () => {
    expect(
      await ruleIds(
        "import { App } from '../renderer/src/App';\nexport const x = App;\n",
        'electron/probe.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n",
        'electron/shell/probe.ts',
      ),
    ).toContain('no-restricted-syntax');
  });

  it('lets shared/ import zod and its own modules', async () => {
    expect(
      await ruleIds(
        "import { z } from 'zod';\nimport { sources } from './sources';\nexport const x = [z, sources];\n",
        'shared/domain/probe.ts',
      ),
    ).toEqual([]);
  });
});
