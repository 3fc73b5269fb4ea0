// Each question the verifier answers (shared/ipc/documents-contract.ts, VerificationResultSchema)
// as one check a person reads: a label, a status word, a tone and a message. The tone is what
// the screen shows with an icon and a word (never colour alone) and what the headline lists as
// reasons; the status word is the verifier's own ("intact", "not established"), so the app and
// `kpdesk verify` say the same. No "valid" or "genuine" here: they belong to the headline of a
// TOTAL-PASSED outcome only (ETSI EN 319 102-1).
import type { DocumentVerification } from '../ipc/documents-contract';

/** passed: the check holds; failed: it does not; not established: it could not be decided. */
export type CheckTone = 'passed' | 'failed' | 'not established' | 'info';

export type CheckId =
  | 'structure'
  | 'integrity'
  | 'modifiedAfterSigning'
  | 'signer'
  | 'signerPeriod'
  | 'keyUsage'
  | 'chain'
  | 'revocation'
  | 'timestamp'
  | 'level'
  | 'seal'
  | 'pageBinding'
  | 'documentKind'
  | 'record'
  | 'voidStatus';

export type VerificationCheck = {
  id: CheckId;
  label: string;
  status: string;
  tone: CheckTone;
  message: string;
};

type Result = DocumentVerification['result'];

const NOT_ESTABLISHED = 'not established';

function toneOf(status: string, passed: readonly string[], failed: readonly string[]): CheckTone {
  if (passed.includes(status)) return 'passed';
  if (failed.includes(status)) return 'failed';
  if (status === NOT_ESTABLISHED) return 'not established';
  return 'info';
}

/** "2026-11-27 10:00:03 UTC" for an ISO 8601 UTC time; anything else as given. */
export function formatUtcTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(?:Z|\+00:?00)$/.exec(iso);
  return match === null ? iso : `${match[1] ?? ''} ${match[2] ?? ''} UTC`;
}

/** What PAdES baseline level means for how long the file can be checked (ETSI EN 319 142-1). */
export function levelMessage(level: Result['level']): string {
  switch (level) {
    case 'B-B':
      return 'Basic signature: no time-stamp, so it can be checked only while the signer’s certificate is in force.';
    case 'B-T':
      return 'Signature with a time-stamp from a time-stamping authority (RFC 3161): proves when it was signed.';
    case 'B-LT':
      return 'Time-stamped, with the certificate chain and revocation data in the file: checkable after the signer’s certificate expires.';
    case 'B-LTA':
      return 'Long-term, with a document time-stamp over the validation data: checkable for the archive period.';
    case null:
      return 'No PAdES level: the file carries no signature that could be checked.';
  }
}

function signerMessage(signer: Result['signer']): string {
  if (signer.subject === null) return 'The signer’s certificate could not be read.';
  const selfSigned = signer.selfSigned === true ? ' (self-signed)' : '';
  const issuer =
    signer.issuer === null || signer.selfSigned === true ? '' : `, issued by ${signer.issuer}`;
  const claimed =
    signer.signingTime === null
      ? ''
      : `; signing time claimed by the signer: ${formatUtcTime(signer.signingTime)}`;
  return `${signer.subject}${selfSigned}${issuer}${claimed}`;
}

function periodMessage(signer: Result['signer']): string {
  const period =
    signer.validFrom === null || signer.validTo === null
      ? 'its period is unknown'
      : `its period runs from ${formatUtcTime(signer.validFrom)} to ${formatUtcTime(signer.validTo)}`;
  switch (signer.validAtSigningTime) {
    case 'yes':
      return `The certificate was in force when the file was signed; ${period}.`;
    case 'no':
      return `The certificate was not in force when the file was signed; ${period}.`;
    case NOT_ESTABLISHED:
      return `Whether the certificate was in force when the file was signed is not established; ${period}.`;
  }
}

function keyUsageMessage(fit: Result['signer']['keyUsageFit']): string {
  switch (fit) {
    case 'yes':
      return 'The certificate allows signing documents (key usage digitalSignature or nonRepudiation).';
    case 'no':
      return 'The certificate does not allow signing documents (key usage or extended key usage).';
    case NOT_ESTABLISHED:
      return 'The certificate’s key usage could not be read.';
  }
}

function timestampMessage(timestamp: Result['timestamp']): string {
  if (timestamp.time === null) return timestamp.message;
  const by = timestamp.authority === null ? '' : ` by ${timestamp.authority}`;
  return `Time-stamped at ${formatUtcTime(timestamp.time)}${by}. ${timestamp.message}`.trim();
}

function sealCheck(seal: Result['seal']): VerificationCheck {
  const base = { id: 'seal', label: 'Seal' } as const;
  if (seal.status === 'verified' && seal.matchesDocument === 'no')
    return { ...base, status: 'does not match', tone: 'failed', message: seal.message };
  return {
    ...base,
    status: seal.status,
    tone: toneOf(seal.status, ['verified'], ['failed', 'absent']),
    message: seal.message,
  };
}

function modifiedCheck(modified: Result['modifiedAfterSigning']): VerificationCheck {
  const bytes = `${modified.appendedBytes.toLocaleString('en-US')} bytes`;
  const messages: Record<Result['modifiedAfterSigning']['status'], string> = {
    no: 'Nothing was added after the signature.',
    yes: `${bytes} were added after the signature.`,
    'validation data only': `${bytes} added after the signature hold only validation data (certificates, revocation data, document time-stamp), which PAdES B-LT and B-LTA add.`,
    [NOT_ESTABLISHED]: 'Whether the file was changed after signing could not be established.',
  };
  return {
    id: 'modifiedAfterSigning',
    label: 'Changed after signing',
    status: modified.status,
    tone: toneOf(modified.status, ['no', 'validation data only'], ['yes']),
    message: messages[modified.status],
  };
}

function voidCheck(result: Result): VerificationCheck {
  const { status, message } = result.voidStatus;
  // The VOID copy of a voided certificate is what it should be: voided is its expected state.
  const tone =
    result.documentKind === 'void' && status === 'voided'
      ? 'info'
      : toneOf(status, ['not voided'], ['voided']);
  return { id: 'voidStatus', label: 'Void status', status, tone, message };
}

/** Every check in reading order: the file, the signature, the signer, the seal, the record. */
export function verificationChecks(verification: DocumentVerification): VerificationCheck[] {
  const result = verification.result;
  const { signer } = result;
  const documentKind = result.documentKind;
  return [
    {
      id: 'structure',
      label: 'File structure',
      status: result.structure.status,
      tone: toneOf(result.structure.status, ['ok'], ['damaged']),
      message: result.structure.message,
    },
    {
      id: 'integrity',
      label: 'Signature',
      status: result.integrity.status,
      tone: toneOf(result.integrity.status, ['intact'], ['broken']),
      message: result.integrity.message,
    },
    modifiedCheck(result.modifiedAfterSigning),
    {
      id: 'signer',
      label: 'Signer',
      status: signer.status,
      tone: toneOf(signer.status, ['identified'], []),
      message: signerMessage(signer),
    },
    {
      id: 'signerPeriod',
      label: 'Signer’s certificate in force at signing',
      status: signer.validAtSigningTime,
      tone: toneOf(signer.validAtSigningTime, ['yes'], ['no']),
      message: periodMessage(signer),
    },
    {
      id: 'keyUsage',
      label: 'Key usage fit for signing',
      status: signer.keyUsageFit,
      tone: toneOf(signer.keyUsageFit, ['yes'], ['no']),
      message: keyUsageMessage(signer.keyUsageFit),
    },
    {
      id: 'chain',
      label: 'Trust chain',
      status: result.chain.status,
      // Not chaining to a trust anchor is INDETERMINATE in ETSI EN 319 102-1, not a failure.
      tone:
        result.chain.status === 'untrusted'
          ? 'not established'
          : toneOf(result.chain.status, ['trusted'], []),
      message:
        result.chain.anchor === null
          ? result.chain.message
          : `${result.chain.message} Trust anchor: ${result.chain.anchor}.`,
    },
    {
      id: 'revocation',
      label: 'Revocation',
      status: result.revocation.status,
      tone: toneOf(result.revocation.status, ['not revoked'], ['revoked']),
      message: result.revocation.message,
    },
    {
      id: 'timestamp',
      label: 'Signature time-stamp',
      status: result.timestamp.status,
      // Absent is allowed (B-B); a time-stamp present that does not verify is a failure.
      tone: toneOf(result.timestamp.status, ['verified'], ['failed']),
      message: timestampMessage(result.timestamp),
    },
    {
      id: 'level',
      label: 'PAdES level',
      status: result.level ?? 'none',
      tone: 'info',
      message: levelMessage(result.level),
    },
    sealCheck(result.seal),
    {
      id: 'pageBinding',
      label: 'Page matches the seal',
      status: result.pageBinding.status,
      tone: toneOf(result.pageBinding.status, ['bound'], ['differs']),
      message: result.pageBinding.message,
    },
    {
      id: 'documentKind',
      label: 'Document',
      status:
        documentKind === 'void'
          ? 'VOID copy'
          : documentKind === 'issued'
            ? 'issued certificate'
            : documentKind,
      tone: documentKind === NOT_ESTABLISHED ? 'not established' : 'info',
      message:
        documentKind === 'void'
          ? 'The seal says this is the VOID copy: the signed notice that the certificate was voided.'
          : documentKind === 'issued'
            ? 'The seal says this is the issued certificate.'
            : 'The seal does not say which document this is.',
    },
    {
      id: 'record',
      label: 'Vault record',
      status: result.record.status,
      tone: toneOf(result.record.status, ['match'], ['mismatch']),
      message: result.record.message,
    },
    voidCheck(result),
  ];
}
