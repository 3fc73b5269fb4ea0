// The BUILT kpdesk, run as a user runs it: `node bin/kpdesk.mjs …` in a child process. The CLI
// is bundled by the project's own build script (scripts/build-node.mjs, entry "cli") into a
// private folder next to a copy of the launcher, so a test neither needs nor disturbs dist/.
// The folder is inside the repository (under the git-ignored dist/) because the bundle leaves
// the native SQLCipher driver external: Node's ESM resolver finds it only in a node_modules
// folder above the bundle, and ignores NODE_PATH.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export type Outcome = { code: number; stdout: string; stderr: string };

export type BuiltCli = {
  installDir: string;
  launcher: string;
  remove: () => Promise<void>;
};

export async function buildCli(): Promise<BuiltCli> {
  const installDir = join(repoRoot, 'dist', `test-cli-${randomBytes(6).toString('hex')}`);
  await mkdir(join(installDir, 'bin'), { recursive: true });
  await copyFile(join(repoRoot, 'bin', 'kpdesk.mjs'), join(installDir, 'bin', 'kpdesk.mjs'));
  await run(
    process.execPath,
    // With the signing threads of issue-batch, as npm run build:node and the package lay out.
    ['scripts/build-node.mjs', 'cli', 'batch-sign-worker', '--outdir', join(installDir, 'dist')],
    { cwd: repoRoot },
  );
  return {
    installDir,
    launcher: join(installDir, 'bin', 'kpdesk.mjs'),
    remove: () => rm(installDir, { recursive: true, force: true }),
  };
}

/** Runs the launcher; stdin is a pipe, so kpdesk sees no terminal (a script). */
export async function runLauncher(
  launcher: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [launcher, ...args], {
      cwd: options.cwd ?? repoRoot,
      encoding: 'utf8',
      ...(options.env === undefined ? {} : { env: options.env }),
    });
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
