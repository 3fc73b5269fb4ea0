// Sign-in failures back off per username and are audited (issue 13: sign-in had no throttling).
// A fixed clock moved by hand stands in for time: nothing sleeps. The history of an account is
// read from its audit trail, so a new connection (a restarted app) still makes it wait.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVaultServices } from '../../../electron/core/vault/vault-services';
import { verifyAuditChain } from '../../../electron/core/vault/audit/verify-audit-chain';
import { createChannelHarness, HARNESS_PASSWORD } from '../../helpers/vault-channel-harness';
import type { Staff, TestVault } from './vault-fixture';
import { PASSWORD, TEST_SCRYPT, failureOf, openTestVault, seedVault } from './vault-fixture';

let vault: TestVault;
let staff: Staff;
beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
});
afterEach(() => vault.close());

const wrong = { username: 'otto', password: 'not the password' };
const right = { username: 'otto', password: PASSWORD };

/** One attempt; the code it got ('ok' on success). */
function tryOnce(credentials: { username: string; password: string }): string {
  let code = 'ok';
  try {
    vault.services.users.signIn(credentials);
  } catch (error: unknown) {
    code = (error as { error: { code: string } }).error.code;
  }
  return code;
}

const advance = (ms: number): void => {
  vault.clock.now = new Date(vault.clock.now.getTime() + ms);
};

function signInEvents(): [string, string, number | null][] {
  return vault.db
    .prepare<[], [string, string, number | null]>(
      "SELECT action, entity_id, user_id FROM audit_events WHERE action LIKE 'session.%' ORDER BY seq",
    )
    .raw()
    .all();
}

describe('sign-in backoff', () => {
  it('lets three failures pass, then doubles the wait; the right password waits too', () => {
    expect([tryOnce(wrong), tryOnce(wrong), tryOnce(wrong)]).toEqual([
      'AUTH_FAILED',
      'AUTH_FAILED',
      'AUTH_FAILED',
    ]);
    // After the third failure: 1 s. Not even the right password is checked meanwhile.
    const throttled = failureOf(() => vault.services.users.signIn(right));
    expect(throttled).toMatchObject({ code: 'SIGN_IN_THROTTLED' });
    expect(throttled.message).toMatch(/Wait 1 second, then try again/);
    advance(999);
    expect(tryOnce(right)).toBe('SIGN_IN_THROTTLED');
    advance(1);
    expect(tryOnce(wrong)).toBe('AUTH_FAILED'); // the fourth: 2 s now
    advance(1_999);
    expect(tryOnce(right)).toBe('SIGN_IN_THROTTLED');
    advance(1);
    expect(tryOnce(wrong)).toBe('AUTH_FAILED'); // the fifth: 4 s
    expect(failureOf(() => vault.services.users.signIn(right)).message).toMatch(/Wait 4 seconds/);
    advance(4_000);
    expect(tryOnce(right)).toBe('ok');
    // A success starts the count again: the next failures are free.
    expect([tryOnce(wrong), tryOnce(wrong), tryOnce(wrong)]).toEqual([
      'AUTH_FAILED',
      'AUTH_FAILED',
      'AUTH_FAILED',
    ]);
  });

  it('is per username: another user signs in while one waits', () => {
    for (let i = 0; i < 6; i += 1) tryOnce(wrong);
    expect(tryOnce(right)).toBe('SIGN_IN_THROTTLED');
    expect(tryOnce({ username: 'ada', password: PASSWORD })).toBe('ok');
    expect(tryOnce({ username: 'OTTO', password: PASSWORD })).toBe('SIGN_IN_THROTTLED');
  });

  it('audits every failure and the success after them; the chain holds', () => {
    const ottoId = String(staff.operator.userId);
    expect([tryOnce(wrong), tryOnce(wrong), tryOnce(wrong)]).toEqual(Array(3).fill('AUTH_FAILED'));
    advance(1_000);
    expect(tryOnce(wrong)).toBe('AUTH_FAILED');
    expect(tryOnce(right)).toBe('SIGN_IN_THROTTLED'); // refused while waiting: not audited
    advance(2_000);
    expect(tryOnce(right)).toBe('ok');
    expect(signInEvents()).toEqual([
      ...Array.from({ length: 4 }, () => ['session.sign-in-failed', ottoId, null]),
      ['session.sign-in-after-failures', ottoId, staff.operator.userId],
    ]);
    expect(verifyAuditChain(vault.db)).toMatchObject({ ok: true });
  });

  it('remembers an account’s failures across a restart (from its audit trail)', () => {
    for (let i = 0; i < 5; i += 1) tryOnce(wrong);
    const restarted = createVaultServices(vault.db, {
      now: () => vault.clock.now,
      passwordHashing: TEST_SCRYPT,
    });
    expect(failureOf(() => restarted.users.signIn(right))).toMatchObject({
      code: 'SIGN_IN_THROTTLED',
    });
  });

  it('backs off a username without an account the same way, audited as user 0', () => {
    const nobody = { username: 'mallory', password: 'guess' };
    expect([tryOnce(nobody), tryOnce(nobody), tryOnce(nobody), tryOnce(nobody)]).toEqual([
      'AUTH_FAILED',
      'AUTH_FAILED',
      'AUTH_FAILED',
      'SIGN_IN_THROTTLED',
    ]);
    expect(signInEvents()).toEqual(
      Array.from({ length: 3 }, () => ['session.sign-in-failed', '0', null]),
    );
    expect(JSON.stringify(vault.db.prepare('SELECT * FROM audit_events').all())).not.toContain(
      'mallory',
    );
    expect(verifyAuditChain(vault.db)).toMatchObject({ ok: true });
  });
});

describe('sign-in backoff over the channel', () => {
  it('answers SIGN_IN_THROTTLED with the wait at the password field', async () => {
    const h = createChannelHarness();
    try {
      await h.firstRun();
      await h.value('session:signOut');
      for (let i = 0; i < 3; i += 1)
        expect(await h.code('session:signIn', { username: 'ada', password: 'wrong' })).toBe(
          'AUTH_FAILED',
        );
      const result = await h.call('session:signIn', {
        username: 'ada',
        password: HARNESS_PASSWORD,
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'SIGN_IN_THROTTLED' } });
      if (!result.ok) expect(result.error.fields?.password).toMatch(/Wait 1 second/);
      h.clock.now = new Date(h.clock.now.getTime() + 1_000);
      expect(await h.code('session:signIn', { username: 'ada', password: HARNESS_PASSWORD })).toBe(
        'ok',
      );
    } finally {
      h.dispose();
    }
  });
});
