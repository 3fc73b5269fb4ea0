// A failure the core means to report: it carries the typed AppError that crosses the process
// boundary as is (dispatch-channel.ts), unlike any other thrown error, which becomes INTERNAL.
import type { AppError, ErrorCode } from '../../shared/errors';
import { appError } from '../../shared/errors';

export class AppFailure extends Error {
  readonly error: AppError;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppFailure';
    this.error = appError(code, message, fields);
  }
}

export function isAppFailure(value: unknown): value is AppFailure {
  return value instanceof AppFailure;
}
