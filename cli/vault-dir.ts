// Where kpdesk looks for the vault when no --dir is given: KPDESK_VAULT_DIR, else the per-user
// data folder of the platform. macOS and Windows use the folder Electron names userData for the
// product "KP Desk"; Linux follows the XDG base-directory rule for data ($XDG_DATA_HOME).
import { homedir } from 'node:os';
import { isAbsolute, join, posix, resolve, win32 } from 'node:path';

export const VAULT_DIR_ENV = 'KPDESK_VAULT_DIR';

type Env = Readonly<Record<string, string | undefined>>;

/** The platform's per-user data folder for KP Desk (no environment override applied). */
export function platformDataDir(
  env: Env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const appData = env['APPDATA'];
    return win32.join(
      appData !== undefined && appData !== '' ? appData : win32.join(home, 'AppData', 'Roaming'),
      'KP Desk',
    );
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'KP Desk');
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env['XDG_DATA_HOME'];
  const dataHome =
    xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(home, '.local', 'share');
  return join(dataHome, 'kpdesk');
}

/** The vault folder a command works on: --dir, else KPDESK_VAULT_DIR, else the data folder. */
export function resolveVaultDir(option: string | undefined, env: Env, cwd: string): string {
  if (option !== undefined) return resolve(cwd, option);
  const fromEnv = env[VAULT_DIR_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return resolve(cwd, fromEnv);
  return platformDataDir(env);
}
