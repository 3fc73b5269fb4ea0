// Composition root of the Electron main process: app lifecycle, one window, the core wired to
// IPC. The security decisions live in electron/shell/ and electron/core/security/ (see
// docs/security.md); this file only puts them in the right order:
//   before ready: crash handlers, single-instance lock, sandbox for all renderers, the app://
//   scheme as privileged, guards on every web contents;
//   on ready: harden the sessions, serve app://, register every IPC channel, open the window.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { createCoreHandlers } from './core/create-core-handlers';
import type { PreferencesService } from './core/preferences/preferences-service';
import { createPreferencesService } from './core/preferences/preferences-service';
import { createTaskProgressTracker } from './core/tasks/task-progress';
import { openSigningOnThisWorkstation } from './core/signing-keys/workstation-signing';
import { unlockWithOsKeychain } from './core/vault/os-keychain-unlock';
import type { VaultGateway } from './core/vault/vault-gateway';
import { createWorkerClient } from './core/vault/worker/vault-worker-client';
import type { WorkerClient } from './core/vault/worker/vault-worker-client';
import { registerHandlers } from './ipc/register-handlers';
import { installAppProtocol, registerAppSchemeAsPrivileged } from './shell/app-protocol';
import { installCrashHandlers } from './shell/crash-handlers';
import { createElectronFileDialogs } from './shell/electron-file-dialogs';
import { createElectronPreferencesStore } from './shell/electron-preferences-store';
import { rememberWindowBounds, restorableBounds } from './shell/remember-window-bounds';
import { APP_PARTITION, createMainWindow } from './shell/create-main-window';
import { createLogger } from './shell/logger';
import { createSafeStorageKeychain } from './shell/safe-storage-keychain';
import { hardenSession, installWebContentsGuards } from './shell/security';

// The bundle is dist/electron/main.mjs; the preload and the renderer are built next to it.
const preloadPath = join(import.meta.dirname, 'preload.cjs');
const rendererRoot = join(import.meta.dirname, '..', 'renderer');
const vaultWorkerPath = join(import.meta.dirname, 'vault-worker.mjs');

const log = createLogger();
const logFile = (): string => join(app.getPath('logs'), 'main.log');
installCrashHandlers({ log, logLocation: logFile });

let mainWindow: BrowserWindow | null = null;
let vault: WorkerClient<VaultGateway> | null = null;
let preferences: PreferencesService | null = null;

function openMainWindow(): void {
  const saved = preferences?.get().window ?? null;
  mainWindow = createMainWindow({
    preloadPath,
    log,
    bounds: restorableBounds(saved),
    maximized: saved?.maximized ?? false,
  });
  if (preferences !== null) rememberWindowBounds(mainWindow, preferences, log);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  log.setFile(logFile());
  log.info(`KP Desk ${app.getVersion()} starting`);

  const appSession = session.fromPartition(APP_PARTITION);
  // The default session is never used for content, but is locked down in case anything is.
  hardenSession(session.defaultSession);
  hardenSession(appSession);
  installAppProtocol(appSession, rendererRoot, log);

  // The vault lives in a worker thread: SQLite and scrypt never block this process.
  // Its progress events (backup, restore) feed tasks:progress, which never waits on the worker.
  const taskProgress = createTaskProgressTracker();
  // This computer's preferences (electron-store): window, vault folder, printer calibration,
  // number and date format. Never in the vault, so a restore never moves them (issue 16).
  preferences = createPreferencesService(createElectronPreferencesStore());
  vault = createWorkerClient<VaultGateway>(
    vaultWorkerPath,
    // The certificate fonts ship as extra resources; a worker thread cannot rely on seeing
    // process.resourcesPath itself, so main names the folder (a dev build falls back to the repo's).
    {
      dataDir: preferences.get().vaultFolder ?? app.getPath('userData'),
      resourcesDir: process.resourcesPath,
    },
    { onEvent: taskProgress.report },
  );
  // The key remembered on this computer opens the vault at once; any refusal (no stored key,
  // Linux basic_text, a changed backend) leaves it locked for the passphrase screen.
  const keychain = createSafeStorageKeychain();
  const keychainUnlock = await unlockWithOsKeychain(vault, keychain);
  if (keychainUnlock.opened) {
    log.info(`Vault opened with the ${keychainUnlock.backend} keychain`);
    // A computer an administrator opened for signing signs without the signing secret.
    const signing = await openSigningOnThisWorkstation(vault, keychain);
    log.info(
      signing.opened ? 'Signing open on this computer' : `Signing locked: ${signing.reason}`,
    );
  } else log.info(`Vault left locked for the passphrase: ${keychainUnlock.reason}`);
  const core = createCoreHandlers({
    runtime: 'electron',
    version: app.getVersion(),
    vault,
    fileDialogs: createElectronFileDialogs(),
    taskProgress,
    keychain,
    preferences,
  });
  registerHandlers(ipcMain, core, (message, detail) => {
    log.error(message, detail);
  });

  openMainWindow();
  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open opens one.
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

// A second copy would open the same vault twice; it hands over to the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  // Close the vault cleanly (WAL checkpoint, worker ended) before the process exits.
  app.on('before-quit', () => {
    void vault?.close();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.enableSandbox();
  registerAppSchemeAsPrivileged();
  installWebContentsGuards(log);
  start().catch((error: unknown) => {
    log.error('KP Desk could not start', error);
    app.exit(1);
  });
}
