// The licensee records the day the receipt confirmation went to the foreign exporting authority
// (KPCS Section IV(c); within 15 calendar days of entry, 31 CFR 592.301(a)(3) as KP Desk reads
// it, docs/domain.md). KP Desk cannot prove the confirmation arrived: the record says "sent on",
// by whom, and when it was recorded, never "delivered". Recorded once; audited.
import { z } from 'zod';
import { parseIsoDate } from '../../../shared/domain/calendar-date';
import type { IncomingCertificate } from '../../../shared/incoming/incoming-certificate-input';
import { normalizeIncomingNumber } from '../../../shared/incoming/check-incoming-certificate';
import { AppFailure } from '../app-failure';
import { authorize, WRITERS } from '../issuance/actor';
import { licenseeLocalDate } from '../issuance/licensee-local-date';
import { parseInput } from '../vault/repositories/parse-input';
import type { IncomingContext } from './incoming-context';

export const ConfirmReceiptSentSchema = z
  .object({ number: z.string().min(1).max(64), sentOn: z.string().max(32) })
  .strict();

export function mustGetIncoming(context: IncomingContext, numberText: string): IncomingCertificate {
  const number = normalizeIncomingNumber(numberText);
  const found = context.incoming.getByNumber(number);
  if (found === null)
    throw new AppFailure('NOT_FOUND', `No incoming certificate ${number} is registered.`, {
      number: `No incoming certificate ${number} is registered.`,
    });
  return found;
}

export function confirmReceiptSent(
  context: IncomingContext,
  actor: unknown,
  input: unknown,
): IncomingCertificate {
  const user = authorize(context.users, actor, WRITERS, 'record a receipt confirmation');
  const request = parseInput(ConfirmReceiptSentSchema, input);
  const record = mustGetIncoming(context, request.number);
  const sent = parseIsoDate(request.sentOn);
  const refuse = (message: string): never => {
    throw new AppFailure('INVALID_INPUT', `${message} Nothing was changed.`, { sentOn: message });
  };
  if (sent === null) refuse('The date sent must be a real date written YYYY-MM-DD.');
  const today = licenseeLocalDate(context.now());
  if (request.sentOn > today) refuse(`The date sent is after today (${today}).`);
  if (request.sentOn < record.dateOfEntry)
    refuse(`The confirmation cannot be sent before the shipment entered (${record.dateOfEntry}).`);
  if (record.receiptSentOn !== null)
    throw new AppFailure(
      'CONFLICT',
      `The receipt confirmation of ${record.number} was already recorded as sent on ${record.receiptSentOn}. Nothing was changed.`,
    );
  if (!context.incoming.markReceiptSent(record.id, request.sentOn, user.id))
    throw new AppFailure('CONFLICT', 'The record changed meanwhile. Nothing was changed.');
  context.audit.append({
    userId: user.id,
    action: 'incoming.receipt-sent',
    entityType: 'incoming_certificate',
    entityId: record.id,
  });
  const saved = context.incoming.get(record.id);
  if (saved === null) throw new Error('incoming certificate vanished');
  return saved;
}
