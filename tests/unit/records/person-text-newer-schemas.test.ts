// Issue 13 part 5 checked against the schemas added after it (issues 12, 14 and 15 and the
// replacement of signing keys): wherever a person's text enters (an incoming certificate, a row
// of a bulk-issue or record-import file, a submission recipient's mail settings, the reason of a
// key replacement, the period of a review or audit package), a control character, a direction
// override, zero-width-only text and half a surrogate pair are refused naming the field, and
// accepted text comes out NFC.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { IncomingCertificateInputSchema } from '../../../shared/incoming/incoming-certificate-input';
import { AuditPackageExportRequestSchema } from '../../../shared/ipc/audit-package-contract';
import { ReplaceSigningKeysSchema } from '../../../shared/ipc/signing-keys-replacement-contract';
import { ImportRecordRowSchema } from '../../../shared/records/import-record-row';
import { BatchRowSchema } from '../../../shared/records/issue-batch-row';
import {
  HttpsRecipientSettingsSchema,
  SmtpRecipientSettingsSchema,
} from '../../../shared/records/submission-recipient-settings';
import { ReviewRequestSchema } from '../../../shared/review/review-report';

const RLO = '\u202E';
const ZWSP = '\u200B';
const BEL = '\u0007';
const LONE = '\uD800';

/** The issue at `path` of a refused parse, or a failure naming what was accepted. */
function refusal(schema: z.ZodType, input: unknown, path: string): string {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error(`accepted: ${JSON.stringify(parsed.data)}`);
  const issue = parsed.error.issues.find((i) => i.path.join('.') === path);
  if (issue === undefined)
    throw new Error(`no issue at ${path}: ${JSON.stringify(parsed.error.issues)}`);
  return issue.message;
}

const smtp = {
  recipient: 'census',
  channel: 'smtp',
  url: 'smtp://mail.example.com:587',
  to: 'copies@agency.gov',
  username: 'licensee',
  password: 'a mail password',
};
const https = {
  recipient: 'uskpa',
  channel: 'https',
  url: 'https://intake.example/v1',
  caPem: '-----BEGIN CERTIFICATE-----',
  clientCertPem: '-----BEGIN CERTIFICATE-----',
  clientKeyPem: '-----BEGIN PRIVATE KEY-----',
};
const batchRow = { reference: 'ORDER-1', packaging: 'Sealed box', warranty: 'Conflict-free.' };
const importRow = { number: 'US12345', state: 'VOIDED' };

describe('the newer schemas where a person’s text enters', () => {
  it.each([
    [
      'incoming: certificate number',
      IncomingCertificateInputSchema,
      { number: `BW${ZWSP}1` },
      'number',
    ],
    [
      'incoming: issuing authority',
      IncomingCertificateInputSchema,
      { issuingAuthority: `GoB${BEL}` },
      'issuingAuthority',
    ],
    [
      'incoming: exporter name',
      IncomingCertificateInputSchema,
      { exporter: { name: `Debswana${RLO}` } },
      'exporter.name',
    ],
    [
      'incoming: importer address',
      IncomingCertificateInputSchema,
      { importer: { address: ZWSP } },
      'importer.address',
    ],
    [
      'incoming: port of entry',
      IncomingCertificateInputSchema,
      { portOfEntry: `JFK${LONE}` },
      'portOfEntry',
    ],
    ['incoming: origin', IncomingCertificateInputSchema, { origins: [`BW${RLO}`] }, 'origins.0'],
    [
      'bulk issue: reference',
      BatchRowSchema,
      { ...batchRow, reference: `ORDER${RLO}1` },
      'reference',
    ],
    ['bulk issue: packaging', BatchRowSchema, { ...batchRow, packaging: ZWSP }, 'packaging'],
    ['bulk issue: warranty', BatchRowSchema, { ...batchRow, warranty: `ok${BEL}` }, 'warranty'],
    [
      'bulk issue: seal number',
      BatchRowSchema,
      { ...batchRow, sealNumbers: [`S${LONE}`] },
      'sealNumbers.0',
    ],
    [
      'import: void reason',
      ImportRecordRowSchema,
      { ...importRow, voidReason: `Printer${RLO}` },
      'voidReason',
    ],
    [
      'import: void notes',
      ImportRecordRowSchema,
      { ...importRow, voidNotes: `n${BEL}` },
      'voidNotes',
    ],
    [
      'import: invoice number',
      ImportRecordRowSchema,
      { ...importRow, invoiceNumbers: [`I${ZWSP}1`] },
      'invoiceNumbers.0',
    ],
    [
      'recipient: mail user name',
      SmtpRecipientSettingsSchema,
      { ...smtp, username: `licensee${RLO}` },
      'username',
    ],
    [
      'recipient: mail user name (bell)',
      SmtpRecipientSettingsSchema,
      { ...smtp, username: `l${BEL}` },
      'username',
    ],
    [
      'recipient: mail server',
      SmtpRecipientSettingsSchema,
      { ...smtp, url: `smtp://mail${ZWSP}.example.com` },
      'url',
    ],
    [
      'recipient: https address',
      HttpsRecipientSettingsSchema,
      { ...https, url: `https://intake.example/v1${BEL}` },
      'url',
    ],
    [
      'recipient: https address (override)',
      HttpsRecipientSettingsSchema,
      { ...https, url: `https://intake.example/${RLO}1v` },
      'url',
    ],
    [
      'key replacement: reason',
      ReplaceSigningKeysSchema,
      { reason: `The computer died${RLO}`, confirm: true },
      'reason',
    ],
    [
      'key replacement: signer',
      ReplaceSigningKeysSchema,
      { reason: 'The computer died.', signerName: `Ada${ZWSP}`, confirm: true },
      'signerName',
    ],
    ['review: period', ReviewRequestSchema, { period: `2026${RLO}` }, 'period'],
    [
      'audit package: period',
      AuditPackageExportRequestSchema,
      { passphrase: 'a package passphrase', period: `2026${BEL}` },
      'period',
    ],
  ] as const)('%s', (_name, schema, input, path) => {
    expect(refusal(schema, input, path)).toMatch(/contains/);
  });

  it('accepts ordinary text and stores it NFC', () => {
    const decomposed = 'Socie\u0301te\u0301 Ge\u0301ne\u0301rale';
    const incoming = IncomingCertificateInputSchema.parse({
      importer: {},
      exporter: { name: decomposed },
    });
    expect(incoming.exporter.name).toBe(decomposed.normalize('NFC'));
    const row = ImportRecordRowSchema.parse({ ...importRow, voidNotes: decomposed });
    expect(row.voidNotes).toBe(decomposed.normalize('NFC'));
    const mail = SmtpRecipientSettingsSchema.parse({ ...smtp, username: decomposed });
    expect(mail.username).toBe(decomposed.normalize('NFC'));
    const reason = ReplaceSigningKeysSchema.parse({ reason: decomposed, confirm: true });
    expect(reason.reason).toBe(decomposed.normalize('NFC'));
    // A password is a secret, not text to show: it is taken as typed, never rewritten.
    expect(SmtpRecipientSettingsSchema.parse({ ...smtp, password: decomposed }).password).toBe(
      decomposed,
    );
  });
});
