// The recipients' settings in the vault (migration 0120): they are the licensee's, like the
// signing identity, so they are kept encrypted with the records and every change is audited.
// A save is refused whole (RECIPIENT_SETTINGS_INVALID, naming the field) before anything changes.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppFailure } from '../app-failure';
import type { AuditWriter } from '../vault/audit/audit-chain';
import type {
  RecipientSettings,
  SubmissionRecipient,
} from '../../../shared/records/submission-recipient-settings';
import { RecipientSettingsSchema } from '../../../shared/records/submission-recipient-settings';
import { checkRecipientMaterial } from './check-recipient-material';

type Row = {
  recipient: SubmissionRecipient;
  channel: 'https' | 'manual';
  url: string | null;
  ca_pem: string | null;
  client_cert_pem: string | null;
  client_key_pem: string | null;
  updated_at: string;
};

function toSettings(row: Row): RecipientSettings {
  if (row.channel === 'manual') return { recipient: row.recipient, channel: 'manual' };
  return {
    recipient: row.recipient,
    channel: 'https',
    url: row.url ?? '',
    caPem: row.ca_pem ?? '',
    clientCertPem: row.client_cert_pem ?? '',
    clientKeyPem: row.client_key_pem ?? '',
  };
}

/** What may be shown (CLI, UI): never the client key. */
export type RecipientSummary = {
  recipient: SubmissionRecipient;
  channel: 'https' | 'manual';
  url: string | null;
  updatedAt: string;
};

export type RecipientSettingsStore = ReturnType<typeof createRecipientSettingsStore>;

export function createRecipientSettingsStore(db: Database, now: () => Date, audit: AuditWriter) {
  const all = db.prepare<[], Row>('SELECT * FROM submission_recipients ORDER BY recipient');
  const upsert = db.prepare(
    `INSERT INTO submission_recipients (recipient, channel, url, ca_pem, client_cert_pem,
       client_key_pem, updated_at, updated_by)
     VALUES (@recipient, @channel, @url, @caPem, @clientCertPem, @clientKeyPem, @at, @userId)
     ON CONFLICT (recipient) DO UPDATE SET channel = excluded.channel, url = excluded.url,
       ca_pem = excluded.ca_pem, client_cert_pem = excluded.client_cert_pem,
       client_key_pem = excluded.client_key_pem, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  );
  const save = db.transaction((settings: RecipientSettings, userId: number): void => {
    const https = settings.channel === 'https' ? settings : null;
    upsert.run({
      recipient: settings.recipient,
      channel: settings.channel,
      url: https?.url ?? null,
      caPem: https?.caPem ?? null,
      clientCertPem: https?.clientCertPem ?? null,
      clientKeyPem: https?.clientKeyPem ?? null,
      at: now().toISOString(),
      userId,
    });
    audit.append({
      userId,
      action: 'submission-recipient.save',
      entityType: 'submission_recipient',
      entityId: settings.recipient,
    });
  });
  return {
    /** Every configured recipient, with its secrets: only for building channels. */
    all: (): RecipientSettings[] => all.all().map(toSettings),
    summaries: (): RecipientSummary[] =>
      all.all().map((row) => ({
        recipient: row.recipient,
        channel: row.channel,
        url: row.url,
        updatedAt: row.updated_at,
      })),
    /** Validates the shape, then the certificates, then saves with its audit event. */
    save: (input: unknown, userId: number): RecipientSettings => {
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
      save(parsed.data, userId);
      return parsed.data;
    },
  };
}
