// The recipients' settings in the vault (migration 0120): they are the licensee's, like the
// signing identity, so they are kept encrypted with the records and every change is audited.
// The mail password lives only here (never in a summary, a log or an audit event).
// A save is refused whole (RECIPIENT_SETTINGS_INVALID, naming the field) before anything changes.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppFailure } from '../app-failure';
import type { AuditWriter } from '../vault/audit/audit-chain';
import type {
  RecipientSettings,
  SubmissionChannelKind,
  SubmissionRecipient,
} from '../../../shared/records/submission-recipient-settings';
import { RecipientSettingsSchema } from '../../../shared/records/submission-recipient-settings';
import { checkPinnedCa, checkRecipientMaterial } from './check-recipient-material';

type Row = {
  recipient: SubmissionRecipient;
  channel: SubmissionChannelKind;
  url: string | null;
  ca_pem: string | null;
  client_cert_pem: string | null;
  client_key_pem: string | null;
  updated_at: string;
  mail_to: string | null;
  mail_from: string | null;
  smtp_username: string | null;
  smtp_password: string | null;
  /** Migration 0230: 1 only for the preview's demo intake (demo-recipients.ts). */
  demo: number;
};

function toSettings(row: Row): RecipientSettings {
  if (row.channel === 'manual') return { recipient: row.recipient, channel: 'manual' };
  if (row.channel === 'smtp')
    return {
      recipient: row.recipient,
      channel: 'smtp',
      url: row.url ?? '',
      to: row.mail_to ?? '',
      ...(row.mail_from === null ? {} : { from: row.mail_from }),
      ...(row.ca_pem === null ? {} : { caPem: row.ca_pem }),
      ...(row.smtp_username === null || row.smtp_password === null
        ? {}
        : { username: row.smtp_username, password: row.smtp_password }),
    };
  return {
    recipient: row.recipient,
    channel: 'https',
    url: row.url ?? '',
    caPem: row.ca_pem ?? '',
    clientCertPem: row.client_cert_pem ?? '',
    clientKeyPem: row.client_key_pem ?? '',
  };
}

/** What may be shown (CLI, UI): never the client key, never the mail password. */
export type RecipientSummary = {
  recipient: SubmissionRecipient;
  channel: SubmissionChannelKind;
  url: string | null;
  updatedAt: string;
  /** E-mail only: where copies go, and whether the server's CA is pinned and a login is set. */
  mailTo?: string;
  caPinned?: boolean;
  mailLogin?: string;
};

export function summarize(settings: RecipientSettings, updatedAt: string): RecipientSummary {
  const base = { recipient: settings.recipient, channel: settings.channel, updatedAt };
  if (settings.channel === 'manual') return { ...base, url: null };
  if (settings.channel === 'https') return { ...base, url: settings.url };
  return {
    ...base,
    url: settings.url,
    mailTo: settings.to,
    caPinned: settings.caPem !== undefined,
    ...(settings.username === undefined ? {} : { mailLogin: settings.username }),
  };
}

type HttpsSettings = Extract<RecipientSettings, { channel: 'https' }>;

export type RecipientSettingsStore = ReturnType<typeof createRecipientSettingsStore>;

export function createRecipientSettingsStore(db: Database, now: () => Date, audit: AuditWriter) {
  const all = db.prepare<[], Row>('SELECT * FROM submission_recipients ORDER BY recipient');
  const upsert = db.prepare(
    `INSERT INTO submission_recipients (recipient, channel, url, ca_pem, client_cert_pem,
       client_key_pem, updated_at, updated_by, mail_to, mail_from, smtp_username, smtp_password,
       demo)
     VALUES (@recipient, @channel, @url, @caPem, @clientCertPem, @clientKeyPem, @at, @userId,
       @mailTo, @mailFrom, @smtpUsername, @smtpPassword, @demo)
     ON CONFLICT (recipient) DO UPDATE SET channel = excluded.channel, url = excluded.url,
       ca_pem = excluded.ca_pem, client_cert_pem = excluded.client_cert_pem,
       client_key_pem = excluded.client_key_pem, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by, mail_to = excluded.mail_to,
       mail_from = excluded.mail_from, smtp_username = excluded.smtp_username,
       smtp_password = excluded.smtp_password, demo = excluded.demo`,
  );
  // The demo intake moves to a new port on each preview run: only a row still marked demo is
  // pointed at it (a recipient the user configured since is never touched).
  const moveDemo = db.prepare(
    `UPDATE submission_recipients SET url = @url, ca_pem = @caPem,
       client_cert_pem = @clientCertPem, client_key_pem = @clientKeyPem, updated_at = @at
     WHERE recipient = @recipient AND demo = 1 AND channel = 'https'`,
  );
  const demoRows = db
    .prepare<[], SubmissionRecipient>(
      'SELECT recipient FROM submission_recipients WHERE demo = 1 ORDER BY recipient',
    )
    .pluck();
  type SaveOptions = { demo: boolean };
  const save = db.transaction(
    (settings: RecipientSettings, userId: number, options: SaveOptions): void => {
      const https = settings.channel === 'https' ? settings : null;
      const smtp = settings.channel === 'smtp' ? settings : null;
      upsert.run({
        recipient: settings.recipient,
        channel: settings.channel,
        url: https?.url ?? smtp?.url ?? null,
        caPem: https?.caPem ?? smtp?.caPem ?? null,
        clientCertPem: https?.clientCertPem ?? null,
        clientKeyPem: https?.clientKeyPem ?? null,
        mailTo: smtp?.to ?? null,
        mailFrom: smtp?.from ?? null,
        smtpUsername: smtp?.username ?? null,
        smtpPassword: smtp?.password ?? null,
        at: now().toISOString(),
        userId,
        demo: options.demo ? 1 : 0,
      });
      // The demo is set up by the preview host, not by the person: no user on its event.
      audit.append({
        userId: options.demo ? null : userId,
        action: options.demo ? 'submission-recipient.demo' : 'submission-recipient.save',
        entityType: 'submission_recipient',
        entityId: settings.recipient,
      });
    },
  );
  const move = db.transaction((settings: HttpsSettings): boolean => {
    const changed =
      moveDemo.run({
        recipient: settings.recipient,
        url: settings.url,
        caPem: settings.caPem,
        clientCertPem: settings.clientCertPem,
        clientKeyPem: settings.clientKeyPem,
        at: now().toISOString(),
      }).changes > 0;
    if (changed)
      audit.append({
        userId: null,
        action: 'submission-recipient.demo',
        entityType: 'submission_recipient',
        entityId: settings.recipient,
      });
    return changed;
  });
  return {
    /** Every configured recipient, with its secrets: only for building channels. */
    all: (): RecipientSettings[] => all.all().map(toSettings),
    summaries: (): RecipientSummary[] =>
      all.all().map((row) => summarize(toSettings(row), row.updated_at)),
    /** The recipients that are the preview's demo intake (migration 0230). */
    demoRecipients: (): SubmissionRecipient[] => demoRows.all(),
    /** Points the rows still marked demo at this run's demo intake; false if none was. */
    moveDemo: (settings: HttpsSettings): boolean => move(settings),
    /**
     * Validates the shape, then the certificates, then saves with its audit event. `demo`: only
     * the preview host's demo intake (demo-recipients.ts); every other save clears the mark.
     */
    save: (
      input: unknown,
      userId: number,
      options: SaveOptions = { demo: false },
    ): RecipientSettings => {
      const parsed = RecipientSettingsSchema.safeParse(input);
      if (!parsed.success) {
        const fields: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const path = issue.path.join('.') || 'settings';
          fields[path] ??= issue.message;
        }
        const [first] = Object.values(fields);
        throw new AppFailure(
          'RECIPIENT_SETTINGS_INVALID',
          first ?? 'The recipient settings are not valid.',
          fields,
        );
      }
      if (parsed.data.channel === 'https') checkRecipientMaterial(parsed.data, now());
      if (parsed.data.channel === 'smtp' && parsed.data.caPem !== undefined)
        checkPinnedCa(parsed.data.caPem, "mail server's CA certificate", now());
      save(parsed.data, userId, options);
      return parsed.data;
    },
  };
}
