// Who is acting. Roles are enforced here, in the core, not only in the UI: the role is read from
// the users table (the one the caller claims must match), so a stale or forged actor cannot do
// more than the stored account may.
import { z } from 'zod';
import { AppFailure } from '../app-failure';
import { parseInput } from '../vault/repositories/parse-input';
import type { UserRole } from '../../../shared/records/user-inputs';
import { userRoles } from '../../../shared/records/user-inputs';
import type { User, UserRepository } from '../vault/repositories/user-repository';

export const ActorSchema = z
  .object({ userId: z.number().int().min(1), role: z.enum(userRoles) })
  .strict();

export type Actor = z.output<typeof ActorSchema>;

/** Reviewers only read; everyone else may write certificates. */
export const WRITERS: readonly UserRole[] = ['operator', 'administrator'];
export const ADMINISTRATORS: readonly UserRole[] = ['administrator'];
/**
 * Who decides a correction of an issued certificate: administrators only. A reviewer is
 * read-only (USKPA reviewers audit the licensee's records; they do not change them), so the
 * role's name stays true; and nobody decides their own request (edit-request-operations.ts).
 */
export const EDIT_DECIDERS: readonly UserRole[] = ['administrator'];

const ROLE_WORDS: Record<UserRole, string> = {
  operator: 'an operator',
  administrator: 'an administrator',
  reviewer: 'a reviewer',
};

export function authorize(
  users: UserRepository,
  actorInput: unknown,
  allowed: readonly UserRole[],
  what: string,
): User {
  const actor = parseInput(ActorSchema, actorInput);
  const user = users.get(actor.userId);
  if (user === null || user.disabledAt !== null || user.role !== actor.role)
    throw new AppFailure('FORBIDDEN', 'Your account is not allowed to do this. Sign in again.');
  if (!allowed.includes(user.role))
    throw new AppFailure(
      'FORBIDDEN',
      `${ROLE_WORDS[user.role].replace(/^./, (c) => c.toUpperCase())} cannot ${what}. Ask ${allowed.map((role) => ROLE_WORDS[role]).join(' or ')}.`,
    );
  return user;
}
