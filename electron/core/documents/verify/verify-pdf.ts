// The certificate verifier (the app's "Verify a certificate file", `kpdesk verify`, the preview).
// It answers each question on its own (is the signature intact over the whole file; was anything
// added after signing; who signed, for what, and does the chain reach a trusted anchor at the
// best signature time; is the seal genuine, and is every field on the page what was sealed; what
// the vault knows) and then gives the ETSI EN 319 102-1 indication for the whole
// (verification-outcome.ts). Hostile input gets a result, never a throw: size is checked first,
// parsing is bounded byte scanning (scan-pdf.ts), and the run stops with a "time limit" result
// if it takes longer than allowed.
import type { X509Certificate } from 'node:crypto';
import type { SignatureFailure } from './check-signature';
import type { SignedCms } from './read-cms';
import { checkSealPart } from './check-seal-part';
import { SIGNATURE_TIME_STAMP_ATTRIBUTE, checkSignature } from './check-signature';
import { checkSignatureTimestamp } from './check-timestamp';
import { checkTrust, unverifiableCertificates } from './check-trust';
import { parsedCertificate, signedBy } from './parsed-certificates';
import { readCms } from './read-cms';
import { revocationStatus } from './revocation-status';
import type { AfterSignature } from './scan-validation-data';
import { scanAfterSignature } from './scan-validation-data';
import type { SignatureScan } from './scan-pdf';
import { checkRevisionEnd, hasPdfHeader, scanSignature } from './scan-pdf';
import { signerKeyUsage } from './signer-key-usage';
import type { SubIndication, VerificationResult } from './verification-result';
import { NOT_ESTABLISHED, emptyResult } from './verification-result';
import { OutcomeFindings, applyOutcome } from './verification-outcome';
import type { Parts, VerifyPdfOptions } from './verify-options';
import { DEFAULT_MAX_BYTES } from './verify-options';

export { DEFAULT_MAX_BYTES } from './verify-options';
export type { VaultKnowledge, VerifyPdfOptions } from './verify-options';

const FAILURE_SUB_INDICATION: Record<SignatureFailure, SubIndication> = {
  format: 'FORMAT_FAILURE',
  hash: 'HASH_FAILURE',
  crypto: 'SIG_CRYPTO_FAILURE',
  'no-signer': 'NO_SIGNING_CERTIFICATE_FOUND',
};

const oneLine = (name: string): string => name.split('\n').filter(Boolean).join(', ');

function rejected(
  reason: NonNullable<VerificationResult['rejected']>['reason'],
  message: string,
): VerificationResult {
  const result: VerificationResult = { ...emptyResult(), rejected: { reason, message } };
  const findings = new OutcomeFindings();
  if (reason === 'time limit') findings.indeterminate('GENERIC', message);
  else findings.failed('FORMAT_FAILURE', message);
  applyOutcome(result, findings);
  return result;
}

function describeSigner(
  result: VerificationResult,
  signer: X509Certificate,
  signingTime: Date | null,
): void {
  const from = new Date(signer.validFrom);
  const to = new Date(signer.validTo);
  result.signer = {
    ...result.signer,
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
    // Self-signed: its own issuer, and its own key verifies it (describe-identity.ts
    // isSelfSigned), the verification remembered per certificate as the chain's are: the same
    // signer signs every file of a vault, and checking its signature again cost a public-key
    // verification per file (issue 14, the full review).
    selfSigned: signedBy(signer, signer),
  };
}

function anchorsOf(options: VerifyPdfOptions): X509Certificate[] {
  return (options.trustAnchorsDer ?? []).flatMap((der) => {
    try {
      return [parsedCertificate(der)];
    } catch {
      return [];
    }
  });
}

/** Signature, signer, chain and revocation. True when the signature is intact. */
function checkSignaturePart(bytes: Buffer, scan: SignatureScan, parts: Parts): boolean {
  const { result, findings } = parts;
  if (scan.kind === 'none') {
    result.integrity.message = 'The document is not signed.';
    findings.failed('FORMAT_FAILURE', 'The document is not signed; a KP certificate is.');
    return false;
  }
  if (scan.kind === 'several') {
    result.integrity = {
      ...result.integrity,
      status: 'broken',
      signatureCount: scan.count,
      message: `The document has ${String(scan.count)} signatures; a KP certificate has exactly one.`,
    };
    findings.failed('FORMAT_FAILURE', result.integrity.message);
    return false;
  }
  result.integrity.signatureCount = 1;
  if (scan.kind === 'malformed') {
    result.integrity = { ...result.integrity, status: 'broken', message: scan.reason };
    findings.failed('FORMAT_FAILURE', scan.reason);
    return false;
  }
  result.integrity.byteRange = [...scan.byteRange];
  result.integrity.subFilter = scan.subFilter;
  if (scan.subFilter !== 'ETSI.CAdES.detached') {
    result.integrity = {
      ...result.integrity,
      status: 'broken',
      message: `The signature is of type ${scan.subFilter ?? 'unknown'}, not the PAdES ETSI.CAdES.detached that KP Desk signs with.`,
    };
    findings.failed('FORMAT_FAILURE', result.integrity.message);
    return false;
  }
  const cms = readCms(scan.cms);
  if (typeof cms === 'string') {
    result.integrity = { ...result.integrity, status: 'broken', message: cms };
    findings.failed('FORMAT_FAILURE', cms);
    return false;
  }
  const check = checkSignature(bytes, scan.byteRange, cms, parts.options.knownPrefix);
  if (check.signer !== null) describeSigner(result, check.signer, scan.signingTime);
  if (!check.ok) {
    result.integrity = { ...result.integrity, status: 'broken', message: check.reason };
    const sub = FAILURE_SUB_INDICATION[check.failure];
    if (check.failure === 'no-signer') findings.indeterminate(sub, check.reason);
    else findings.failed(sub, check.reason);
    return false;
  }
  result.integrity.status = 'intact';
  result.integrity.message = 'The signature covers the signed revision and nothing in it changed.';
  result.level = 'B-B';
  const signedEnd = scan.byteRange[2] + scan.byteRange[3];
  const after: AfterSignature =
    scan.appendedBytes === 0
      ? { kind: 'none', certsDer: [], crlsDer: [], ocspsDer: [], message: '' }
      : scanAfterSignature(bytes, signedEnd);
  checkAfterSignature(scan, after, parts);
  const bestTime = checkTimestamp(scan.cms, cms, after, parts);
  checkSigner(check, after, bestTime, parts);
  return true;
}

/** The signature time-stamp (B-T) and, with validation data after it, B-LT; returns the best
 * signature time (ETSI EN 319 102-1 5.5): a verified, trusted time-stamp's time, else now. */
function checkTimestamp(
  cmsDer: Buffer,
  cms: SignedCms,
  after: AfterSignature,
  { result, findings, options }: Parts,
): Date {
  const now = options.now ?? new Date();
  // Without the unsigned attribute there is no token to read: B-B (no second parse of the CMS).
  if (!cms.unsignedAttributeTypes.includes(SIGNATURE_TIME_STAMP_ATTRIBUTE)) return now;
  const stamp = checkSignatureTimestamp(
    cmsDer,
    cms.signature,
    options.trustAnchorsDer ?? [],
    after.certsDer,
  );
  result.timestamp = {
    status: stamp.status,
    time: stamp.time?.toISOString() ?? null,
    authority: stamp.authority,
    message: stamp.message,
  };
  if (stamp.status === 'failed') {
    findings.indeterminate('GENERIC', stamp.message);
    return now;
  }
  if (stamp.status !== 'verified' || stamp.time === null) return now;
  result.level =
    after.kind === 'validation data only' && after.certsDer.length > 0 ? 'B-LT' : 'B-T';
  // An untrusted time-stamp authority proves nothing: the certificates are judged now.
  return stamp.trusted ? stamp.time : now;
}

/** Exactly one signature over the whole file (ETSI EN 319 142-1 5.4: later revisions may only
 * add validation data, a DSS or a document time-stamp). */
function checkAfterSignature(
  scan: Extract<SignatureScan, { kind: 'one' }>,
  after: AfterSignature,
  { result, findings }: Parts,
): void {
  if (after.kind === 'none' && scan.laterSignatures === 0) {
    result.modifiedAfterSigning = { status: 'no', appendedBytes: 0 };
    result.integrity.message = 'The signature covers the whole file and nothing in it changed.';
    return;
  }
  if (after.kind === 'validation data only') {
    result.modifiedAfterSigning = {
      status: 'validation data only',
      appendedBytes: scan.appendedBytes,
    };
    result.integrity.message =
      'The signature covers the whole file but the validation data added after it (PAdES B-LT), and nothing in it changed.';
    return;
  }
  result.modifiedAfterSigning = { status: 'yes', appendedBytes: scan.appendedBytes };
  result.integrity.message = 'The signature is intact, but it does not cover the whole file.';
  findings.failed(
    'FORMAT_FAILURE',
    `${String(scan.appendedBytes)} bytes were added after the signature that are not validation data${after.message === '' ? '' : ` (${after.message})`}; a KP certificate is signed as a whole.`,
  );
}

function checkSigner(
  check: Extract<ReturnType<typeof checkSignature>, { ok: true }>,
  after: AfterSignature,
  bestTime: Date,
  { result, findings, options }: Parts,
): void {
  const { signer, signerDer } = check;
  const usage = signerKeyUsage(signerDer);
  result.signer.keyUsageFit = usage.fit ? 'yes' : 'no';
  if (!usage.fit) findings.indeterminate('SIG_CONSTRAINTS_FAILURE', usage.reason);
  const anchors = anchorsOf(options);
  const dssCertificates = anchorsOf({ trustAnchorsDer: after.certsDer });
  const chain = [...check.chain, ...dssCertificates];
  const trust = checkTrust(signer, chain, anchors, bestTime);
  result.chain = { status: trust.status, message: trust.reason, anchor: trust.anchor };
  const unverifiable = unverifiableCertificates(check.chain, [...anchors, ...dssCertificates]);
  if (unverifiable.length > 0)
    findings.failed(
      'FORMAT_FAILURE',
      `The signature carries ${String(unverifiable.length)} certificate(s) that no issuer in it vouches for (damaged or added).`,
    );
  if (trust.problem === 'no-chain')
    findings.indeterminate('NO_CERTIFICATE_CHAIN_FOUND', trust.reason);
  if (trust.problem === 'out-of-bounds')
    findings.indeterminate('OUT_OF_BOUNDS_NO_POE', trust.reason);
  if (trust.problem === 'not-yet-valid') findings.failed('NOT_YET_VALID', trust.reason);
  if (trust.problem === 'chain-constraints')
    findings.indeterminate('CHAIN_CONSTRAINTS_FAILURE', trust.reason);
  const issuer = [...chain, ...anchors].find(
    (candidate) => candidate.subject === signer.issuer && signer.checkIssued(candidate),
  );
  result.revocation = revocationStatus({
    signer,
    signerDer,
    signerIsAnchor: anchors.some((anchor) => anchor.fingerprint256 === signer.fingerprint256),
    issuer,
    crlsDer: after.crlsDer,
    bestTime,
  });
  if (result.revocation.status === 'not established')
    findings.indeterminate('TRY_LATER', result.revocation.message);
  if (result.revocation.status === 'revoked') findings.failed('REVOKED', result.revocation.message);
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
  const parts: Parts = { result: emptyResult(), findings: new OutcomeFindings(), options };
  const { result, findings } = parts;
  const damage = checkRevisionEnd(bytes, bytes.length);
  if (damage !== null) {
    result.structure = { status: 'damaged', message: damage };
    findings.failed('FORMAT_FAILURE', damage);
  }
  const scan = scanSignature(bytes, options.knownPrefix);
  checkSignaturePart(bytes, scan, parts);
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
  checkSealPart(bytes, spans, scan.kind === 'one' ? scan.byteRange : null, parts);
  if (performance.now() - started > limit)
    return rejected('time limit', 'Verification took too long and was stopped.');
  applyOutcome(result, findings);
  return result;
}

/** Verifies a certificate PDF; always returns a result, whatever the bytes. */
export function verifyPdf(input: Uint8Array, options: VerifyPdfOptions = {}): VerificationResult {
  try {
    return verifyBytes(Buffer.isBuffer(input) ? input : Buffer.from(input), options);
  } catch {
    // Defence in depth: every step above reports its own failures; this is for the unforeseen.
    const result = emptyResult();
    result.structure = { status: 'damaged', message: 'The file could not be read.' };
    const findings = new OutcomeFindings();
    findings.failed('FORMAT_FAILURE', 'The file could not be read.');
    applyOutcome(result, findings);
    return result;
  }
}
