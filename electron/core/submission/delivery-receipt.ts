// What a delivered submission keeps as its receipt, per channel. Words carry weight: only the
// HTTPS receipt is signed by the recipient and proves that it stored the copy; an e-mail receipt
// proves only that the mail server accepted the message (the SMTP reply and the message-id), and
// a manual one records what the user says happened (fax confirmation or transfer reference).
// Each says so in `proves`, and describeReceipt() gives the words the CLI and the UI show.
import type { SignedReceipt } from './submission-receipt';

export type MailReceipt = {
  channel: 'smtp';
  /** The Message-ID header sent (fixed per idempotency key, so a resend carries the same id). */
  messageId: string;
  /** The server's final reply to the message, e.g. "250 2.0.0 Ok: queued as 4ABC". */
  serverResponse: string;
  /** The host the message was handed to, as configured (smtp://host:port). */
  server: string;
  to: string;
  acceptedAt: string;
  proves: 'accepted by the mail server';
};

export type ManualConfirmation = {
  channel: 'manual';
  /** The fax confirmation number or the secure-transfer reference, as the user typed it. */
  reference: string;
  /** The day the fax or upload went out (YYYY-MM-DD), as the user says. */
  sentOn: string;
  confirmedBy: { userId: number; username: string };
  recordedAt: string;
  proves: 'confirmed by the user, not by the recipient';
  /** From the app's form or the CLI's --method/--sent-at/--note: how, when exactly, a note. */
  method?: ManualMethod;
  /** The date and time it went out (ISO 8601, UTC), as the user says. */
  sentAt?: string;
  note?: string;
};

export const manualMethods = ['fax', 'secure-file-transfer', 'other'] as const;
export type ManualMethod = (typeof manualMethods)[number];

export const manualMethodWords: Record<ManualMethod, string> = {
  fax: 'by fax',
  'secure-file-transfer': "by Census's secure file transfer",
  other: 'another way',
};

/** A stored receipt: a signed HTTPS receipt as received, or one of the two above. */
export type DeliveryReceipt = SignedReceipt | MailReceipt | ManualConfirmation;

export function isMailReceipt(receipt: DeliveryReceipt): receipt is MailReceipt {
  return 'channel' in receipt && receipt.channel === 'smtp';
}

export function isManualConfirmation(receipt: DeliveryReceipt): receipt is ManualConfirmation {
  return 'channel' in receipt && receipt.channel === 'manual';
}

/** One line a licensee reads: what the receipt proves, and what it does not. */
export function describeReceipt(receipt: DeliveryReceipt): string {
  if (isMailReceipt(receipt))
    return `Accepted by the mail server ${receipt.server} as ${receipt.messageId} (for ${receipt.to}); this proves the server took the message, not that the recipient read it.`;
  if (isManualConfirmation(receipt)) {
    if (receipt.method === undefined || receipt.sentAt === undefined)
      return `Confirmed by ${receipt.confirmedBy.username}: sent on ${receipt.sentOn}, reference ${receipt.reference}; recorded by the user, not proven by the recipient.`;
    return `Confirmed by ${receipt.confirmedBy.username}: sent ${manualMethodWords[receipt.method]} at ${receipt.sentAt.slice(0, 16).replace('T', ' ')} UTC, reference ${receipt.reference}; confirmed by the user, not by the recipient.`;
  }
  return `Signed receipt ${receipt.receipt.receiptId} from the recipient, received ${receipt.receipt.receivedAt}.`;
}
