// POST /__kp/invoke/<channel>: the HTTP form of window.kp for the preview host. Each call is
// authenticated with the per-run token, must be a JSON POST of bounded size, and then goes
// through the same dispatchChannel (contract parse, handler, output check) as Electron's IPC.
// Every answer is a Result, including refusals, so the bridge client needs no special cases.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreHandlers } from '../electron/core/ipc/core-handlers';
import { dispatchChannel } from '../electron/core/ipc/dispatch-channel';
import type { DispatchLog } from '../electron/core/ipc/dispatch-channel';
import { appError } from '../shared/errors';
import { readBody } from './read-json-body';
import { hasValidToken } from './request-guards';
import { sendError, sendResult } from './responses';

export const INVOKE_PREFIX = '/__kp/invoke/';
export const TOKEN_HEADER = 'x-kp-token';
/** 1 MiB: a certificate is a few kB; anything near this is a mistake or an attack. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type BridgeContext = {
  handlers: CoreHandlers;
  token: string;
  log: DispatchLog;
};

function isJsonContentType(header: string | undefined): boolean {
  const mediaType = header?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

function channelFromPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice(INVOKE_PREFIX.length));
  } catch {
    return null;
  }
}

export async function handleInvoke(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  context: BridgeContext,
): Promise<void> {
  // The token comes first: without it, nothing about the bridge is revealed.
  if (!hasValidToken(req.headers[TOKEN_HEADER], context.token)) {
    sendError(
      res,
      401,
      appError(
        'UNAUTHORIZED',
        'This page was opened without the preview access token. Open the full address that npm run preview printed.',
      ),
    );
    return;
  }
  if (req.method !== 'POST') {
    sendError(res, 405, appError('INVALID_INPUT', 'KP Desk requests must be sent with POST.'), {
      Allow: 'POST',
    });
    return;
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    sendError(res, 415, appError('INVALID_INPUT', 'KP Desk requests must be JSON.'));
    return;
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too-large') {
    sendError(res, 413, appError('INVALID_INPUT', 'The request is too large for KP Desk.'), {
      Connection: 'close',
    });
    return;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body.text);
  } catch {
    sendError(res, 400, appError('INVALID_INPUT', 'The request is not valid JSON.'));
    return;
  }
  const result = await dispatchChannel(
    context.handlers,
    channelFromPath(pathname),
    payload,
    context.log,
  );
  sendResult(res, 200, result);
}
