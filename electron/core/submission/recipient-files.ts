// The files of an HTTPS recipient (the pinned CA, the client certificate and its key), chosen one
// by one through main's open dialog and held here, in the core, until the settings are saved: the
// renderer only ever sees a description (who, until when), never a path or the private key.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppFailure } from '../app-failure';
import type { RecipientFileField } from '../../../shared/records/submission-views';
import type { SubmissionRecipient } from '../../../shared/records/submission-recipient-settings';

/** PEM files are a few kilobytes; anything larger is not one of them. */
const MAX_BYTES = 256 * 1024;

const fieldWords: Record<RecipientFileField, string> = {
  caPem: "recipient's CA certificate",
  clientCertPem: 'client certificate',
  clientKeyPem: 'client private key',
};

export type ChosenFile = { pem: string; fileName: string; description: string };

const oneLine = (subject: string): string => subject.replace(/\n/g, ', ');
const day = (text: string): string => new Date(text).toISOString().slice(0, 10);

/** Reads and describes a chosen file; refuses one that is not PEM text of the right kind. */
export function readRecipientFile(path: string, field: RecipientFileField): ChosenFile {
  const what = fieldWords[field];
  const refuse = (message: string): never => {
    throw new AppFailure('RECIPIENT_SETTINGS_INVALID', message, { [field]: message });
  };
  const size = statSync(path, { throwIfNoEntry: false })?.size;
  if (size === undefined) return refuse(`The file for the ${what} cannot be found.`);
  if (size > MAX_BYTES) return refuse(`The file for the ${what} is too large to be a PEM file.`);
  const pem = readFileSync(path, 'utf8');
  const fileName = basename(path);
  if (field === 'clientKeyPem') {
    if (!pem.includes('PRIVATE KEY-----'))
      return refuse(`The ${what} must be a PEM file (it starts with "-----BEGIN PRIVATE KEY").`);
    try {
      const key = createPrivateKey(pem);
      return {
        pem,
        fileName,
        description: `Private key (${key.asymmetricKeyType?.toUpperCase() ?? 'unknown type'}), kept in the vault`,
      };
    } catch {
      return refuse(`The ${what} cannot be read (PEM, not encrypted).`);
    }
  }
  if (!pem.includes('-----BEGIN CERTIFICATE'))
    return refuse(`The ${what} must be a PEM file (it starts with "-----BEGIN CERTIFICATE").`);
  try {
    const cert = new X509Certificate(pem);
    return {
      pem,
      fileName,
      description: `${oneLine(cert.subject)}, valid ${day(cert.validFrom)} to ${day(cert.validTo)}`,
    };
  } catch {
    return refuse(`The ${what} cannot be read as an X.509 certificate.`);
  }
}

/** Who a stored certificate names and until when, for the settings screen. */
export function describeCertificate(pem: string | null): {
  subject: string | null;
  validTo: string | null;
} {
  if (pem === null || pem === '') return { subject: null, validTo: null };
  try {
    const cert = new X509Certificate(pem);
    return { subject: oneLine(cert.subject), validTo: new Date(cert.validTo).toISOString() };
  } catch {
    return { subject: null, validTo: null };
  }
}

export type RecipientFileDraft = ReturnType<typeof createRecipientFileDraft>;

/** Chosen files per recipient and field, until saved (or the vault locks: the object goes). */
export function createRecipientFileDraft() {
  const chosen = new Map<string, ChosenFile>();
  const keyOf = (recipient: SubmissionRecipient, field: RecipientFileField) =>
    `${recipient}:${field}`;
  return {
    put: (recipient: SubmissionRecipient, field: RecipientFileField, file: ChosenFile) => {
      chosen.set(keyOf(recipient, field), file);
    },
    get: (recipient: SubmissionRecipient, field: RecipientFileField): ChosenFile | undefined =>
      chosen.get(keyOf(recipient, field)),
    clear: (recipient: SubmissionRecipient) => {
      for (const field of ['caPem', 'clientCertPem', 'clientKeyPem'] as const)
        chosen.delete(keyOf(recipient, field));
    },
    list: () =>
      [...chosen.entries()].map(([key, file]) => {
        const [recipient, field] = key.split(':') as [SubmissionRecipient, RecipientFileField];
        return { recipient, field, fileName: file.fileName, description: file.description };
      }),
  };
}
