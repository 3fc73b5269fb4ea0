// Main's side of shared/ipc/ipc-payload.ts: a request from the window is JSON text of bounded
// length. Anything else (an object, which only a renderer that bypassed the preload could send;
// text over the cap; text that is not JSON) is refused before it is read any further, with a
// short answer whatever its size.
import { appError } from '../../../shared/errors';
import { MAX_IPC_PAYLOAD_CHARS } from '../../../shared/ipc/ipc-payload';
import { err, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';

const refuse = (message: string): Result<never> =>
  err(appError('INVALID_INPUT', message, { '(payload)': message }));

export function decodeIpcPayload(payload: unknown): Result<unknown> {
  if (typeof payload !== 'string')
    return refuse('KP Desk refused a request that its window did not send as JSON text.');
  if (payload.length > MAX_IPC_PAYLOAD_CHARS)
    return refuse(
      `The request is larger than KP Desk accepts (${String(MAX_IPC_PAYLOAD_CHARS / 1024 / 1024)} MiB of text); nothing was read or changed.`,
    );
  try {
    return ok(JSON.parse(payload) as unknown);
  } catch {
    return refuse('The request is not valid JSON; nothing was changed.');
  }
}
