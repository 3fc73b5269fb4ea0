// One call of one channel: parse the payload with the contract's input schema, run the handler,
// check its answer against the output schema, and always answer with a Result. Both transports
// (Electron IPC and the preview bridge) end here, so a payload is judged the same way in both.
import type { z } from 'zod';
import { appError } from '../../../shared/errors';
import { isAppFailure } from '../app-failure';
import { isChannelName } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import { err, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import type { CoreHandlers } from './core-handlers';

export type DispatchLog = (message: string, detail: unknown) => void;

/** A refusal names at most this many fields, and lists at most this many unknown keys of each:
 * its size stays bounded whatever was sent (issue 13: a 12.9 MB answer listed a million keys). */
export const MAX_REFUSED_FIELDS = 20;
export const MAX_LISTED_UNKNOWN_KEYS = 5;
const MAX_KEY_CHARS = 40;
const MAX_PATH_CHARS = 200;

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max)}…`;

/** "Unknown field(s): "a", "b" and 999,998 more." with each key clipped to MAX_KEY_CHARS. */
function unknownKeysMessage(keys: readonly string[]): string {
  const listed = keys
    .slice(0, MAX_LISTED_UNKNOWN_KEYS)
    .map((key) => JSON.stringify(clip(key, MAX_KEY_CHARS)));
  const more = keys.length - listed.length;
  return `Unknown field${keys.length === 1 ? '' : 's'}: ${listed.join(', ')}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}.`;
}

export function issuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  let named = 0;
  for (const issue of issues) {
    const path = clip(issue.path.map(String).join('.') || '(payload)', MAX_PATH_CHARS);
    const message =
      issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys) : issue.message;
    if (fields[path] === undefined) {
      if (named === MAX_REFUSED_FIELDS) continue;
      named += 1;
      fields[path] = message;
    } else if (fields[path].length < 1_000) fields[path] = `${fields[path]}; ${message}`;
  }
  const unnamed = new Set(issues.map((issue) => issue.path.map(String).join('.'))).size - named;
  if (unnamed > 0)
    fields['(more)'] = `${unnamed.toLocaleString('en-US')} more field(s) are not valid either.`;
  return fields;
}

export async function dispatchChannel(
  handlers: CoreHandlers,
  channel: unknown,
  payload: unknown,
  log: DispatchLog,
): Promise<Result<unknown>> {
  if (!isChannelName(channel)) {
    return err(appError('UNKNOWN_CHANNEL', 'KP Desk does not know this request.'));
  }
  const spec = contract[channel];
  const parsed = spec.input.safeParse(payload);
  if (!parsed.success) {
    const fields = issuesToFields(parsed.error.issues);
    const names = Object.keys(fields).join(', ');
    return err(appError('INVALID_INPUT', `The request is not valid: check ${names}.`, fields));
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    // The answer is checked too: a handler that drifts from the contract is a bug, reported as
    // such rather than handed to the renderer.
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      log(`handler for ${channel} answered outside the contract`, checked.error.issues);
      return err(appError('INTERNAL', 'KP Desk hit an internal error. Nothing was changed.'));
    }
    return ok(checked.data);
  } catch (error: unknown) {
    if (isAppFailure(error)) return err(error.error);
    log(`handler for ${channel} threw`, error);
    return err(appError('INTERNAL', 'KP Desk hit an internal error. Nothing was changed.'));
  }
}
