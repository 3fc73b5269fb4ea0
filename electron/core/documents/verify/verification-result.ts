// What the verifier reports about a PDF: the ETSI EN 319 102-1 indication for the whole, and each
// question answered on its own, with "not established" wherever the verifier cannot know
// (revocation while offline, void status without the issuer's vault, a check it could not
// reach). Plain data, as the shared contract defines it (shared/ipc/documents-contract.ts), so
// the app (over IPC), the preview and `kpdesk verify --json` show it as is.
import type { VerificationResultData } from '../../../../shared/ipc/documents-contract';

export type VerificationResult = VerificationResultData;
export type { Indication, SubIndication } from '../../../../shared/ipc/documents-contract';

export const NOT_ESTABLISHED = 'not established' as const;

/** Every part "not checked": the verifier fills in what it establishes. */
export function emptyResult(): VerificationResult {
  return {
    indication: 'INDETERMINATE',
    subIndication: 'GENERIC',
    verdict: 'INDETERMINATE',
    summary: 'Not checked.',
    rejected: null,
    structure: { status: 'ok', message: 'The file is a complete PDF.' },
    integrity: {
      status: NOT_ESTABLISHED,
      message: 'Not checked.',
      signatureCount: 0,
      byteRange: null,
      subFilter: null,
    },
    modifiedAfterSigning: { status: NOT_ESTABLISHED, appendedBytes: 0 },
    signer: {
      status: NOT_ESTABLISHED,
      subject: null,
      issuer: null,
      serialNumber: null,
      fingerprintSha256: null,
      validFrom: null,
      validTo: null,
      signingTime: null,
      validAtSigningTime: NOT_ESTABLISHED,
      selfSigned: null,
      keyUsageFit: NOT_ESTABLISHED,
    },
    level: null,
    timestamp: {
      status: 'absent',
      time: null,
      authority: null,
      message:
        'The signature has no time-stamp (PAdES B-B): its time is only what the signer’s computer said.',
    },
    chain: { status: NOT_ESTABLISHED, message: 'Not checked.', anchor: null },
    seal: {
      status: NOT_ESTABLISHED,
      message: 'Not checked.',
      seal: null,
      payload: null,
      matchesDocument: NOT_ESTABLISHED,
    },
    pageBinding: { status: NOT_ESTABLISHED, message: 'Not checked.' },
    documentKind: NOT_ESTABLISHED,
    record: { status: NOT_ESTABLISHED, message: 'No vault record was given.', mismatches: [] },
    voidStatus: {
      status: NOT_ESTABLISHED,
      message:
        'Whether the certificate was voided after this file was made is not established: only the issuer’s vault (or USKPA) knows.',
    },
    revocation: { status: NOT_ESTABLISHED, message: 'Not checked.' },
  };
}
