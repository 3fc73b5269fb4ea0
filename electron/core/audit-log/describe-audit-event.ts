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
};

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
  return `${auditActionText(event.action)}: ${recordWords(event)}`;
}
