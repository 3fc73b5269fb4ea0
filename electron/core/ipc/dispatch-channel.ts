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

export function issuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '(payload)';
    fields[path] = fields[path] === undefined ? issue.message : `${fields[path]}; ${issue.message}`;
  }
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
