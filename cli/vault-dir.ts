// Where kpdesk looks for the vault when no --dir is given: KPDESK_VAULT_DIR, else the folder
// Electron's app.getPath('userData') gives the app (productName "KP Desk"), so `kpdesk` and the app
// share one vault: Electron's appData (Linux: $XDG_CONFIG_HOME, else ~/.config; macOS:
// ~/Library/Application Support; Windows: %APPDATA%) followed by the product name.
import { homedir } from 'node:os';
import { join, posix, resolve, win32 } from 'node:path';

const PRODUCT_NAME = 'KP Desk';

export const VAULT_DIR_ENV = 'KPDESK_VAULT_DIR';

type Env = Readonly<Record<string, string | undefined>>;

/** Electron's userData folder for KP Desk on this platform (no KPDESK_VAULT_DIR applied). */
export function platformDataDir(
  env: Env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const appData = env['APPDATA'];
    return win32.join(
      appData !== undefined && appData !== '' ? appData : win32.join(home, 'AppData', 'Roaming'),
      PRODUCT_NAME,
    );
  }
  if (platform === 'darwin')
    return posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  // Chromium's rule for appData on Linux: a non-empty XDG_CONFIG_HOME as it is, else ~/.config.
  const xdg = env['XDG_CONFIG_HOME'];
  const configHome = xdg !== undefined && xdg !== '' ? xdg : join(home, '.config');
  return join(configHome, PRODUCT_NAME);
}

/** The vault folder a command works on: --dir, else KPDESK_VAULT_DIR, else the data folder. */
export function resolveVaultDir(option: string | undefined, env: Env, cwd: string): string {
  if (option !== undefined) return resolve(cwd, option);
  const fromEnv = env[VAULT_DIR_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return resolve(cwd, fromEnv);
  return platformDataDir(env);
}
