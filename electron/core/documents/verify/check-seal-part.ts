// The seal's part of the verifier (verify-pdf.ts): is the seal genuine, does it name this
// document, is every field on the page what was sealed, and what does the issuer's vault say.
import { KeyObject } from 'node:crypto';
import { verifySeal } from '../seal/seal-codec';
import { sealPublicKey } from '../seal/seal-key';
import type { SealPayload } from '../seal/seal-payload';
import { compareSealWithRecord } from '../seal/seal-payload';
import { scanSealText, scanSubject } from './scan-pdf';
import { NOT_ESTABLISHED } from './verification-result';
import type { Parts } from './verify-options';

export function checkSealPart(
  bytes: Buffer,
  spans: [number, number][],
  byteRange: readonly [number, number, number, number] | null,
  parts: Parts,
): void {
  const { result, findings, options } = parts;
  const found = scanSealText(bytes, spans, options.knownPrefix);
  if (found.kind !== 'one') {
    const message =
      found.kind === 'none'
        ? 'The document carries no KP Desk seal in its signed part.'
        : 'The document carries more than one seal.';
    result.seal = { ...result.seal, status: found.kind === 'none' ? 'absent' : 'failed', message };
    findings.failed('FORMAT_FAILURE', message);
    return;
  }
  result.seal.seal = found.seal;
  if (options.sealPublicKey === undefined) {
    result.seal.message = 'No seal public key was given, so the seal could not be checked.';
    findings.indeterminate('GENERIC', result.seal.message);
    return;
  }
  let key: KeyObject;
  try {
    const configured = options.sealPublicKey;
    key = configured instanceof KeyObject ? configured : sealPublicKey(configured);
  } catch {
    result.seal.message = 'The seal public key given is not an ECDSA P-256 key.';
    findings.indeterminate('GENERIC', result.seal.message);
    return;
  }
  const current = verifySeal(found.seal, key);
  const earlier = current.status === 'valid' ? undefined : verifyWithEarlierKey(found.seal, parts);
  const verdict = earlier ?? current;
  if (verdict.status !== 'valid') {
    result.seal = { ...result.seal, status: 'failed', message: verdict.reason };
    findings.failed('SIG_CRYPTO_FAILURE', `The seal does not verify: ${verdict.reason}`);
    return;
  }
  const subject = scanSubject(bytes, spans, options.knownPrefix);
  const matches = subject === null ? NOT_ESTABLISHED : subject === verdict.payload.n ? 'yes' : 'no';
  result.seal = {
    ...result.seal,
    status: 'verified',
    payload: verdict.payload,
    message:
      earlier === undefined
        ? 'The seal was signed with the issuer’s seal key.'
        : 'The seal was signed with an earlier seal key of the issuer, replaced since.',
    matchesDocument: matches,
  };
  if (matches !== 'yes')
    findings.failed(
      'HASH_FAILURE',
      `The seal names certificate ${verdict.payload.n}, but the document says it is ${subject ?? 'no certificate'}.`,
    );
  checkPagePart(bytes, byteRange, verdict.payload, parts);
  checkVaultPart(verdict.payload, parts);
}

/**
 * The verdict of the first retired seal key of the issuer that verifies the seal, if any: keys
 * replaced because nobody could open them any more still vouch for what they sealed before.
 */
function verifyWithEarlierKey(
  seal: string,
  { options }: Parts,
): ReturnType<typeof verifySeal> | undefined {
  for (const configured of options.earlierSealPublicKeys ?? []) {
    let key: KeyObject;
    try {
      key = configured instanceof KeyObject ? configured : sealPublicKey(configured);
    } catch {
      continue; // a stored key that is not P-256 vouches for nothing
    }
    const verdict = verifySeal(seal, key);
    if (verdict.status === 'valid') return verdict;
  }
  return undefined;
}

/** Every visible field on the page is what the licensee sealed (check-page-binding.ts). */
function checkPagePart(
  bytes: Buffer,
  byteRange: readonly [number, number, number, number] | null,
  payload: SealPayload,
  { result, findings, options }: Parts,
): void {
  result.documentKind =
    payload.v === 2 ? (payload.k === 'void' ? 'void' : 'issued') : NOT_ESTABLISHED;
  if (byteRange === null) {
    result.pageBinding = {
      status: NOT_ESTABLISHED,
      message: 'The document is not signed, so its page cannot be compared with the seal.',
    };
    return;
  }
  if (options.pageBinding === undefined) {
    result.pageBinding = {
      status: NOT_ESTABLISHED,
      message: 'This verifier could not write the page again (no certificate fonts).',
    };
    findings.indeterminate('GENERIC', result.pageBinding.message);
    return;
  }
  const page = options.pageBinding(bytes, byteRange, payload);
  result.pageBinding = { status: page.status, message: page.message };
  if (page.documentKind !== NOT_ESTABLISHED) result.documentKind = page.documentKind;
  if (page.status === 'differs') findings.failed('HASH_FAILURE', page.message);
  if (page.status === NOT_ESTABLISHED) findings.indeterminate('GENERIC', page.message);
}

function checkVaultPart(payload: SealPayload, { result, findings, options }: Parts): void {
  const vault = options.vault ?? options.vaultFor?.(payload);
  if (vault === undefined) return;
  if (vault.record === null) {
    result.record = {
      status: 'mismatch',
      message: `The vault has no record of certificate ${payload.n}.`,
      mismatches: [],
    };
    findings.failed('HASH_FAILURE', result.record.message);
    return;
  }
  const mismatches = compareSealWithRecord(payload, vault.record);
  result.record = {
    status: mismatches.length === 0 ? 'match' : 'mismatch',
    mismatches,
    message:
      mismatches.length === 0
        ? 'The sealed data and its digest match the vault’s record.'
        : `The seal differs from the vault’s record in: ${mismatches.map((m) => m.field).join(', ')}.`,
  };
  if (mismatches.length > 0) findings.failed('HASH_FAILURE', result.record.message);
  result.voidStatus =
    vault.voided === null
      ? { status: 'not voided', message: 'The issuer’s vault shows the certificate not voided.' }
      : { status: 'voided', message: vault.voided.message };
}
