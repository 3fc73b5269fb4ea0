// Voiding a spoiled blank form that was never drafted (misprinted, torn, lost before use). The
// number is spent for good, like any voided certificate (31 CFR 592.307: a number is never used
// twice), with a reason from USKPA's list (notes required for "Other"), and Census and USKPA are
// told, through the outbox, in the same transaction. A form that carries a certificate is voided
// through that certificate instead (certificates:void), so its record keeps the reason.
import type { CanonicalValue } from '../vault/audit/canonical-json';
import { normalizeCertificateNumber } from '../../../shared/domain/certificate-number';
import { blankFormVoidReasons, transition } from '../../../shared/domain/lifecycle';
import { VoidBlankSchema } from '../../../shared/records/stock-inputs';
import { AppFailure } from '../app-failure';
import { parseInput } from '../vault/repositories/parse-input';
import { WRITERS, authorize } from './actor';
import type { IssuanceContext } from './issuance-context';

export function voidBlank(context: IssuanceContext, actor: unknown, input: unknown): string {
  const { repos, audit } = context;
  const user = authorize(repos.users, actor, WRITERS, 'void certificate forms');
  const request = parseInput(VoidBlankSchema, input);
  const number = normalizeCertificateNumber(request.number);
  // Only the reasons that can happen to an unused form (lifecycle.ts, blankFormVoidReasons).
  if (!blankFormVoidReasons.includes(request.reason)) {
    const message = `A blank form can be voided only for one of: ${blankFormVoidReasons.join('; ')}. The other USKPA reasons describe a certificate that was issued.`;
    throw new AppFailure('INVALID_INPUT', message, { reason: message });
  }
  // The reason rules are the lifecycle's own (USKPA void reasons; 31 CFR 592.313).
  const checked = transition('IN_STOCK', {
    type: 'void',
    reason: request.reason,
    notes: request.notes,
  });
  if (!checked.ok) {
    const field = checked.error.refusal === 'VOID_NOTES_REQUIRED' ? 'notes' : 'reason';
    throw new AppFailure('INVALID_INPUT', checked.error.message, {
      [field]: checked.error.message,
    });
  }
  const stock = repos.stock.get(number);
  if (stock === null)
    throw new AppFailure('STOCK_NUMBER_UNAVAILABLE', `${number} is not in your stock of forms.`, {
      number: 'Not in stock.',
    });
  if (stock.status !== 'available') {
    const message =
      stock.status === 'used'
        ? `${number} carries a certificate: void the certificate instead, so its record keeps the reason.`
        : `${number} is already voided.`;
    throw new AppFailure('STOCK_NUMBER_UNAVAILABLE', message, { number: message });
  }
  const voidedAt = context.now().toISOString();
  repos.stock.void(number);
  repos.blankVoids.add({
    number,
    reason: request.reason,
    notes: request.notes,
    voidedAt,
    voidedBy: user.id,
  });
  const payload: CanonicalValue = {
    number,
    reason: request.reason,
    notes: request.notes,
    voidedAt,
    previousState: 'IN_STOCK',
  };
  const queued = [
    repos.outbox.addForStockNumber(number, 'census', 'voided', payload),
    repos.outbox.addForStockNumber(number, 'uskpa', 'voided', payload),
  ];
  // The void's own event records the two copies it queued (issue 12: queued-digests.ts).
  audit.append({
    userId: user.id,
    action: 'stock.void-blank',
    entityType: 'stock',
    entityId: number,
    queued,
  });
  audit.append({
    userId: user.id,
    action: 'blank-void.create',
    entityType: 'blank_void',
    entityId: number,
  });
  return number;
}
