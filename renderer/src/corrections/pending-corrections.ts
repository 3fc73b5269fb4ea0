// The correction requests waiting for a decision, across all certificates (editRequests:list with
// status "pending"), and which of them the signed-in user may decide: an administrator, never
// the person who asked (four eyes; the core refuses the others with FORBIDDEN).
import type { z } from 'zod';
import type { EditRequestSchema } from '../../../shared/records/record-outputs';
import type { UserRole } from '../../../shared/records/user-inputs';
import { mayDecideEditRequest } from '../shell/permissions';

export type PendingCorrection = z.output<typeof EditRequestSchema>;

/** The vault answers at most this many requests per list (edit-request-repository.ts). */
export const PENDING_LIST_LIMIT = 500;

export function decidableBy(
  user: { userId: number; role: UserRole },
  requests: readonly PendingCorrection[],
): PendingCorrection[] {
  return requests.filter((request) => mayDecideEditRequest(user, request));
}

/** The badge's text: the count, with "+" when the list may have been cut at the vault's limit. */
export function badgeText(count: number, listed: number): string {
  return listed >= PENDING_LIST_LIMIT ? `${String(count)}+` : String(count);
}
