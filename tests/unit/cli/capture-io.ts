// A CliIo that records what a command writes, so tests run the real CLI in-process.
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../../cli/cli-io';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const fixturesDir = 'tests/fixtures/certificates';

export type CapturedIo = CliIo & { out: () => string; err: () => string };

export function captureIo(columns = 120): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    cwd: repoRoot,
    columns,
    env: {},
    stderrIsTty: false,
    // The fixtures' date of issue: they stay unexpired whenever the tests run.
    now: () => new Date(2026, 10, 27, 12),
    out: () => stdout.join(''),
    err: () => stderr.join(''),
  };
}
