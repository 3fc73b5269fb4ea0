// The certificate verifier (reviewer mode and `kpdesk verify`). It answers separately: is the
// signature intact over the whole file; was anything added after signing; who signed and does
// the chain reach a trusted anchor; is the seal genuine and does it match the document and the
// vault's record; revocation (never known offline). Hostile input gets a result, never a throw:
// size is checked first, parsing is bounded byte scanning (scan-pdf.ts), and the whole run stops
// with "time limit" results if it takes longer than allowed.
import { KeyObject, X509Certificate } from 'node:crypto';
import type { Certificate } from '../../../../shared/domain/certificate';
import { verifySeal } from '../seal/seal-codec';
import { sealPublicKey } from '../seal/seal-key';
import { compareSealWithRecord } from '../seal/seal-payload';
import { isSelfSigned } from '../signing/describe-identity';
import { checkSignature } from './check-signature';
import { checkTrust } from './check-trust';
import { readCms } from './read-cms';
import type { SignatureScan } from './scan-pdf';
import {
  checkRevisionEnd,
  hasPdfHeader,
  scanSealText,
  scanSignature,
  scanSubject,
} from './scan-pdf';
import type { VerificationResult } from './verification-result';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export type VerifyPdfOptions = {
  /** Files above this size are rejected unread (default 20 MiB). */
  maxBytes?: number;
  /** Time budget in ms; checks not reached in time are "not established" (default 5 s). */
  timeLimitMs?: number;
  /** Trusted certificates (DER): the signer or one of its issuers must be one of them. */
  trustAnchorsDer?: readonly Uint8Array[];
  /** The issuer's seal public key (SPKI DER or PEM, or a KeyObject). */
  sealPublicKey?: KeyObject | Uint8Array | string;
  /** The vault's record of this certificate, when there is one. */
  record?: Certificate;
};

const NOT_ESTABLISHED = 'not established' as const;

function emptyResult(): VerificationResult {
  return {
    overall: 'incomplete',
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
    },
    chain: { status: NOT_ESTABLISHED, message: 'Not checked.', anchor: null },
    seal: {
      status: NOT_ESTABLISHED,
      message: 'Not checked.',
      seal: null,
      payload: null,
      matchesDocument: NOT_ESTABLISHED,
    },
    record: { status: NOT_ESTABLISHED, message: 'No vault record was given.', mismatches: [] },
    revocation: { status: NOT_ESTABLISHED, message: 'Revocation cannot be checked offline.' },
  };
}

function rejected(
  reason: NonNullable<VerificationResult['rejected']>['reason'],
  message: string,
): VerificationResult {
  return { ...emptyResult(), overall: 'rejected', rejected: { reason, message } };
}

function overallOf(result: VerificationResult): VerificationResult['overall'] {
  const failed =
    result.structure.status === 'damaged' ||
    result.integrity.status === 'invalid' ||
    result.modifiedAfterSigning.status === 'yes' ||
    result.seal.status === 'invalid' ||
    result.seal.matchesDocument === 'no' ||
    result.record.status === 'mismatch';
  if (failed) return 'invalid';
  const complete = result.integrity.status === 'valid' && result.seal.status === 'valid';
  return complete ? 'valid' : 'incomplete';
}

const oneLine = (name: string): string => name.split('\n').filter(Boolean).join(', ');

function describeSigner(
  result: VerificationResult,
  signer: X509Certificate,
  signingTime: Date | null,
): void {
  const from = new Date(signer.validFrom);
  const to = new Date(signer.validTo);
  result.signer = {
    status: 'identified',
    subject: oneLine(signer.subject),
    issuer: oneLine(signer.issuer),
    serialNumber: signer.serialNumber,
    fingerprintSha256: signer.fingerprint256,
    validFrom: from.toISOString(),
    validTo: to.toISOString(),
    signingTime: signingTime?.toISOString() ?? null,
    validAtSigningTime:
      signingTime === null
        ? NOT_ESTABLISHED
        : signingTime >= from && signingTime <= to
          ? 'yes'
          : 'no',
    selfSigned: isSelfSigned(signer),
  };
}

function checkSignaturePart(
  bytes: Buffer,
  scan: SignatureScan,
  result: VerificationResult,
  options: VerifyPdfOptions,
): void {
  if (scan.kind === 'none') {
    result.integrity.message = 'The document is not signed.';
    return;
  }
  if (scan.kind === 'several') {
    result.integrity = {
      ...result.integrity,
      status: 'invalid',
      signatureCount: scan.count,
      message: `The document has ${scan.count} signatures; a KP certificate has exactly one.`,
    };
    return;
  }
  result.integrity.signatureCount = 1;
  if (scan.kind === 'malformed') {
    result.integrity = { ...result.integrity, status: 'invalid', message: scan.reason };
    return;
  }
  result.integrity.byteRange = scan.byteRange;
  result.integrity.subFilter = scan.subFilter;
  result.modifiedAfterSigning = {
    status: scan.appendedBytes > 0 ? 'yes' : 'no',
    appendedBytes: scan.appendedBytes,
  };
  const cms = readCms(scan.cms);
  if (typeof cms === 'string') {
    result.integrity = { ...result.integrity, status: 'invalid', message: cms };
    return;
  }
  const check = checkSignature(bytes, scan.byteRange, cms);
  if (check.signer !== null) describeSigner(result, check.signer, scan.signingTime);
  if (!check.ok) {
    result.integrity = { ...result.integrity, status: 'invalid', message: check.reason };
    return;
  }
  result.integrity.status = 'valid';
  result.integrity.message =
    scan.appendedBytes > 0
      ? 'The signature is intact, but it does not cover bytes added after signing.'
      : 'The signature covers the whole document and nothing changed after signing.';
  const anchors = (options.trustAnchorsDer ?? []).flatMap((der) => {
    try {
      return [new X509Certificate(Buffer.from(der))];
    } catch {
      return [];
    }
  });
  const trust = checkTrust(check.signer, check.chain, anchors, scan.signingTime ?? new Date());
  result.chain = { status: trust.status, message: trust.reason, anchor: trust.anchor };
}

function checkSealPart(
  bytes: Buffer,
  spans: [number, number][],
  result: VerificationResult,
  options: VerifyPdfOptions,
): void {
  const found = scanSealText(bytes, spans);
  if (found.kind === 'none') {
    result.seal = {
      ...result.seal,
      status: 'absent',
      message: 'The document carries no KP Desk seal.',
    };
    return;
  }
  if (found.kind === 'several') {
    result.seal = {
      ...result.seal,
      status: 'invalid',
      message: 'The document carries more than one seal.',
    };
    return;
  }
  result.seal.seal = found.seal;
  if (options.sealPublicKey === undefined) {
    result.seal.message = 'No seal public key is configured, so the seal cannot be checked.';
    return;
  }
  let key: KeyObject;
  try {
    const configured = options.sealPublicKey;
    key = configured instanceof KeyObject ? configured : sealPublicKey(configured);
  } catch {
    result.seal.message = 'The configured seal public key is not an ECDSA P-256 key.';
    return;
  }
  const verdict = verifySeal(found.seal, key);
  if (verdict.status !== 'valid') {
    result.seal = { ...result.seal, status: 'invalid', message: verdict.reason };
    return;
  }
  const subject = scanSubject(bytes, spans);
  result.seal = {
    ...result.seal,
    status: 'valid',
    payload: verdict.payload,
    message: 'The seal was signed with the issuer’s seal key.',
    matchesDocument:
      subject === null ? NOT_ESTABLISHED : subject === verdict.payload.n ? 'yes' : 'no',
  };
  if (options.record !== undefined) {
    const mismatches = compareSealWithRecord(verdict.payload, options.record);
    result.record = {
      status: mismatches.length === 0 ? 'match' : 'mismatch',
      mismatches,
      message:
        mismatches.length === 0
          ? 'The sealed data and its digest match the vault’s record.'
          : `The seal differs from the vault’s record in: ${mismatches.map((m) => m.field).join(', ')}.`,
    };
  }
}

function verifyBytes(bytes: Buffer, options: VerifyPdfOptions): VerificationResult {
  const started = performance.now();
  const limit = options.timeLimitMs ?? 5_000;
  if (bytes.length === 0) return rejected('empty', 'The file is empty.');
  if (bytes.length > (options.maxBytes ?? DEFAULT_MAX_BYTES))
    return rejected(
      'too large',
      'The file is larger than a KP certificate can be; it was not read.',
    );
  if (!hasPdfHeader(bytes)) return rejected('not a PDF', 'The file is not a PDF.');
  const result = emptyResult();
  const damage = checkRevisionEnd(bytes, bytes.length);
  if (damage !== null) result.structure = { status: 'damaged', message: damage };
  const scan = scanSignature(bytes);
  checkSignaturePart(bytes, scan, result, options);
  if (performance.now() - started > limit)
    return rejected('time limit', 'Verification took too long and was stopped.');
  // The seal counts only where the signature covers it (or anywhere, if there is no signature).
  const spans: [number, number][] =
    scan.kind === 'one'
      ? [
          [0, scan.byteRange[1]],
          [scan.byteRange[2], scan.byteRange[2] + scan.byteRange[3]],
        ]
      : [[0, bytes.length]];
  checkSealPart(bytes, spans, result, options);
  if (performance.now() - started > limit)
    return rejected('time limit', 'Verification took too long and was stopped.');
  result.overall = overallOf(result);
  return result;
}

/** Verifies a certificate PDF; always returns a result, whatever the bytes. */
export function verifyPdf(input: Uint8Array, options: VerifyPdfOptions = {}): VerificationResult {
  try {
    return verifyBytes(Buffer.isBuffer(input) ? input : Buffer.from(input), options);
  } catch {
    // Defence in depth: every step above reports its own failures; this is for the unforeseen.
    return {
      ...emptyResult(),
      overall: 'invalid',
      structure: { status: 'damaged', message: 'The file could not be read.' },
    };
  }
}
