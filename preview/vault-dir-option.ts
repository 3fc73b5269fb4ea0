// Where the preview keeps its vault (issue 16, first day: "npm start without the Electron binary
// serves the preview with its vault in a temporary folder and says nothing"). A lasting folder is
// --vault-dir FOLDER (or --vault-dir=FOLDER), else KP_PREVIEW_DATA_DIR; without either, each run
// starts a new vault in the system's temporary folder, and the console and the first screen say so.
import { resolve } from 'node:path';

export type VaultDirChoice = { ok: true; dir: string | null } | { ok: false; message: string };

export function chooseVaultDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string = process.cwd(),
): VaultDirChoice {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    let value: string | undefined;
    if (arg === '--vault-dir') value = argv[i + 1];
    else if (arg.startsWith('--vault-dir=')) value = arg.slice('--vault-dir='.length);
    else continue;
    if (value === undefined || value.trim() === '' || value.startsWith('--'))
      return {
        ok: false,
        message: '--vault-dir needs a folder, e.g. --vault-dir ~/kpdesk-preview',
      };
    return { ok: true, dir: resolve(cwd, value) };
  }
  const fromEnv = env.KP_PREVIEW_DATA_DIR;
  return {
    ok: true,
    dir: fromEnv !== undefined && fromEnv.trim() !== '' ? resolve(cwd, fromEnv) : null,
  };
}

/** What the console says about the vault's folder when the preview starts. */
export function vaultFolderNotice(dir: string, temporary: boolean): string {
  return temporary
    ? `This preview keeps its vault in a temporary folder (${dir}), which the system may delete; ` +
        'the next run starts a new vault. To keep it, start with --vault-dir FOLDER ' +
        '(npm start -- --vault-dir FOLDER) or set KP_PREVIEW_DATA_DIR.'
    : `This preview keeps its vault in ${dir}.`;
}
