// Issue 12, the e-mail channel over implicit TLS (smtps://, port 465, RFC 8314): against a real
// smtp-server on 127.0.0.1 with `secure: true` and the test CA. The same guarantees as STARTTLS:
// each copy accepted once over TLS 1.2 or later with the receipt kept; a certificate the pinned CA
// did not issue, or a server that offers only TLS 1.1, gets nothing; the settings accept smtps://
// and keep it through the encrypted vault (migration 0270 widened its CHECK).
import { afterEach, describe, expect, it } from 'vitest';
import type { MailReceipt } from '../../../electron/core/submission/delivery-receipt';
import { smtpTarget } from '../../../electron/core/submission/smtp-channel';
import type { SubmissionWorld } from './submission-fixture';
import { issueAndShip, openSubmissionWorld, statuses, testPki } from './submission-fixture';
import type { SmtpTestServer } from './smtp-test-server';
import { startSmtpTestServer } from './smtp-test-server';

let world: SubmissionWorld | undefined;
let smtp: SmtpTestServer | undefined;
afterEach(async () => {
  await smtp?.close();
  await world?.close();
  smtp = undefined;
  world = undefined;
});

async function setUp(
  setup: { rogue?: boolean; tlsMaxVersion?: 'TLSv1.1' } = {},
): Promise<{ world: SubmissionWorld; smtp: SmtpTestServer }> {
  const opened = await openSubmissionWorld({ configure: false });
  world = opened;
  const pki = testPki(opened.vault.clock.now);
  const server = await startSmtpTestServer({
    tlsPair: setup.rogue === true ? pki.rogueServer : pki.server,
    implicitTls: true,
    ...(setup.tlsMaxVersion === undefined ? {} : { tlsMaxVersion: setup.tlsMaxVersion }),
  });
  smtp = server;
  for (const recipient of ['census', 'uskpa'] as const)
    opened.submissions.configureRecipient(opened.staff.admin, {
      recipient,
      channel: 'smtp',
      url: server.url,
      to: `${recipient}-kp@agency.example`,
      from: 'exports@licensee.example',
      caPem: pki.ca.certPem,
    });
  await issueAndShip(opened.vault, opened.staff.operator, 'US12345', true);
  return { world: opened, smtp: server };
}

describe('e-mail channel over implicit TLS (smtps://)', () => {
  it('port 465 when the URL names none; 587 stays the STARTTLS default', () => {
    expect(smtpTarget('smtps://mail.example')).toMatchObject({ port: 465, implicitTls: true });
    expect(smtpTarget('smtp://mail.example')).toMatchObject({ port: 587, implicitTls: false });
    expect(smtpTarget('SMTPS://mail.example:2465')).toMatchObject({
      port: 2465,
      implicitTls: true,
    });
  });

  it('delivers each copy once over TLS 1.2+, keeps the smtps:// setting and the receipt', async () => {
    const { world, smtp } = await setUp();
    const saved = world.submissions.recipients().find((r) => r.recipient === 'census');
    expect(saved?.url).toBe(smtp.url);
    expect(smtp.url.startsWith('smtps://127.0.0.1:')).toBe(true);

    const summary = await world.submissions.drain();
    expect(summary.delivered).toBe(2);
    expect(smtp.received).toHaveLength(2);
    for (const mail of smtp.received) {
      expect(mail.secure).toBe(true);
      expect(['TLSv1.2', 'TLSv1.3']).toContain(mail.tlsProtocol);
    }
    await world.submissions.drain({ untilEmpty: true, maxWaitMs: 0 });
    expect(smtp.received).toHaveLength(2);
    expect(Object.values(statuses(world))).toEqual(['delivered', 'delivered']);

    const census = world.submissions.list().find((row) => row.recipient === 'census');
    const receipt = world.submissions.receipt(census?.id ?? 0) as MailReceipt;
    expect(receipt.channel).toBe('smtp');
    expect(receipt.server).toBe(`127.0.0.1:${String(smtp.port)}`);
    expect(receipt.proves).toBe('accepted by the mail server');
    expect(world.vault.services.audit.verify().ok).toBe(true);
  });

  it('never trusts a server certificate the pinned CA did not issue: nothing sent', async () => {
    const { world, smtp } = await setUp({ rogue: true });
    const summary = await world.submissions.drain();
    expect(summary.rejected).toBe(2);
    expect(world.submissions.list().map((row) => row.lastErrorCode)).toEqual([
      'SERVER_CERTIFICATE_UNTRUSTED',
      'SERVER_CERTIFICATE_UNTRUSTED',
    ]);
    expect(smtp.mailFromCount()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('a server that offers only TLS 1.1 gets nothing', async () => {
    const { world, smtp } = await setUp({ tlsMaxVersion: 'TLSv1.1' });
    const summary = await world.submissions.drain();
    expect(summary.delivered + summary.deliveredWithWarnings).toBe(0);
    expect(smtp.mailFromCount()).toBe(0);
    expect(smtp.received).toHaveLength(0);
    const rows = world.submissions.list();
    expect(rows.map((row) => row.status)).not.toContain('delivered');
    expect(rows[0]?.lastError).toMatch(/127\.0\.0\.1/);
  });

  it('refuses other schemes and smtps:// with a path, naming the field', async () => {
    const { world } = await setUp();
    for (const url of [
      'smtpx://mail.example',
      'smtps://mail.example/inbox',
      'smtps://u@mail.example',
    ])
      expect(() =>
        world.submissions.configureRecipient(world.staff.admin, {
          recipient: 'census',
          channel: 'smtp',
          url,
          to: 'a@agency.example',
        }),
      ).toThrow(/smtps:\/\/host/);
  });
});
