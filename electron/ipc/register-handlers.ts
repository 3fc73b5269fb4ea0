// Registers every channel of the contract, so a channel can never be declared and left without
// a handler (CoreHandlers has one entry per name in shared/ipc/channels.ts).
import { channelNames } from '../../shared/ipc/channels';
import type { DispatchLog } from '../core/ipc/dispatch-channel';
import type { CoreHandlers } from '../core/ipc/core-handlers';
import { handle } from './handle';
import type { IpcMainLike } from './handle';

export function registerHandlers(
  ipcMain: IpcMainLike,
  handlers: CoreHandlers,
  log: DispatchLog,
): void {
  for (const channel of channelNames) handle(ipcMain, channel, handlers, log);
}
