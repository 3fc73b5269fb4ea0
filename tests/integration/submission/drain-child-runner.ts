// Builds drain-child.ts into one ESM file and runs it as a real process on a test vault (the key
// travels in the environment, never on the command line). Shared by the crash test and the
// two-process lease test.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { TestVault } from '../vault/vault-fixture';
import { DRAIN_KEY_ENV, DRAIN_VAULT_ENV } from './drain-protocol';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export type ChildRun = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
};

/** Bundles the child; returns its file and a cleanup that removes the build folder. */
export async function buildDrainChild(): Promise<{ file: string; remove: () => void }> {
  const buildDir = join(repoRoot, 'dist', `test-drain-${randomBytes(6).toString('hex')}`);
  const file = join(buildDir, 'drain-child.mjs');
  await build({
    entryPoints: [join(repoRoot, 'tests/integration/submission/drain-child.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers'],
    banner: {
      js: "import { createRequire as __kpCreateRequire } from 'node:module';\nconst require = __kpCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return {
    file,
    remove: () => {
      rmSync(buildDir, { recursive: true, force: true });
    },
  };
}

export function runDrainChild(
  childFile: string,
  target: Pick<TestVault, 'key' | 'path'>,
  started: (child: ChildProcess) => void,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile], {
      env: {
        ...process.env,
        [DRAIN_KEY_ENV]: target.key.toString('hex'),
        [DRAIN_VAULT_ENV]: target.path,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
    started(child);
  });
}
