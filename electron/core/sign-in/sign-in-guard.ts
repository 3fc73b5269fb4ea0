// Sign-in with a per-username backoff, and every failure audited. The history of an existing
// account comes from its audit trail ('session.sign-in-failed' events since its last
// 'session.sign-in-after-failures' or other success marker), so quitting and restarting the app
// does not reset it; a username with no account is tracked in memory (bounded), with the same
// backoff, so the answers do not tell whether an account exists. While a username must wait, an
// attempt is refused without checking the password (SIGN_IN_THROTTLED, saying how long) and is
// not audited: the wait bounds how fast the audit chain can grow. Each real failure is audited
// in the transaction that records it: for an account, as an event of that user; for an unknown
// name, as an event of user 0 (no such row; the typed name is never stored).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { SignInSchema } from '../../../shared/records/user-inputs';
import { AppFailure, isAppFailure } from '../app-failure';
import type { AuditWriter } from '../vault/audit/audit-chain';
import { parseInput } from '../vault/repositories/parse-input';
import type { User, UserRepository } from '../vault/repositories/user-repository';
import type { FailureHistory } from './sign-in-backoff';
import { describeWait, remainingWaitMs } from './sign-in-backoff';

export const SIGN_IN_FAILED_ACTION = 'session.sign-in-failed';
/** A success after failures: recorded so that the count starts again from it (also after a restart). */
export const SIGN_IN_AFTER_FAILURES_ACTION = 'session.sign-in-after-failures';
/** The entity id of failures for a username that has no account (users.id starts at 1). */
export const UNKNOWN_USER_ENTITY = '0';

/** How many unknown usernames are remembered; the oldest is forgotten first. */
const MAX_UNKNOWN_NAMES = 1_000;
/** Failures read back from a user's trail: past this many the wait is at its cap anyway. */
const HISTORY_LIMIT = 64;

export type SignInGuardDeps = {
  db: Database;
  users: UserRepository;
  audit: AuditWriter;
  now: () => Date;
};

export function createSignInGuard(deps: SignInGuardDeps) {
  const { db, users, audit, now } = deps;
  const byName = db.prepare<[string], { id: number }>(
    'SELECT id FROM users WHERE username = ? COLLATE NOCASE',
  );
  const trail = db.prepare<[string, string, string, number], { action: string; at: string }>(
    `SELECT action, at FROM audit_events
      WHERE entity_type = 'user' AND entity_id = ? AND action IN (?, ?)
      ORDER BY seq DESC LIMIT ?`,
  );
  const unknown = new Map<string, FailureHistory>();

  function accountHistory(userId: number): FailureHistory {
    const events = trail.all(
      String(userId),
      SIGN_IN_FAILED_ACTION,
      SIGN_IN_AFTER_FAILURES_ACTION,
      HISTORY_LIMIT,
    );
    let failures = 0;
    let lastFailureAt: number | null = null;
    for (const event of events) {
      if (event.action !== SIGN_IN_FAILED_ACTION) break;
      failures += 1;
      lastFailureAt ??= Date.parse(event.at);
    }
    return { failures, lastFailureAt };
  }

  function recordUnknownFailure(name: string, at: number): void {
    const history = unknown.get(name) ?? { failures: 0, lastFailureAt: null };
    unknown.delete(name); // re-inserted last: the Map keeps insertion order, oldest first
    unknown.set(name, { failures: history.failures + 1, lastFailureAt: at });
    if (unknown.size > MAX_UNKNOWN_NAMES) {
      const oldest = unknown.keys().next().value;
      if (oldest !== undefined) unknown.delete(oldest);
    }
  }

  return {
    /** Signs in, or throws SIGN_IN_THROTTLED (waiting) or AUTH_FAILED (audited). */
    signIn: (input: unknown): User => {
      const { username } = parseInput(SignInSchema, input);
      const name = username.trim().toLowerCase();
      const account = byName.get(username.trim());
      const history =
        account === undefined
          ? (unknown.get(name) ?? { failures: 0, lastFailureAt: null })
          : accountHistory(account.id);
      const at = now().getTime();
      const wait = remainingWaitMs(history, at);
      if (wait > 0)
        throw new AppFailure(
          'SIGN_IN_THROTTLED',
          `Too many failed sign-ins for this username. Wait ${describeWait(wait)}, then try again.`,
          { password: `Wait ${describeWait(wait)} before the next attempt.` },
        );
      try {
        const user = users.signIn(input);
        if (history.failures > 0)
          db.transaction(() => {
            audit.append({
              userId: user.id,
              action: SIGN_IN_AFTER_FAILURES_ACTION,
              entityType: 'user',
              entityId: user.id,
            });
          })();
        return user;
      } catch (error: unknown) {
        if (!isAppFailure(error) || error.error.code !== 'AUTH_FAILED') throw error;
        if (account === undefined) recordUnknownFailure(name, at);
        db.transaction(() => {
          audit.append({
            userId: null,
            action: SIGN_IN_FAILED_ACTION,
            entityType: 'user',
            entityId: account === undefined ? UNKNOWN_USER_ENTITY : account.id,
          });
        })();
        throw error;
      }
    },
  };
}
