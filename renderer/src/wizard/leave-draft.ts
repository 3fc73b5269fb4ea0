// What happens to the certificate being prepared when the user leaves the wizard (another screen,
// or "New certificate" while a draft is open, issue 16): the draft as typed is saved before the
// wizard goes, and the next wizard waits for that save, so it never takes the same blank form,
// and tells the user where the draft they left is. One save at a time, in order.
import type { AppError } from '../../../shared/errors';

export type LeftDraft =
  { status: 'saved'; number: string } | { status: 'failed'; number: string; error: AppError };

let pending: Promise<LeftDraft | null> = Promise.resolve(null);

/** Records the save of the draft being left; the next wizard waits for it. */
export function leaveDraft(save: Promise<LeftDraft | null>): void {
  pending = pending.then(
    () => save,
    () => save,
  );
}

/** Waits for the last draft left to be saved; answers it once (null when there was none). */
export async function draftLeft(): Promise<LeftDraft | null> {
  const current = pending;
  const left = await current.catch(() => null);
  if (pending === current) pending = Promise.resolve(null);
  return left;
}
