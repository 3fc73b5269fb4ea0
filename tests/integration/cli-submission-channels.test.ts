// Issue 12 on the CLI, in-process on the real command table over a real encrypted vault: the
// e-mail channel set with `kpdesk settings recipient --smtp` (the password never printed) and
// used by `kpdesk submit` against a real SMTP server with STARTTLS on 127.0.0.1; the manual
// channel's package, confirmation, cancel and retry with their roles; and the receipts exported
// as JSON lines with their verification state.
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKpdesk } from '../../cli/kpdesk';
import type { CliIo } from '../../cli/cli-io';
import type { IntakePki } from '../../preview/intake/intake-pki';
import { createIntakePki } from '../../preview/intake/intake-pki';
import type { CliTestVault } from './cli-test-vault';
import { PASSPHRASE, PASSWORD, makeCliTestVault } from './cli-test-vault';
import type { SmtpTestServer } from './submission/smtp-test-server';
import { startSmtpTestServer } from './submission/smtp-test-server';

const MAIL_PASSWORD = 'mail secret 7';

let vault: CliTestVault;
let pki: IntakePki;
let smtp: SmtpTestServer;

type Run = { code: number; out: string; err: string; json: Record<string, unknown> };

async function kpdesk(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    cwd: vault.work,
    columns: 120,
    env: { KPDESK_PASSPHRASE: PASSPHRASE, KPDESK_PASSWORD: PASSWORD },
    stderrIsTty: false,
    now: () => new Date(),
  };
  const code = await runKpdesk([...args, '--dir', vault.vaultDir, '--json'], io);
  const text = out.join('');
  return {
    code,
    out: text,
    err: err.join(''),
    json: JSON.parse(text || '{}') as Record<string, unknown>,
  };
}

type Row = { id: number; recipient: string; status: string; reminder: string | null };
const rows = async (): Promise<Row[]> =>
  ((await kpdesk('submissions')).json as { submissions: Row[] }).submissions;

beforeAll(async () => {
  vault = await makeCliTestVault(() => undefined, 'channels', 'US20000-US20009');
  await vault.withVault((services) => {
    const admin = { userId: 1, role: 'administrator' as const };
    for (const number of ['US20001', 'US20002'])
      services.issuance.voidBlank(admin, { number, reason: 'Printer error' });
  });
  pki = createIntakePki();
  smtp = await startSmtpTestServer({
    tlsPair: pki.server,
    login: { user: 'licensee', password: MAIL_PASSWORD },
  });
  await writeFile(join(vault.work, 'mail-ca.pem'), pki.ca.certPem);
  await writeFile(join(vault.work, 'mail.pass'), `${MAIL_PASSWORD}\n`);
}, 180_000);

afterAll(async () => {
  await smtp.close();
  await vault.remove();
});

describe('kpdesk: e-mail and manual channels', () => {
  it('sets the e-mail channel, never printing the password, and refuses bad settings', async () => {
    const bad = await kpdesk(
      'settings',
      'recipient',
      'census',
      '--smtp',
      smtp.url,
      '--to',
      'not an address',
      '--user',
      'ada',
    );
    expect(bad.code).toBe(2);
    const refusal = bad.json as { error: { code: string; fields: Record<string, string> } };
    expect(refusal.error.code).toBe('RECIPIENT_SETTINGS_INVALID');
    expect(refusal.error.fields['--to']).toMatch(/one e-mail address/);
    const half = await kpdesk(
      'settings',
      'recipient',
      'census',
      '--smtp',
      smtp.url,
      '--to',
      'kp@census.example',
      '--smtp-user',
      'licensee',
      '--user',
      'ada',
    );
    expect(half.code).toBe(2);

    const saved = await kpdesk(
      'settings',
      'recipient',
      'census',
      '--smtp',
      smtp.url,
      '--to',
      'kp@census.example',
      '--ca',
      'mail-ca.pem',
      '--smtp-user',
      'licensee',
      '--smtp-password-file',
      'mail.pass',
      '--user',
      'ada',
    );
    expect(saved.code).toBe(0);
    expect(saved.json).toMatchObject({
      saved: {
        channel: 'smtp',
        mailTo: 'kp@census.example',
        caPinned: true,
        mailLogin: 'licensee',
      },
    });
    expect((await kpdesk('settings', 'recipient', 'uskpa', '--manual', '--user', 'ada')).code).toBe(
      0,
    );
    const shown = await kpdesk('settings', 'recipient');
    expect(shown.out).not.toContain(MAIL_PASSWORD);
    expect(saved.out).not.toContain(MAIL_PASSWORD);
    // An operator may not change where copies go.
    const operator = await kpdesk('settings', 'recipient', 'uskpa', '--manual', '--user', 'otto');
    expect(operator.json).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('submits the Census copies by e-mail and leaves the manual ones Pending with a reminder', async () => {
    const submit = await kpdesk('submit');
    expect(submit.json).toMatchObject({ summary: { delivered: 2 } });
    expect(smtp.received).toHaveLength(2);
    const list = await rows();
    for (const row of list.filter((r) => r.recipient === 'census'))
      expect(row.status).toBe('delivered');
    for (const row of list.filter((r) => r.recipient === 'uskpa')) {
      expect(row.status).toBe('pending');
      expect(row.reminder).toMatch(/^Waiting for you since /);
    }
  });

  it('packages, confirms, cancels and retries with the roles of the core', async () => {
    const uskpa = (await rows()).filter((r) => r.recipient === 'uskpa').map((r) => String(r.id));
    const [first = '', second = ''] = uskpa;
    const packaged = await kpdesk(
      'submissions',
      'package',
      first,
      second,
      '--out',
      'uskpa-fax.pdf',
      '--user',
      'otto',
    );
    expect(packaged.code).toBe(0);
    const pdf = readFileSync(join(vault.work, 'uskpa-fax.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const again = await kpdesk(
      'submissions',
      'package',
      first,
      '--out',
      'uskpa-fax.pdf',
      '--user',
      'otto',
    );
    const exists = again.json as { error: { code: string; message: string } };
    expect(exists.error.code).toBe('INVALID_INPUT');
    expect(exists.error.message).toMatch(/already exists; it is never overwritten/);

    const reviewer = await kpdesk(
      'submissions',
      'confirm',
      first,
      '--reference',
      'FAX-1',
      '--user',
      'rita',
    );
    expect(reviewer.json).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const noReference = await kpdesk('submissions', 'confirm', first, '--user', 'otto');
    expect(noReference.json).toMatchObject({
      error: { code: 'INVALID_INPUT', fields: { '--reference': 'required' } },
    });
    const confirmed = await kpdesk(
      'submissions',
      'confirm',
      first,
      '--reference',
      'FAX-0042',
      '--user',
      'otto',
    );
    expect(confirmed.json).toMatchObject({
      status: 'delivered',
      receipt: { reference: 'FAX-0042', confirmedBy: { username: 'otto' } },
    });

    const cancelled = await kpdesk('submissions', 'cancel', second, '--user', 'otto');
    expect(cancelled.json).toEqual({ id: Number(second), status: 'cancelled' });
    const retry = await kpdesk('submissions', 'retry', second, '--user', 'otto');
    expect(retry.json).toMatchObject({ error: { code: 'ILLEGAL_TRANSITION' } });
    const unknown = await kpdesk('submissions', 'resend', first, '--user', 'otto');
    expect(unknown.code).toBe(2);
  });

  it('exports every receipt as JSON lines with what it proves', async () => {
    const exported = await kpdesk('submissions', 'export-receipts', '--out', 'receipts.jsonl');
    expect(exported.json).toMatchObject({ exported: 3 });
    const file = join(vault.work, 'receipts.jsonl');
    expect(existsSync(file)).toBe(true);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { channel: string; verification: string; says: string });
    // In submission order; the two e-mail receipts and the one confirmation.
    expect(lines.map((l) => `${l.channel} ${l.verification}`).sort()).toEqual([
      'manual confirmed-by-user-unproven',
      'smtp accepted-by-mail-server-unsigned',
      'smtp accepted-by-mail-server-unsigned',
    ]);
    expect(lines.find((l) => l.channel === 'manual')?.says).toMatch(
      /^Confirmed by otto: .*not proven by the recipient\.$/,
    );
    expect(readFileSync(file, 'utf8')).not.toContain(MAIL_PASSWORD);
  });

  it('confirms with the fields of the app (--method, --sent-at, --note) through the core', async () => {
    // A third blank voided: its USKPA report waits on the manual channel.
    await vault.withVault((services) => {
      services.issuance.voidBlank(
        { userId: 1, role: 'administrator' },
        { number: 'US20003', reason: 'Printer error' },
      );
    });
    const waiting = (await rows()).filter((r) => r.recipient === 'uskpa' && r.status === 'pending');
    expect(waiting).toHaveLength(1);
    const id = String(waiting[0]?.id);
    const confirm = (...extra: string[]) =>
      kpdesk('submissions', 'confirm', id, '--reference', 'SFT-77', '--user', 'otto', ...extra);

    const noSentAt = await confirm('--method', 'sft');
    expect(noSentAt.code).toBe(2);
    expect(noSentAt.json).toMatchObject({ error: { fields: { '--sent-at': 'required' } } });
    const noMethod = await confirm('--sent-at', new Date().toISOString());
    expect(noMethod.json).toMatchObject({ error: { fields: { '--method': 'required' } } });
    const telex = await confirm('--method', 'telex', '--sent-at', new Date().toISOString());
    expect(telex.json).toMatchObject({ error: { fields: { '--method': 'invalid' } } });
    expect((telex.json as { error: { message: string } }).error.message).toMatch(/fax, sft/);
    const both = await confirm(
      '--method',
      'fax',
      '--sent-at',
      '2026-12-07T10:00Z',
      '--date',
      '2026-12-07',
    );
    expect(both.json).toMatchObject({
      error: { fields: { '--date': 'conflicts with --sent-at' } },
    });
    // The core's own checks: a time tomorrow is refused at its field.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const future = await confirm('--method', 'sft', '--sent-at', tomorrow);
    expect(future.code).toBe(2);
    const refused = future.json as { error: { code: string; fields: Record<string, string> } };
    expect(refused.error.code).toBe('INVALID_INPUT');
    expect(refused.error.fields.sentAt).toMatch(/is in the future/);
    // Nothing changed by any refusal.
    expect((await rows()).find((r) => String(r.id) === id)?.status).toBe('pending');

    const sentAt = new Date(Date.now() - 5 * 60_000);
    sentAt.setUTCSeconds(0, 0);
    const done = await confirm(
      '--method',
      'sft',
      '--sent-at',
      sentAt.toISOString(),
      '--note',
      'Uploaded by Otto; receipt screenshot filed.',
    );
    expect(done.code).toBe(0);
    expect(done.json).toMatchObject({
      confirmed: Number(id),
      status: 'delivered',
      receipt: {
        channel: 'manual',
        reference: 'SFT-77',
        method: 'secure-file-transfer',
        sentAt: sentAt.toISOString(),
        sentOn: sentAt.toISOString().slice(0, 10),
        note: 'Uploaded by Otto; receipt screenshot filed.',
        confirmedBy: { username: 'otto' },
        proves: 'confirmed by the user, not by the recipient',
      },
    });
    expect((await rows()).find((r) => String(r.id) === id)?.status).toBe('delivered');
    // The same receipt as the app stores: exported with the method, time and note.
    const exported = await kpdesk('submissions', 'export-receipts', '--out', 'receipts-2.jsonl');
    expect(exported.json).toMatchObject({ exported: 4 });
    const line = readFileSync(join(vault.work, 'receipts-2.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => JSON.stringify(l).includes('SFT-77'));
    expect(JSON.stringify(line)).toContain('secure-file-transfer');
    expect(JSON.stringify(line)).toContain('receipt screenshot filed');
    // A second confirmation of the same row is refused.
    const again = await confirm('--method', 'fax', '--sent-at', sentAt.toISOString());
    expect(again.json).toMatchObject({ error: { code: 'ILLEGAL_TRANSITION' } });
  });

  it('has --help with --json for the new actions', async () => {
    const out: string[] = [];
    const io: CliIo = {
      stdout: (t) => out.push(t),
      stderr: () => undefined,
      cwd: vault.work,
      columns: 100,
      env: {},
      stderrIsTty: false,
      now: () => new Date(),
    };
    expect(await runKpdesk(['submissions', '--help'], io)).toBe(0);
    for (const word of [
      'retry',
      'cancel',
      'confirm',
      'package',
      'export-receipts',
      '--method fax|sft|other',
      '--sent-at',
      '--note',
      '--json',
    ])
      expect(out.join('')).toContain(word);
  });
});
