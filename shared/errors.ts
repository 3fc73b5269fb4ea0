// The one closed set of error codes that may cross a process boundary (IPC, the preview bridge,
// the CLI's --json output). A thrown error never crosses IPC: handlers return a Result whose
// error carries one of these codes and a message a licensee can act on.
import { z } from 'zod';

export const errorCodes = [
  /** The payload did not match the channel's schema; `fields` names each offending field. */
  'INVALID_INPUT',
  /** The IPC sender is not the app's own page (app://kpdesk). */
  'UNTRUSTED_SENDER',
  /** A channel that is not in shared/ipc/contract.ts. */
  'UNKNOWN_CHANNEL',
  /** The preview bridge request lacked the per-run token, or came from another host or origin. */
  'UNAUTHORIZED',
  /** A lifecycle step that the certificate's current state does not allow. */
  'ILLEGAL_TRANSITION',
  /** No vault at the given place (first run: create one). */
  'VAULT_NOT_FOUND',
  /** A vault already exists where a new one was to be created; nothing was overwritten. */
  'VAULT_EXISTS',
  /** The vault is locked (auto-lock, or not yet unlocked). */
  'VAULT_LOCKED',
  /** Wrong passphrase, recovery key or key: nothing was changed. */
  'VAULT_KEY_INVALID',
  /** The vault was written by a newer KP Desk; it is left untouched. */
  'VAULT_FROM_FUTURE',
  /** The vault or its key file is damaged. */
  'VAULT_CORRUPT',
  /** The recovery key shown at first run has not been typed back yet: records stay closed. */
  'RECOVERY_KEY_UNCONFIRMED',
  /** The operating system's keychain cannot hold the key safely (e.g. Linux basic_text). */
  'KEY_UNAVAILABLE',
  /** Sign-in failed: unknown user or wrong password. */
  'AUTH_FAILED',
  /** Too many failed sign-ins for this username: wait before the next attempt (the message says how long). */
  'SIGN_IN_THROTTLED',
  /** The signed-in user's role does not allow this. */
  'FORBIDDEN',
  /** The record does not exist. */
  'NOT_FOUND',
  /** The change conflicts with what is stored (a duplicate, or a stale version). */
  'CONFLICT',
  /** The certificate number is not in stock, or was already used or voided. */
  'STOCK_NUMBER_UNAVAILABLE',
  /** The certificate still has error-level findings. */
  'CERTIFICATE_HAS_ERRORS',
  /** The record is younger than the retention period and may not be deleted. */
  'RETENTION_PROTECTED',
  /** A backup file failed its checks; nothing was restored. */
  'BACKUP_INVALID',
  /** A restore would replace another vault or drop audit events, and that was not confirmed in
   * so many words; `fields` names each confirmation needed. Nothing was restored. */
  'RESTORE_NOT_CONFIRMED',
  /** A signing identity (PKCS#12, key or certificate) that cannot be opened or used to sign. */
  'IDENTITY_INVALID',
  /** A file offered for the trust list that is not a certificate KP Desk may trust (not one,
   * expired, or neither a certification authority nor fit for signing). */
  'TRUSTED_CERTIFICATE_INVALID',
  /** A field holds a character the certificate font cannot print; it is never printed garbled. */
  'DOCUMENT_TEXT_UNSUPPORTED',
  /** A field's text does not fit its box on the certificate, even in the smallest type size. */
  'DOCUMENT_TEXT_TOO_LONG',
  /** Settings for sending copies to Census or USKPA that cannot work (a malformed URL, a missing
   * or expired client certificate, a CA that is expired or not a CA); nothing was saved or sent. */
  'RECIPIENT_SETTINGS_INVALID',
  /** Anything unexpected; the details go to the log, never to the renderer. */
  'INTERNAL',
  /** A ship date after today (the licensee's local date): a shipment is recorded once it has left
   * the United States (15 CFR 30.7(c)); nothing was changed. */
  'SHIP_DATE_IN_FUTURE',
  /** A delivery recorded on a day before the certificate's recorded ship date; nothing was changed. */
  'DELIVERY_BEFORE_SHIPMENT',
  /** The stored signed PDF no longer matches the record (a correction was approved after it was
   * signed): sign the corrected certificate, or save the old one only as a superseded copy. */
  'DOCUMENT_SUPERSEDED',
  /** This computer's preferences (window, vault folder, printer calibration, format) that break
   * their rules; `fields` names each, and nothing was saved. */
  'PREFERENCES_INVALID',
  /** An audit package that is not one, is damaged, or was altered after it was sealed and signed
   * (the message names the part: a chunk, the signature, an entry, the audit chain); nothing was
   * opened. */
  'AUDIT_PACKAGE_INVALID',
  /** The passphrase given is not the one the audit package was sealed with; nothing was opened. */
  'AUDIT_PACKAGE_PASSPHRASE_WRONG',
  /** Signing needs the signing keys opened: a signing secret set, entered, or this computer
   * opened for signing by an administrator (issue 13; docs/security.md). */
  'SIGNING_LOCKED',
  /** The signing secret given does not open the signing keys; the refusal is audited. */
  'SIGNING_SECRET_WRONG',
  /** An audit package is open for reading (issue 14): its records cannot be changed, and this
   * computer's own vault stays locked until the package is closed. Nothing was changed. */
  'AUDIT_PACKAGE_READ_ONLY',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const AppErrorSchema = z
  .object({
    code: z.enum(errorCodes),
    message: z.string(),
    /** Field path (e.g. "consignee.address") → what is wrong with it. */
    fields: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export type AppError = z.infer<typeof AppErrorSchema>;

export function appError(
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
): AppError {
  return fields === undefined ? { code, message } : { code, message, fields };
}
