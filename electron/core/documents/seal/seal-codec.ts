// The seal text: KPS1.<base64url(canonical JSON payload)>.<base64url(ECDSA P-256 signature)>.
// The signature (IEEE P1363 r||s, 64 bytes) covers the ASCII bytes of "KPS1.<payload part>", as
// in JWS, so a verifier checks it before decoding anything. docs/seal.md is the specification.
import type { KeyObject } from 'node:crypto';
import { sign, verify } from 'node:crypto';
import type { Certificate } from '../../../../shared/domain/certificate';
import { canonicalJson } from './canonical-json';
import type { SealedDocumentKind, SealPayload } from './seal-payload';
import { SealPayloadSchema, sealPayloadOf } from './seal-payload';

export const SEAL_PREFIX = 'KPS1';
/** Far above any real seal (at most ~700 characters); anything longer is refused unread. */
export const SEAL_MAX_LENGTH = 4096;

const SEAL_PATTERN = /^KPS1\.([A-Za-z0-9_-]{1,4000})\.([A-Za-z0-9_-]{86})$/;

export type SealVerification =
  | { status: 'valid'; payload: SealPayload }
  | { status: 'invalid'; reason: string }
  | { status: 'malformed'; reason: string };

export function encodeSeal(payload: SealPayload, privateKey: KeyObject): string {
  const body = `${SEAL_PREFIX}.${Buffer.from(canonicalJson(payload), 'utf8').toString('base64url')}`;
  const signature = sign('sha256', Buffer.from(body, 'ascii'), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${body}.${signature.toString('base64url')}`;
}

/** The seal of the issued certificate, or (kind 'void') of its VOID copy. */
export function signSeal(
  certificate: Certificate,
  privateKey: KeyObject,
  kind: SealedDocumentKind = 'issued',
): string {
  return encodeSeal(sealPayloadOf(certificate, kind), privateKey);
}

export function verifySeal(seal: string, publicKey: KeyObject): SealVerification {
  if (seal.length > SEAL_MAX_LENGTH)
    return { status: 'malformed', reason: 'The seal is too long.' };
  const match = SEAL_PATTERN.exec(seal);
  if (match === null) return { status: 'malformed', reason: 'This is not a KP Desk seal (KPS1).' };
  const [, payloadPart = '', signaturePart = ''] = match;
  const body = `${SEAL_PREFIX}.${payloadPart}`;
  const signature = Buffer.from(signaturePart, 'base64url');
  const genuine = verify(
    'sha256',
    Buffer.from(body, 'ascii'),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    signature,
  );
  if (!genuine)
    return {
      status: 'invalid',
      reason: 'The seal’s signature does not verify with the issuer’s seal key.',
    };
  const json = Buffer.from(payloadPart, 'base64url').toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { status: 'malformed', reason: 'The seal’s payload is not JSON.' };
  }
  const payload = SealPayloadSchema.safeParse(parsed);
  // A signed but non-canonical payload is not one we wrote: refuse rather than guess.
  if (!payload.success || canonicalJson(payload.data) !== json)
    return { status: 'malformed', reason: 'The seal’s payload is not in the KPS1 format.' };
  return { status: 'valid', payload: payload.data };
}
