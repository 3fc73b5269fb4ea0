// Last-resort handlers: an error nobody caught, or a renderer/helper process that died. Each is
// logged in full (redacted, see logger.ts) and the user sees a native dialog with a short
// reference, never a raw stack. One dialog per kind of failure per session, so a crash loop
// cannot bury the user in dialogs; a crashed window is reloaded a bounded number of times.
import { app, dialog } from 'electron';
import { redactText, summarizeError } from '../core/security/redact-log-detail';
import type { Logger } from './logger';

const MAX_WINDOW_RELOADS = 3;

export type CrashHandlerOptions = {
  log: Logger;
  /** Where the full details are, for the dialog (shown redacted). */
  logLocation: () => string;
};

export function installCrashHandlers({ log, logLocation }: CrashHandlerOptions): void {
  const dialogsShown = new Set<string>();
  let reloads = 0;

  const report = (kind: string, title: string, message: string, detail: unknown): void => {
    log.error(title, detail);
    if (dialogsShown.has(kind)) return;
    dialogsShown.add(kind);
    const where = redactText(logLocation());
    dialog.showErrorBox(title, `${message}\n\nDetails were written to the log: ${where}`);
  };

  process.on('uncaughtException', (error) => {
    report(
      'uncaught-exception',
      'KP Desk hit an unexpected problem',
      `Anything already saved is safe. If KP Desk stops responding, restart it.\n\nReference: ${summarizeError(error)}`,
      error,
    );
  });

  process.on('unhandledRejection', (reason) => {
    report(
      'unhandled-rejection',
      'KP Desk hit an unexpected problem',
      `An operation did not finish. Anything already saved is safe; try the last step again.\n\nReference: ${summarizeError(reason)}`,
      reason,
    );
  });

  app.on('render-process-gone', (_event, contents, details) => {
    if (details.reason === 'clean-exit') return;
    const reload = reloads < MAX_WINDOW_RELOADS && !contents.isDestroyed();
    report(
      'render-process-gone',
      'The KP Desk window stopped unexpectedly',
      reload
        ? `The window will be reloaded. Anything already saved is safe.\n\nReference: ${details.reason} (exit code ${details.exitCode})`
        : `Please restart KP Desk. Anything already saved is safe.\n\nReference: ${details.reason} (exit code ${details.exitCode})`,
      details,
    );
    if (reload) {
      reloads += 1;
      contents.reload();
    }
  });

  app.on('child-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    report(
      `child-process-gone:${details.type}`,
      'A part of KP Desk stopped unexpectedly',
      `KP Desk will try to carry on. If something does not respond, restart KP Desk.\n\nReference: ${details.type} ${details.reason} (exit code ${details.exitCode})`,
      details,
    );
  });
}
