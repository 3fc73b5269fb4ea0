// Issue 12, "Faults": every fault of the reference intake server ends with each submission
// delivered exactly once (counted on the server) or visibly Rejected; a server certificate the
// pinned CA did not issue is never trusted and nothing reaches it. Real parts throughout: an
// encrypted vault, a real HTTPS server on 127.0.0.1 with mutual TLS, signed receipts checked
// against the pinned CA, and the audit verification over outbox rows and receipts.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpsChannel } from '../../../electron/core/submission/https-channel';
import { createIntakePki } from '../../../preview/intake/intake-pki';
import { createVaultServices } from '../../../electron/core/vault/vault-services';
import { tamperWithVault } from '../vault/vault-fixture';
import type { SubmissionWorld } from './submission-fixture';
import { issueAndShip, openSubmissionWorld, statuses, testPki } from './submission-fixture';

let world: SubmissionWorld;
afterEach(async () => {
  await world.close();
});

/** Two certificates issued and shipped (one with its signed PDF) and one voided blank: 6 rows. */
async function queueSix(): Promise<void> {
  const { vault, staff } = world;
  await issueAndShip(vault, staff.operator, 'US12345', true);
  await issueAndShip(vault, staff.operator, 'US12346', false);
  vault.services.issuance.voidBlank(staff.operator, {
    number: 'US12350',
    reason: 'Other (notes required)',
    notes: 'Torn in the printer.',
  });
}

const expectAllDelivered = (): void => {
  for (const status of Object.values(statuses(world)))
    expect(status).toMatch(/^delivered(_with_warnings)?$/);
};

describe('delivery to the reference intake server', () => {
  // The first one generates the test PKI (RSA keys): slow on a loaded machine, not a timing check.
  beforeEach(async () => {
    world = await openSubmissionWorld();
    await queueSix();
  }, 120_000);

  it('delivers each copy once, stores verified receipts, and the audit chain covers them', async () => {
    const summary = await world.submissions.drain();
    expect(summary).toMatchObject({ attempts: 6, failed: 0, rejected: 0, waiting: 0 });
    expect(world.server.deliveries()).toBe(6);
    expect(statuses(world)).toEqual({
      'uskpa US12345/issued/v1': 'delivered',
      'census US12345/shipped/v1': 'delivered',
      // No signed PDF in the vault: the intake accepts with a warning the licensee sees.
      'uskpa US12346/issued/v1': 'delivered_with_warnings',
      'census US12346/shipped/v1': 'delivered_with_warnings',
      'census US12350/voided/v1': 'delivered_with_warnings',
      'uskpa US12350/voided/v1': 'delivered_with_warnings',
    });
    // The PDF that arrived is the one in the vault, byte for byte.
    const census = world.server.stored().get('census:US12345/shipped/v1');
    const pdf = Buffer.from(census?.envelope.document?.base64 ?? '', 'base64');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(census?.envelope.document?.sha256);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // USKPA's envelope carried the chain head, and the stored receipt echoes it.
    const row = world.submissions.list().find((r) => r.idempotencyKey === 'US12345/issued/v1');
    const receipt = world.submissions.receipt(row?.id ?? 0);
    const sent = world.server.stored().get('uskpa:US12345/issued/v1')?.envelope.auditHead;
    expect(sent?.seq).toBeGreaterThan(0);
    // A signed HTTPS receipt (e-mail and manual receipts have no `receipt` inside).
    const signed = receipt !== null && 'receipt' in receipt ? receipt.receipt : undefined;
    expect(signed?.auditHead).toEqual(sent);
    const event = world.vault.db
      .prepare<[number], string>('SELECT hash FROM audit_events WHERE seq = ?')
      .pluck()
      .get(sent?.seq ?? 0);
    expect(event).toBe(sent?.hash);
    expect(world.server.stored().get('census:US12345/shipped/v1')?.envelope.auditHead).toBe(
      undefined,
    );
    expect(world.vault.services.audit.verify().ok).toBe(true);
  });

  it('finds an outbox row or a receipt changed behind the app', async () => {
    await world.submissions.drain();
    expect(world.vault.services.audit.verify().ok).toBe(true);
    tamperWithVault(world.vault, "UPDATE outbox SET last_error = 'edited' WHERE id = 1");
    const afterRow = verify();
    expect(afterRow.ok).toBe(false);
    expect(afterRow.firstBreak?.message).toMatch(/^Submission 1 differs/);
    tamperWithVault(world.vault, 'UPDATE outbox SET last_error = NULL WHERE id = 1');
    expect(verify().ok).toBe(true);
    tamperWithVault(world.vault, "UPDATE submission_receipts SET received_at = 'x' WHERE id = 2");
    expect(verify().firstBreak?.message).toMatch(/^Submission receipt 2 differs/);
  });

  it('retries while the server is down, then delivers each once', async () => {
    await world.server.setFaults({ down: true });
    const first = await world.submissions.drain();
    expect(first).toMatchObject({ attempts: 6, failed: 6, waiting: 6 });
    expect(new Set(world.submissions.list().map((r) => r.lastErrorCode))).toEqual(
      new Set(['NETWORK']),
    );
    await world.server.setFaults({ down: false });
    const second = await world.submissions.drain({ untilEmpty: true });
    expect(second).toMatchObject({ delivered: 2, deliveredWithWarnings: 4, waiting: 0 });
    // Waited out the backoff (30 s for the first retry, with the fixed jitter of 0.5: 22.5 s).
    expect(world.slept[0]).toBe(22_500);
    expect(world.server.deliveries()).toBe(6);
    expectAllDelivered();
  });

  it('retries after 500s with growing, jittered backoff', async () => {
    await world.server.setFaults({ error500: 13 });
    const summary = await world.submissions.drain({ untilEmpty: true });
    expect(summary.waiting).toBe(0);
    expect(summary.attempts).toBe(6 + 13);
    expect(world.server.deliveries()).toBe(6);
    expect(Math.max(...world.submissions.list().map((r) => r.attempts))).toBeGreaterThan(2);
    expectAllDelivered();
    expect(world.vault.services.audit.verify().ok).toBe(true);
  });

  it('honours 429 Retry-After before trying again', async () => {
    await world.server.setFaults({ tooMany: { count: 1, retryAfterSeconds: 600 } });
    const first = await world.submissions.drain();
    expect(first.failed).toBe(1);
    const waiting = world.submissions.list().find((r) => r.status === 'failed');
    expect(waiting?.lastErrorCode).toBe('RATE_LIMITED');
    expect(Date.parse(waiting?.nextDueAt ?? '') - Date.parse(waiting?.lastAttemptAt ?? '')).toBe(
      600_000,
    );
    await world.submissions.drain({ untilEmpty: true });
    expect(world.slept).toEqual([600_000]);
    expect(world.server.deliveries()).toBe(6);
    expectAllDelivered();
  });

  it('re-sends after a dropped connection and gets the stored receipt, not a second delivery', async () => {
    await world.server.setFaults({ dropAfterStore: 2 });
    await world.submissions.drain({ untilEmpty: true });
    expect(world.server.deliveries()).toBe(6);
    const repeated = [...world.server.stored().values()].filter((s) => s.requests === 2);
    expect(repeated).toHaveLength(2);
    expectAllDelivered();
  });

  it('counts one delivery when every request is handled three times', async () => {
    await world.server.setFaults({ repeat: 3 });
    await world.submissions.drain();
    expect(world.server.deliveries()).toBe(6);
    for (const stored of world.server.stored().values()) expect(stored.requests).toBe(3);
    expectAllDelivered();
  });

  it('never trusts a server certificate from another CA: nothing is sent, the rows need the user', async () => {
    await world.server.setFaults({ wrongCertificate: true });
    const summary = await world.submissions.drain({ untilEmpty: true });
    expect(summary).toMatchObject({ rejected: 6, delivered: 0 });
    expect(world.server.secureConnections()).toBe(0);
    expect(world.server.requests()).toBe(0);
    expect(world.server.deliveries()).toBe(0);
    const rows = world.submissions.list();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['rejected']));
    expect(rows[0]?.lastErrorCode).toBe('SERVER_CERTIFICATE_UNTRUSTED');
    expect(rows[0]?.lastError).toMatch(/did not issue.*nothing was sent/);
    // Fixed on the server's side: the user retries, and each is delivered once.
    await world.server.setFaults({ wrongCertificate: false });
    for (const row of rows) world.submissions.retryNow(world.staff.operator, row.id);
    await world.submissions.drain();
    expect(world.server.deliveries()).toBe(6);
    expectAllDelivered();
    expect(world.vault.services.audit.verify().ok).toBe(true);
  });
});

describe('a slow server', () => {
  beforeEach(async () => {
    world = await openSubmissionWorld({ timeoutMs: 300 });
    await issueAndShip(world.vault, world.staff.operator, 'US12345', true);
  });

  it('times the attempt out, then delivers once (the server kept the first copy)', async () => {
    await world.server.setFaults({ slowMs: 3_000 });
    const first = await world.submissions.drain();
    expect(first.failed).toBe(2);
    expect(world.submissions.list()[0]?.lastErrorCode).toBe('TIMEOUT');
    await world.server.setFaults({ slowMs: 0 });
    await world.submissions.drain({ untilEmpty: true });
    expect(world.server.deliveries()).toBe(2);
    expectAllDelivered();
  });
});

describe('refusals that need the user', () => {
  it('rejects a receipt that the pinned CA did not certify (delivery not proven)', async () => {
    const base = testPki(new Date('2026-11-27T10:00:00.000Z'));
    // The intake signs receipts with a key certified by another CA.
    world = await openSubmissionWorld({ pki: { ...base, receiptSigner: base.rogueServer } });
    await issueAndShip(world.vault, world.staff.operator, 'US12345', true);
    const summary = await world.submissions.drain();
    expect(summary.rejected).toBe(2);
    const row = world.submissions.list()[0];
    expect(row?.lastErrorCode).toBe('RECEIPT_INVALID');
    expect(row?.lastError).toMatch(/not certified by the recipient's CA/);
    expect(world.submissions.receipt(row?.id ?? 0)).toBeNull();
  });

  it('refuses a client without a certificate the intake CA issued', async () => {
    world = await openSubmissionWorld({ configure: false });
    const pki = testPki(world.vault.clock.now);
    const other = createIntakePki({ now: world.vault.clock.now });
    const channel = createHttpsChannel({
      url: world.server.url,
      caPem: pki.ca.certPem,
      clientCertPem: other.client.certPem,
      clientKeyPem: other.client.keyPem,
    });
    try {
      const outcome = await channel.send({
        envelopeVersion: 1,
        idempotencyKey: 'US12345/shipped/v1',
        recipient: 'census',
        kind: 'shipped',
        certificateNumber: 'US12345',
        queuedAt: '2026-11-27T10:00:00.000Z',
        certificate: { number: 'US12345' },
        document: null,
      });
      expect(outcome).toMatchObject({ kind: 'rejected', code: 'CLIENT_CERTIFICATE_REFUSED' });
      expect(world.server.deliveries()).toBe(0);
    } finally {
      channel.close();
    }
  });
});

/** The tamper helper reopened the connection: verify through services over the new one. */
function verify() {
  return createVaultServices(world.vault.db).audit.verify();
}
