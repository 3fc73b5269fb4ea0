// Issue 15: every command has --json, its own --help, and a section in docs/cli.md; the main
// help names it. Run in-process on the real command table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainHelp, runKpdesk } from '../../../cli/kpdesk';
import { captureIo, repoRoot } from './capture-io';

const docs = readFileSync(join(repoRoot, 'docs/cli.md'), 'utf8');
const commands = [
  'identity',
  'void',
  'ship',
  'deliver',
  'records',
  'parties',
  'issue-batch',
  'import-records',
  'templates',
];

describe('the commands of issue 15', () => {
  it.each(commands)('%s: --help with --json, in the main help and in docs/cli.md', async (name) => {
    const io = captureIo();
    expect(await runKpdesk([name, '--help'], io)).toBe(0);
    expect(io.out()).toMatch(/^Usage:\n {2}kpdesk /);
    expect(io.out()).toContain('--json');
    expect(io.out()).toContain('Exit codes:');
    expect(mainHelp).toMatch(new RegExp(`\\n {2}kpdesk ${name} `));
    expect(mainHelp).toMatch(new RegExp(`\\n {2}${name} +\\S`));
    expect(docs).toMatch(new RegExp(`^## \`kpdesk ${name}[ \`]`, 'm'));
  });

  it('answers a usage error in JSON when --json is given, before opening any vault', async () => {
    const io = captureIo();
    expect(await runKpdesk(['ship', 'US12345', '--json'], io)).toBe(2);
    expect(JSON.parse(io.out())).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: 'Give the ship date with --date YYYY-MM-DD.',
        fields: { '--date': 'required' },
      },
    });
  });
});
