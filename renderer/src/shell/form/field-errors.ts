// The field messages of an error answer, looked up by the names the contract uses ("tin",
// "passphrase", "numbers"…). Main's zod parse and the services both fill AppError.fields.
import type { AppError } from '../../../../shared/errors';

export function fieldError(error: AppError | null | undefined, field: string): string | undefined {
  return error?.fields?.[field];
}
