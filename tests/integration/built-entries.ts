// Entries of the app bundled by the project's own build script (scripts/build-node.mjs) into a
// private folder under node_modules/.cache, so that a bundle resolves the native SQLite driver
// from node_modules as the packaged app does, and a test neither needs nor disturbs dist/.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export type BuiltEntries = {
  /** The built file, e.g. file('electron', 'vault-worker.mjs'). */
  file: (...parts: string[]) => string;
  remove: () => void;
};

/** Builds the named entries (e.g. 'vault-worker'); allow a minute in beforeAll. */
export async function buildEntries(label: string, names: readonly string[]): Promise<BuiltEntries> {
  const cache = join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, `kpdesk-${label}-`));
  await run(process.execPath, ['scripts/build-node.mjs', ...names, '--outdir', dir], {
    cwd: repoRoot,
  });
  return {
    file: (...parts) => join(dir, ...parts),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
