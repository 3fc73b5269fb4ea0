// The typed failure a call produced (sync or async), so tests assert codes and fields, not text.
import type { AppError } from '../../../shared/errors';
import { AppFailure } from '../../../electron/core/app-failure';

export async function failureOf(fn: () => unknown): Promise<AppError> {
  try {
    await fn();
  } catch (error: unknown) {
    if (error instanceof AppFailure) return error.error;
    throw error;
  }
  throw new Error('expected an AppFailure, but the call succeeded');
}
