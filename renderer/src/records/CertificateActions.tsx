// What can be done to a certificate now, by its state (shared/domain/lifecycle.ts) and the user's
// role (shell/permissions.ts; main enforces both again). A reviewer sees the record read-only.
import type { KpApi } from '../../../shared/ipc/api';
import type { UserRole } from '../../../shared/records/user-inputs';
import type { Route } from '../navigation';
import { canWriteRecords } from '../shell/permissions';
import { DeliverAction } from './DeliverAction';
import { RequestCorrection } from './RequestCorrection';
import { ShipAction } from './ShipAction';
import type { CertificateRecord } from './use-certificate-record';
import { VoidAction } from './VoidAction';

type CertificateActionsProps = {
  api: KpApi;
  record: CertificateRecord;
  role: UserRole;
  navigate: (to: Route) => void;
  onDone: (record: CertificateRecord, message: string) => void;
};

const VOIDABLE = new Set(['DRAFT', 'VALIDATED', 'ISSUED', 'SHIPPED', 'EXPIRED']);
/** Issued onwards, a change is a correction request (never a silent edit). */
const CORRECTABLE = new Set(['ISSUED', 'SHIPPED', 'DELIVERED', 'EXPIRED']);

export function CertificateActions(props: CertificateActionsProps) {
  const { api, record, role, navigate, onDone } = props;
  const actionProps = { api, record, onDone };
  let body;
  if (!canWriteRecords(role)) {
    body = <p>You are signed in as a reviewer: you can see this record but not change it.</p>;
  } else {
    const isDraft = record.state === 'DRAFT' || record.state === 'VALIDATED';
    const parts = [
      isDraft ? (
        <div key="resume">
          <p>This certificate is not issued yet. Continue where the draft was left.</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              navigate({ screen: 'wizard', draftId: record.id });
            }}
          >
            Resume the draft
          </button>
        </div>
      ) : null,
      record.state === 'ISSUED' ? <ShipAction key="ship" {...actionProps} /> : null,
      record.state === 'SHIPPED' ? <DeliverAction key="deliver" {...actionProps} /> : null,
      record.state === 'EXPIRED' ? (
        <p key="expired">
          This certificate expired before it was shipped and must not be used (31 CFR 592.307(e)).
          Void it and issue a new one.
        </p>
      ) : null,
      CORRECTABLE.has(record.state) ? (
        <RequestCorrection key={`edit-${String(record.version)}`} {...actionProps} />
      ) : null,
      VOIDABLE.has(record.state) ? (
        <VoidAction key={`void-${record.state}`} {...actionProps} />
      ) : null,
    ].filter((part) => part !== null);
    body = [
      ...(parts.length === 0
        ? [
            <p key="done">
              {record.state === 'VOIDED'
                ? 'A voided certificate cannot change again.'
                : 'Nothing is left to record for this certificate.'}
            </p>,
          ]
        : parts),
      // Issue 15: a repeat shipment starts from this one (dates, ITN and number not copied).
      <div key="copy">
        <button
          type="button"
          className="button"
          onClick={() => {
            navigate({ screen: 'wizard', copyFrom: record.id });
          }}
        >
          Copy to a new certificate
        </button>
      </div>,
    ];
  }
  return (
    <section className="panel certificate-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">Actions</h2>
      {body}
    </section>
  );
}
