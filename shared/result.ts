// The shape every IPC handler and bridge call answers with (docs/architecture.md, rule 2).
import type { AppError } from './errors';

export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; error: AppError };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (error: AppError): Err => ({ ok: false, error });
