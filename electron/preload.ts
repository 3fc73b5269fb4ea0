// The preload of the sandboxed renderer: it exposes exactly one object, window.kp, whose
// functions each invoke one channel of the contract. No ipcRenderer, no Node, no generic
// "invoke any channel" function crosses the bridge. It imports only the channel list and the
// API builder, never the zod schemas: a sandboxed preload must be one small file, and main
// validates every payload anyway (electron/ipc/handle.ts).
import { contextBridge, ipcRenderer } from 'electron';
import { buildKpApi } from '../shared/ipc/api';
import type { KpApi } from '../shared/ipc/api';
import { channelNames } from '../shared/ipc/channels';
import { encodeIpcPayload } from '../shared/ipc/ipc-payload';

// Each request travels as JSON text, so main can refuse an oversized one by its length alone.
const kp = buildKpApi(
  (channel, input): Promise<unknown> => ipcRenderer.invoke(channel, encodeIpcPayload(input)),
  channelNames,
) satisfies KpApi;

contextBridge.exposeInMainWorld('kp', kp);
