// An audit event in plain words, for the Audit log page and its CSV: what happened, to which
// record, named as a licensee names it (a certificate by its form number, never by a row id).
// The chain stores no payload, only the record's digest, so the words come from the action and
// the record the event points at.
import { auditActionText } from '../../../shared/audit-log/audit-action-words';

type EventFacts = {
  action: string;
  entity_type: string;
  entity_id: string;
  certificate_number: string | null;
  /** A registered range (stock_range): its first and last number and its count, as now. */
  range_first?: string | null;
  range_last?: string | null;
  range_count?: number | null;
};

const count = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "Registered KP numbers US1000 to US1999 (1,000 numbers)": one event for a whole range. */
function rangeWords(event: EventFacts): string | null {
  const { range_first: first, range_last: last, range_count: n } = event;
  if (first === undefined || first === null || last === undefined || last === null) return null;
  if (n === undefined || n === null) return null;
  return first === last
    ? `Registered KP number ${first} (${count(n, 'number', 'numbers')})`
    : `Registered KP numbers ${first} to ${last} (${count(n, 'number', 'numbers')})`;
}

const recordKinds: Readonly<Record<string, string>> = {
  user: 'user',
  party: 'address-book entry',
  setting: 'setting',
  blank_void: 'voided blank form',
  signing_identity: 'signing identity',
  seal_key: 'seal key',
  trusted_certificate: 'trusted certificate',
  submission_receipt: 'submission receipt',
  submission_recipient: 'submission recipient',
  issue_reference: 'batch reference',
  stock_batch: 'registration of blank forms',
  stock_range: 'registered range of form numbers',
  record_import: 'import mark of certificate record',
  audit_package_export: 'audit package export',
};

function recordWords(event: EventFacts): string {
  const number = event.certificate_number;
  switch (event.entity_type) {
    case 'certificate':
      return number === null ? `certificate record ${event.entity_id}` : `certificate ${number}`;
    case 'stock':
      return `form ${event.entity_id}`;
    case 'edit_request':
      return `correction request ${event.entity_id}${number === null ? '' : ` of certificate ${number}`}`;
    case 'attachment':
    case 'signature_level':
      return `document ${event.entity_id}${number === null ? '' : ` of certificate ${number}`}`;
    case 'outbox':
      return `submission ${event.entity_id}${number === null ? '' : ` of certificate ${number}`}`;
    case 'licensee':
      return 'the licensee profile';
    case 'vault_settings':
      return 'the vault settings';
    default:
      return `${recordKinds[event.entity_type] ?? event.entity_type} ${event.entity_id}`;
  }
}

export function describeAuditEvent(event: EventFacts): string {
  if (event.entity_type === 'stock_range') {
    const words = rangeWords(event);
    if (words !== null) return words;
  }
  return `${auditActionText(event.action)}: ${recordWords(event)}`;
}
