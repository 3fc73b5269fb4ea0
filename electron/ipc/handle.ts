// The only place that registers an IPC handler (lint forbids ipcMain.handle elsewhere). Every
// call is checked before the core sees it: the sender must be the app's own page on
// app://kpdesk (not a remote page, a file:// page, another app:// host, or a frame that is gone),
// then the payload, JSON text from the preload, is refused if it is over the size cap or not
// JSON (decode-ipc-payload.ts), and dispatchChannel parses it with the contract and runs the
// handler. The answer is always a Result; nothing is thrown across IPC (docs/architecture.md,
// rule 2).
import { appError } from '../../shared/errors';
import type { ChannelName } from '../../shared/ipc/channels';
import { err } from '../../shared/result';
import type { Result } from '../../shared/result';
import { decodeIpcPayload } from '../core/ipc/decode-ipc-payload';
import { dispatchChannel } from '../core/ipc/dispatch-channel';
import type { DispatchLog } from '../core/ipc/dispatch-channel';
import type { CoreHandlers } from '../core/ipc/core-handlers';
import { isAppOrigin } from '../core/security/app-origin';

/** The part of an invoke event handle() reads; Electron's IpcMainInvokeEvent satisfies it. */
export type InvokeEventLike = {
  readonly senderFrame: { readonly url: string } | null | undefined;
};

export type InvokeListener = (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>>;

/** The part of ipcMain handle() uses, so tests can pass a fake without the Electron binary. */
export type IpcMainLike = {
  handle(channel: string, listener: InvokeListener): void;
};

const untrusted = (): Result<never> =>
  err(
    appError(
      'UNTRUSTED_SENDER',
      'KP Desk refused a request that did not come from its own window.',
    ),
  );

/** The sender frame's URL, or null when there is no frame or it was destroyed mid-call. */
function senderUrl(event: InvokeEventLike): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null; // Electron throws when reading a disposed frame
  }
}

export function handle(
  ipcMain: IpcMainLike,
  channel: ChannelName,
  handlers: CoreHandlers,
  log: DispatchLog,
): void {
  ipcMain.handle(channel, async (event, payload) => {
    try {
      const url = senderUrl(event);
      if (url === null || !isAppOrigin(url)) {
        // Only the scheme and host go to the log: the rest of a URL may carry user data.
        log(`refused ${channel} from an untrusted sender`, { sender: describeOrigin(url) });
        return untrusted();
      }
      const decoded = decodeIpcPayload(payload);
      if (!decoded.ok) return decoded;
      return await dispatchChannel(handlers, channel, decoded.value, log);
    } catch (error: unknown) {
      log(`IPC call ${channel} failed`, error);
      return err(appError('INTERNAL', 'KP Desk hit an internal error. Nothing was changed.'));
    }
  });
}

function describeOrigin(url: string | null): string {
  if (url === null) return '(no frame)';
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '(unparseable URL)';
  }
}
