// Every input to a repository or service is parsed with a .strict() zod schema first; what does
// not fit is refused as INVALID_INPUT naming each field, before anything is read or written.
import type { z } from 'zod';
import { AppFailure } from '../../app-failure';
import { issuesToFields } from '../../ipc/dispatch-channel';

export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = issuesToFields(parsed.error.issues);
  throw new AppFailure(
    'INVALID_INPUT',
    `Some entries are not valid: check ${Object.keys(fields).join(', ')}. Nothing was changed.`,
    fields,
  );
}
