// The one closed set of error codes that may cross a process boundary (IPC, the preview bridge,
// the CLI's --json output). A thrown error never crosses IPC: handlers return a Result whose
// error carries one of these codes and a message a licensee can act on.
import { z } from 'zod';

export const errorCodes = [
  /** The payload did not match the channel's schema; `fields` names each offending field. */
  'INVALID_INPUT',
  /** The IPC sender is not the app's own page (app://kpdesk). */
  'UNTRUSTED_SENDER',
  /** A channel that is not in shared/ipc/contract.ts. */
  'UNKNOWN_CHANNEL',
  /** The preview bridge request lacked the per-run token, or came from another host or origin. */
  'UNAUTHORIZED',
  /** A lifecycle step that the certificate's current state does not allow. */
  'ILLEGAL_TRANSITION',
  /** Anything unexpected; the details go to the log, never to the renderer. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const AppErrorSchema = z
  .object({
    code: z.enum(errorCodes),
    message: z.string(),
    /** Field path (e.g. "consignee.address") → what is wrong with it. */
    fields: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export type AppError = z.infer<typeof AppErrorSchema>;

export function appError(
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
): AppError {
  return fields === undefined ? { code, message } : { code, message, fields };
}
