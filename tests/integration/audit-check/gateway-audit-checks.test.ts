// The audit checks as the app runs them, through the vault gateway: audit:verify answers with
// the head of its snapshot and records it; the next unlock checks only what was written since,
// and finds an event altered after that head while the vault was closed. The audit channel's
// answer still parses against the shared contract's output schema.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVaultGateway } from '../../../electron/core/vault/vault-gateway';
import type { VaultGateway } from '../../../electron/core/vault/vault-gateway';
import { unlockVaultAndKey } from '../../../electron/core/vault/keys/unlock-vault';
import { AuditReportSchema } from '../../../shared/records/record-outputs';
import { OPEN_AUDIT_FOR_TAMPERING } from '../../helpers/audit-tampering';

const PASSPHRASE = 'a long vault passphrase';
const PASSWORD = 'correct horse battery';

let dir: string;
let gateway: VaultGateway;
const clock = { now: new Date('2026-11-27T10:00:00Z') };

function newGateway(): VaultGateway {
  return createVaultGateway({
    dataDir: join(dir, 'data'),
    now: () => clock.now,
    kdf: { N: 1024, r: 8, p: 1 },
    passwordHashing: { N: 1024, r: 8, p: 1 },
    submissions: { background: false },
  });
}

async function unlockAndSignIn(): Promise<void> {
  await gateway.unlock({ passphrase: PASSPHRASE });
  gateway.signIn({ username: 'ada', password: PASSWORD });
}

/** Changes the closed vault as an attacker with the key would. */
async function tamper(sql: string): Promise<void> {
  const { db, key } = await unlockVaultAndKey({
    dir: join(dir, 'data'),
    secret: { passphrase: PASSPHRASE },
  });
  try {
    db.exec(sql);
  } finally {
    db.close();
    key.fill(0);
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kp-audit-checks-'));
  gateway = newGateway();
  const { recoveryKey } = await gateway.create({ passphrase: PASSPHRASE });
  gateway.createFirstAdministrator({
    username: 'ada',
    displayName: 'Ada Admin',
    password: PASSWORD,
  });
  await gateway.confirmRecoveryKey({ recoveryKey });
  gateway.stock.register({ numbers: 'US10000-US10049' });
}, 60_000);
afterEach(() => {
  gateway.lock();
  rmSync(dir, { recursive: true, force: true });
});

describe('the audit checks through the gateway', () => {
  it('verifies, records the head, and at the next unlock checks only the events since', async () => {
    expect(gateway.audit.unlockCheck(undefined)).toMatchObject({ state: 'unverified' });
    const report = await gateway.audit.verify(undefined);
    expect(AuditReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({ ok: true });
    const proved = report.head.seq;
    gateway.stock.register({ numbers: 'US10050-US10052' });
    gateway.lock();

    await unlockAndSignIn();
    const check = gateway.audit.unlockCheck(undefined);
    // the verification's own record, the batch and the range of its three forms (one event)
    expect(check).toMatchObject({ state: 'ok', from: { seq: proved }, eventsChecked: 3 });
  });

  it('finds at unlock an event altered after the proved head while the vault was closed', async () => {
    const report = await gateway.audit.verify(undefined);
    gateway.stock.register({ numbers: 'US10050-US10052' });
    gateway.lock();
    const target = report.head.seq + 3;
    await tamper(`${OPEN_AUDIT_FOR_TAMPERING}
      UPDATE audit_events SET user_id = NULL WHERE seq = ${String(target)}`);

    await unlockAndSignIn();
    expect(gateway.audit.unlockCheck(undefined)).toMatchObject({
      state: 'broken',
      firstBreak: { seq: target, kind: 'hash' },
    });
  });
});
