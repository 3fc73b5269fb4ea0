// The life of one certificate form (domain.md, "Lifecycle"), as a pure transition function:
//   IN_STOCK → DRAFT → VALIDATED (ITN recorded) → ISSUED → SHIPPED → DELIVERED
//   side exits: VOIDED (from any state before DELIVERED; irreversible; reason required)
//               EXPIRED (issued, not shipped by the date of expiry)
// The vault applies a transition only when this function allows it, so the rules hold whatever
// the UI shows.
import { parseIsoDate } from './calendar-date';
import { readItn } from './itn';
import { voidReasons } from '../reference/reference-data';

export const certificateStates = [
  'IN_STOCK',
  'DRAFT',
  'VALIDATED',
  'ISSUED',
  'SHIPPED',
  'DELIVERED',
  'VOIDED',
  'EXPIRED',
] as const;
export type CertificateState = (typeof certificateStates)[number];

/** USKPA's list; the last entry ("Other (notes required)") needs notes. */
export const OTHER_VOID_REASON = voidReasons.at(-1) ?? 'Other (notes required)';

/**
 * The reasons that apply to a blank form voided before any certificate was drafted on it
 * (stock:voidBlank): it was spoiled in the printer or typed wrongly, or something else happened
 * (notes). The others describe a certificate that existed and travelled ("Customer canceled
 * shipment", "Shipment returned", "Certificate surrendered", "Certificate lost in transit") and
 * would misstate what happened to an unused form (USKPA void reasons; 31 CFR 592.313).
 */
export const blankFormVoidReasons: readonly string[] = voidReasons.filter(
  (reason) =>
    reason === 'Printer error' || reason === 'Transposition error' || reason === OTHER_VOID_REASON,
);

export type LifecycleEvent =
  | { type: 'startDraft' }
  | { type: 'recordItn'; itn: string }
  | { type: 'issue'; attested: boolean; errorCount: number }
  | { type: 'ship'; shipDate: string; dateOfIssue: string; dateOfExpiry: string }
  | { type: 'deliver'; importConfirmed: boolean }
  | { type: 'void'; reason: string; notes: string }
  | { type: 'expire'; today: string; dateOfExpiry: string };

export const lifecycleRefusals = [
  'NOT_FROM_THIS_STATE',
  'ITN_INVALID',
  'NOT_ATTESTED',
  'HAS_ERRORS',
  'SHIP_DATE_INVALID',
  'SHIP_BEFORE_ISSUE',
  'CERTIFICATE_EXPIRED',
  'ALREADY_SHIPPED',
  'VOID_REASON_UNKNOWN',
  'VOID_NOTES_REQUIRED',
  'NOT_YET_EXPIRED',
] as const;
export type LifecycleRefusal = (typeof lifecycleRefusals)[number];

export type LifecycleError = {
  code: 'ILLEGAL_TRANSITION';
  refusal: LifecycleRefusal;
  from: CertificateState;
  event: LifecycleEvent['type'];
  message: string;
  source: string;
};

export type TransitionResult =
  { ok: true; state: CertificateState } | { ok: false; error: LifecycleError };

const allowedFrom: Record<LifecycleEvent['type'], readonly CertificateState[]> = {
  startDraft: ['IN_STOCK'],
  recordItn: ['DRAFT', 'VALIDATED'],
  issue: ['VALIDATED'],
  ship: ['ISSUED'],
  deliver: ['SHIPPED'],
  void: ['IN_STOCK', 'DRAFT', 'VALIDATED', 'ISSUED', 'SHIPPED', 'EXPIRED'],
  expire: ['ISSUED'],
};

const target: Record<LifecycleEvent['type'], CertificateState> = {
  startDraft: 'DRAFT',
  recordItn: 'VALIDATED',
  issue: 'ISSUED',
  ship: 'SHIPPED',
  deliver: 'DELIVERED',
  void: 'VOIDED',
  expire: 'EXPIRED',
};

function refuse(
  from: CertificateState,
  event: LifecycleEvent,
  refusal: LifecycleRefusal,
  message: string,
  source: string,
): TransitionResult {
  return {
    ok: false,
    error: { code: 'ILLEGAL_TRANSITION', refusal, from, event: event.type, message, source },
  };
}

function stateRefusal(from: CertificateState, event: LifecycleEvent): TransitionResult {
  // A returned shipment goes out again only on a new certificate (Census 2019: customer
  // returns shipped on the old certificate are a common error).
  if (event.type === 'ship' && (from === 'SHIPPED' || from === 'DELIVERED')) {
    return refuse(
      from,
      event,
      'ALREADY_SHIPPED',
      'This certificate has already travelled with a shipment. A returned or re-sent shipment needs a new certificate.',
      'Census 2019 licensee guidance',
    );
  }
  if (event.type === 'ship' && from === 'EXPIRED') {
    return refuse(
      from,
      event,
      'CERTIFICATE_EXPIRED',
      'This certificate has expired and must not be used. Void it and issue a new one.',
      '31 CFR 592.307(e)',
    );
  }
  const name = from.toLowerCase().replace('_', ' ');
  return refuse(
    from,
    event,
    'NOT_FROM_THIS_STATE',
    `A certificate that is ${name} cannot be ${pastTense[event.type]}.`,
    'KP Desk certificate lifecycle',
  );
}

const pastTense: Record<LifecycleEvent['type'], string> = {
  startDraft: 'started as a draft',
  recordItn: 'given an ITN',
  issue: 'issued',
  ship: 'shipped',
  deliver: 'marked delivered',
  void: 'voided',
  expire: 'marked expired',
};

export function transition(from: CertificateState, event: LifecycleEvent): TransitionResult {
  if (!allowedFrom[event.type].includes(from)) return stateRefusal(from, event);
  const refusal = checkEvent(from, event);
  return refusal ?? { ok: true, state: target[event.type] };
}

function checkEvent(from: CertificateState, event: LifecycleEvent): TransitionResult | null {
  switch (event.type) {
    case 'recordItn':
      return readItn(event.itn).kind === 'ok'
        ? null
        : refuse(
            from,
            event,
            'ITN_INVALID',
            'Enter a valid ITN (X + acceptance date YYYYMMDD + 6 digits) from AES.',
            '31 CFR 592.301(a)(5)',
          );
    case 'issue':
      if (!event.attested)
        return refuse(
          from,
          event,
          'NOT_ATTESTED',
          'Confirm the warranty attestation before issuing.',
          'USKPA licensee attestation; WDC System of Warranties',
        );
      return event.errorCount > 0
        ? refuse(
            from,
            event,
            'HAS_ERRORS',
            `The certificate still has ${event.errorCount} error(s). Fix them before issuing.`,
            '31 CFR 592.307',
          )
        : null;
    case 'ship':
      return checkShip(from, event);
    case 'void':
      if (!voidReasons.includes(event.reason))
        return refuse(
          from,
          event,
          'VOID_REASON_UNKNOWN',
          `Choose a reason from USKPA's list: ${voidReasons.join('; ')}.`,
          'USKPA void reasons; 31 CFR 592.313',
        );
      return event.reason === OTHER_VOID_REASON && event.notes.trim() === ''
        ? refuse(
            from,
            event,
            'VOID_NOTES_REQUIRED',
            'Explain the reason in the notes when voiding for "Other".',
            'USKPA void form',
          )
        : null;
    case 'expire': {
      const today = parseIsoDate(event.today);
      const expiry = parseIsoDate(event.dateOfExpiry);
      return today !== null && expiry !== null && today > expiry
        ? null
        : refuse(
            from,
            event,
            'NOT_YET_EXPIRED',
            'The certificate has not reached its date of expiry.',
            '31 CFR 592.307(e)',
          );
    }
    case 'startDraft':
    case 'deliver':
      return null;
  }
}

function checkShip(
  from: CertificateState,
  event: Extract<LifecycleEvent, { type: 'ship' }>,
): TransitionResult | null {
  const ship = parseIsoDate(event.shipDate);
  const issue = parseIsoDate(event.dateOfIssue);
  const expiry = parseIsoDate(event.dateOfExpiry);
  if (ship === null || issue === null || expiry === null)
    return refuse(
      from,
      event,
      'SHIP_DATE_INVALID',
      'Enter the ship date as YYYY-MM-DD.',
      '31 CFR 592.307(d)-(e)',
    );
  if (ship < issue)
    return refuse(
      from,
      event,
      'SHIP_BEFORE_ISSUE',
      'The ship date cannot be before the date of issue.',
      '31 CFR 592.307(d)',
    );
  // Using an expired certificate is a common error (Census 2019).
  if (ship > expiry)
    return refuse(
      from,
      event,
      'CERTIFICATE_EXPIRED',
      'The certificate expired before this ship date and must not be used. Void it and issue a new one.',
      '31 CFR 592.307(e); Census 2019 licensee guidance',
    );
  return null;
}
