// Issue 12, the e-mail channel, against a real SMTP server on 127.0.0.1 (smtp-server) with
// STARTTLS and the test CA: each copy is accepted exactly once, with the signed PDF and the data
// as attachments and the server's reply and Message-ID kept as the receipt; a server without
// STARTTLS, or with a certificate the pinned CA did not issue, gets nothing; 4xx is retried,
// 5xx needs the user. Real encrypted vault, real TLS, audit verification over the receipts.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MailReceipt } from '../../../electron/core/submission/delivery-receipt';
import { createSmtpChannel } from '../../../electron/core/submission/smtp-channel';
import { createEnvelopeBuilder } from '../../../electron/core/submission/build-envelope';
import { createAuditWriter } from '../../../electron/core/vault/audit/audit-chain';
import { createOutboxDeliveries } from '../../../electron/core/submission/outbox-deliveries';
import { failureOf } from '../vault/vault-fixture';
import type { SubmissionWorld } from './submission-fixture';
import { issueAndShip, openSubmissionWorld, statuses, testPki } from './submission-fixture';
import type { SmtpTestServer } from './smtp-test-server';
import { attachmentsOf, headerOf, startSmtpTestServer } from './smtp-test-server';

let world: SubmissionWorld;
let smtp: SmtpTestServer;
afterEach(async () => {
  await smtp.close();
  await world.close();
});

type Setup = {
  noStartTls?: boolean;
  rogue?: boolean;
  login?: { user: string; password: string };
  pinCa?: boolean;
};

async function setUp(setup: Setup = {}): Promise<void> {
  world = await openSubmissionWorld({ configure: false });
  const pki = testPki(world.vault.clock.now);
  smtp = await startSmtpTestServer({
    tlsPair: setup.rogue === true ? pki.rogueServer : pki.server,
    ...(setup.noStartTls === true ? { noStartTls: true } : {}),
    ...(setup.login === undefined ? {} : { login: setup.login }),
  });
  for (const recipient of ['census', 'uskpa'] as const)
    world.submissions.configureRecipient(world.staff.admin, {
      recipient,
      channel: 'smtp',
      url: smtp.url,
      to: `${recipient}-kp@agency.example`,
      from: 'exports@licensee.example',
      ...(setup.pinCa === false ? {} : { caPem: pki.ca.certPem }),
      ...(setup.login === undefined
        ? {}
        : { username: setup.login.user, password: setup.login.password }),
    });
  // Issue (USKPA row) and ship (Census row), with the signed PDF attached.
  await issueAndShip(world.vault, world.staff.operator, 'US12345', true);
}

const pdfInVault = (): Buffer =>
  world.vault.db
    .prepare<[], Buffer>("SELECT content FROM attachments WHERE kind = 'signed-certificate'")
    .pluck()
    .get() as Buffer;

describe('e-mail channel (SMTP with STARTTLS required)', () => {
  it('delivers each copy exactly once, encrypted, with the PDF, the data and the receipt kept', async () => {
    await setUp();
    const summary = await world.submissions.drain();
    expect(summary.delivered).toBe(2);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received.every((mail) => mail.secure)).toBe(true);

    // Draining again sends nothing: the rows are Delivered.
    await world.submissions.drain({ untilEmpty: true, maxWaitMs: 0 });
    expect(smtp.received).toHaveLength(2);
    expect(Object.values(statuses(world))).toEqual(['delivered', 'delivered']);

    const census = world.submissions.list().find((row) => row.recipient === 'census');
    expect(census).toBeDefined();
    const receipt = world.submissions.receipt(census?.id ?? 0) as MailReceipt;
    expect(receipt.channel).toBe('smtp');
    expect(receipt.serverResponse).toMatch(/^250 .*queued as Q\d/);
    expect(receipt.to).toBe('census-kp@agency.example');
    expect(census?.receiptId).toBe(receipt.messageId);
    expect(census?.deliveryNote).toBe(
      `Accepted by the mail server 127.0.0.1:${String(smtp.port)} as ${receipt.messageId} (for census-kp@agency.example); this proves the server took the message, not that the recipient read it.`,
    );

    const mail = smtp.received.find((m) => headerOf(m.raw, 'To') === 'census-kp@agency.example');
    expect(mail).toBeDefined();
    const raw = mail?.raw ?? Buffer.alloc(0);
    expect(headerOf(raw, 'Message-ID')).toBe(receipt.messageId);
    expect(headerOf(raw, 'X-KPDesk-Idempotency-Key')).toBe('US12345/shipped/v1');
    const files = attachmentsOf(raw);
    const pdf = files.get('US12345.pdf');
    expect(pdf?.equals(pdfInVault())).toBe(true);
    const data = JSON.parse(files.get('US12345-shipped-v1.json')?.toString('utf8') ?? '{}') as {
      certificateNumber?: string;
      document?: { sha256?: string };
    };
    expect(data.certificateNumber).toBe('US12345');
    expect(data.document?.sha256).toBe(createHash('sha256').update(pdfInVault()).digest('hex'));

    // The receipts and the rows' moves are covered by the audit chain.
    expect(world.vault.services.audit.verify().ok).toBe(true);
  });

  it('sends the same Message-ID again for the same copy (a resend after a crash is recognisable)', async () => {
    await setUp();
    const { db } = world.vault;
    const now = () => world.vault.clock.now;
    const deliveries = createOutboxDeliveries(db, now, createAuditWriter(db, now));
    const [item] = deliveries.claimBatch(['census'], 1);
    expect(item).toBeDefined();
    if (item === undefined) return;
    const envelope = createEnvelopeBuilder(db)(item);
    const census = world.submissions.recipients().find((r) => r.recipient === 'census');
    expect(census?.mailTo).toBe('census-kp@agency.example');
    const channel = createSmtpChannel({
      recipient: 'census',
      channel: 'smtp',
      url: smtp.url,
      to: 'census-kp@agency.example',
      from: 'exports@licensee.example',
      caPem: testPki(now()).ca.certPem,
    });
    const first = await channel.send(envelope);
    const second = await channel.send(envelope);
    channel.close();
    expect(first.kind).toBe('mail-accepted');
    expect(second.kind).toBe('mail-accepted');
    const ids = smtp.received.map((m) => headerOf(m.raw, 'Message-ID'));
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('logs in only inside TLS, and never shows the password', async () => {
    const login = { user: 'kp-licensee', password: 'correct horse battery staple' };
    await setUp({ login });
    const summary = await world.submissions.drain();
    expect(summary.delivered).toBe(2);
    expect(smtp.received.map((m) => [m.secure, m.user])).toEqual([
      [true, login.user],
      [true, login.user],
    ]);
    const shown = JSON.stringify(world.submissions.recipients());
    expect(shown).toContain('kp-licensee');
    expect(shown).not.toContain(login.password);
    expect(JSON.stringify(world.submissions.list())).not.toContain(login.password);
  });

  it('a wrong password is Rejected and names the login', async () => {
    await setUp({ login: { user: 'kp-licensee', password: 'right' } });
    world.submissions.configureRecipient(world.staff.admin, {
      recipient: 'census',
      channel: 'smtp',
      url: smtp.url,
      to: 'census-kp@agency.example',
      caPem: testPki(world.vault.clock.now).ca.certPem,
      username: 'kp-licensee',
      password: 'wrong',
    });
    await world.submissions.drain();
    const census = world.submissions.list().find((row) => row.recipient === 'census');
    expect(census?.status).toBe('rejected');
    expect(census?.lastErrorCode).toBe('MAIL_LOGIN_REFUSED');
    expect(census?.lastError).not.toContain('wrong');
    expect(smtp.received.filter((m) => headerOf(m.raw, 'To')?.startsWith('census'))).toHaveLength(
      0,
    );
  });

  it('a server that does not offer STARTTLS gets nothing: Rejected with a clear message', async () => {
    await setUp({ noStartTls: true });
    const summary = await world.submissions.drain();
    expect(summary.rejected).toBe(2);
    expect(smtp.mailFromCount()).toBe(0);
    expect(smtp.received).toHaveLength(0);
    const row = world.submissions.list()[0];
    expect(row?.lastErrorCode).toBe('STARTTLS_UNAVAILABLE');
    expect(row?.lastError).toMatch(
      /does not offer STARTTLS; KP Desk never sends a certificate unencrypted, so nothing was sent/,
    );
  });

  it('4xx is Failed (will retry) and then delivered once; 5xx is Rejected', async () => {
    await setUp();
    smtp.setReply(451);
    const first = await world.submissions.drain();
    expect(first.failed).toBe(2);
    expect(smtp.received).toHaveLength(0);
    const failed = world.submissions.list()[0];
    expect(failed?.status).toBe('failed');
    expect(failed?.lastErrorCode).toBe('SERVER_ERROR');
    expect(failed?.lastError).toMatch(/answered 451 .*it will be tried again/);

    smtp.setReply(null);
    const second = await world.submissions.drain({ untilEmpty: true });
    expect(second.delivered).toBe(2);
    expect(world.slept.length).toBeGreaterThan(0);
    expect(smtp.received).toHaveLength(2);

    // A new copy refused for good (550): Rejected, needs the user, nothing stored.
    await issueAndShip(world.vault, world.staff.operator, 'US12346', false);
    smtp.setReply(550);
    const third = await world.submissions.drain();
    expect(third.rejected).toBe(2);
    const refused = world.submissions.list().filter((row) => row.status === 'rejected');
    expect(refused.map((row) => row.lastErrorCode)).toEqual(['MAIL_REFUSED', 'MAIL_REFUSED']);
    expect(refused[0]?.lastError).toMatch(/refused the message: .*550/);
    expect(smtp.received).toHaveLength(2);
  });

  it('never trusts a server certificate the pinned CA did not issue', async () => {
    await setUp({ rogue: true });
    const pinned = await world.submissions.drain();
    expect(pinned.rejected).toBe(2);
    expect(world.submissions.list().map((row) => row.lastErrorCode)).toEqual([
      'SERVER_CERTIFICATE_UNTRUSTED',
      'SERVER_CERTIFICATE_UNTRUSTED',
    ]);
    expect(world.submissions.list()[0]?.lastError).toMatch(/nothing was sent/);
    expect(smtp.mailFromCount()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it("without a pinned CA, trusts only the system's CAs (the test CA is not one of them)", async () => {
    await setUp({ pinCa: false });
    const system = await world.submissions.drain();
    expect(system.rejected).toBe(2);
    expect(smtp.mailFromCount()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('refuses bad mail settings with the field named, and keeps the old ones', async () => {
    await setUp();
    const before = JSON.stringify(world.submissions.recipients());
    const base = { recipient: 'census', channel: 'smtp', url: smtp.url, to: 'a@agency.example' };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...base, url: 'https://mail.example' }, 'url', /smtp:\/\/host/],
      [{ ...base, url: 'smtp://user:pw@mail.example' }, 'url', /no user name/],
      [{ ...base, to: 'Census <a@agency.example>' }, 'to', /one e-mail address/],
      [{ ...base, to: 'a@agency.example\r\nBcc: x@evil.example' }, 'to', /one e-mail address/],
      [{ ...base, username: 'u' }, 'password', /both the mail user name and its password/],
      [
        { ...base, caPem: testPki(world.vault.clock.now).server.certPem },
        'caPem',
        /not a certification authority/,
      ],
    ];
    for (const [input, field, message] of cases) {
      const failure = failureOf(() =>
        world.submissions.configureRecipient(world.staff.admin, input),
      );
      expect(failure.code).toBe('RECIPIENT_SETTINGS_INVALID');
      expect(failure.fields?.[field]).toMatch(message);
    }
    expect(JSON.stringify(world.submissions.recipients())).toBe(before);
  });
});
