// What the signing identity is, as a licensee checks it: who it names, who vouches for it, how
// long it is valid, its fingerprint (to read out to a partner), and whether it is self-signed.
// Ending within 30 days (or ended) is a warning: a certificate cannot be signed with it after.
import type { IdentitySummary } from '../../../shared/ipc/documents-contract';
import { formatDate } from '../format/date-format';
import { useFormat } from '../format/use-format';

function warningText(identity: IdentitySummary, locale: string): string | null {
  const warning = identity.warning;
  if (warning === null) return identity.expiresWithin30Days ? 'Ends within 30 days.' : null;
  switch (warning.kind) {
    case 'expired':
      return `Ended on ${formatDate(warning.since.slice(0, 10), locale)}: certificates cannot be signed with it. Set up a new identity.`;
    case 'expires-soon':
      return `Ends in ${String(warning.daysLeft)} days: renew it before then, or signing stops.`;
    case 'not-yet-valid':
      return `Not valid before ${formatDate(warning.from.slice(0, 10), locale)}.`;
  }
}

export function IdentityDetails({ identity }: { identity: IdentitySummary }) {
  const format = useFormat();
  const warning = warningText(identity, format.locale);
  return (
    <div data-testid="identity-details">
      {warning === null ? null : <p className="notice notice--warning">{warning}</p>}
      <dl className="details">
        <dt>Subject</dt>
        <dd>
          {identity.subject}{' '}
          {identity.selfSigned ? <span className="badge">Self-signed</span> : null}
        </dd>
        <dt>Issuer</dt>
        <dd>{identity.issuer}</dd>
        <dt>Valid</dt>
        <dd>
          {format.date(identity.validFrom.slice(0, 10))} to{' '}
          {format.date(identity.validTo.slice(0, 10))}
        </dd>
        <dt>Fingerprint (SHA-256)</dt>
        <dd>
          <code className="fingerprint">{identity.fingerprintSha256}</code>
        </dd>
        <dt>Signer shown on documents</dt>
        <dd>{identity.signerName}</dd>
        <dt>Key</dt>
        <dd>
          {identity.keyType === 'rsa' ? 'RSA' : 'Elliptic curve (P-256)'},{' '}
          {identity.source === 'generated' ? 'generated in KP Desk' : 'imported'}
        </dd>
      </dl>
      {identity.selfSigned ? (
        <p className="note">
          A self-signed identity signs correctly, but PDF readers will not trust it until you send
          the certificate request below to a certification authority and import what it returns.
        </p>
      ) : null}
    </div>
  );
}
