// Builds the X.509 certificate and PKCS#10 request of a generated signing identity. forge can only
// sign these with its own (slow, RSA-only) keys, so we assemble the ASN.1 and let Node's crypto
// do the private-key operation; the same code then serves RSA-2048 and ECDSA P-256 keys.
import type { KeyObject } from 'node:crypto';
import { createHash, randomBytes, sign } from 'node:crypto';
import type { Asn1 } from './der';
import {
  bitString,
  boolean,
  explicit,
  fromDer,
  implicitConstructed,
  nullValue,
  octets,
  oid,
  printable,
  seq,
  set,
  smallInteger,
  time,
  toDer,
  unsignedInteger,
  utf8,
} from './der';
import { OID } from './oids';

export type SubjectName = { commonName: string; organization: string; country: string };

export function nameAsn1(subject: SubjectName): Asn1 {
  const rdn = (type: string, value: Asn1): Asn1 => set([seq([oid(type), value])]);
  return seq([
    rdn(OID.countryName, printable(subject.country)),
    rdn(OID.organizationName, utf8(subject.organization)),
    rdn(OID.commonName, utf8(subject.commonName)),
  ]);
}

/** The AlgorithmIdentifier of "SHA-256 with this key" (RFC 4055 keeps the NULL for RSA). */
export function signatureAlgorithm(key: KeyObject): Asn1 {
  return key.asymmetricKeyType === 'ec'
    ? seq([oid(OID.ecdsaWithSha256)])
    : seq([oid(OID.sha256WithRsa), nullValue()]);
}

function signed(body: Asn1, privateKey: KeyObject): Buffer {
  const value = sign('sha256', toDer(body), privateKey);
  return toDer(seq([body, signatureAlgorithm(privateKey), bitString(value)]));
}

function subjectPublicKeyInfo(publicKey: KeyObject): Asn1 {
  return fromDer(publicKey.export({ type: 'spki', format: 'der' }));
}

function extension(type: string, critical: boolean, value: Asn1): Asn1 {
  return seq([oid(type), ...(critical ? [boolean(true)] : []), octets(toDer(value))]);
}

export type SelfSignedOptions = {
  subject: SubjectName;
  privateKey: KeyObject;
  publicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
};

/**
 * The extended key usage of a generated certificate: document signing, as RFC 9336 defines it
 * (id-kp-documentSigning), and Microsoft's Document Signing purpose, which Adobe Acrobat and
 * Windows have recognised for years where RFC 9336 (2022) is still new. Not critical (RFC 5280
 * §4.2.1.12 lets the issuer choose): a reader that knows neither purpose then ignores the
 * extension instead of rejecting the certificate. Not emailProtection: RFC 9336 §1 exists so that
 * document signing no longer has to borrow the e-mail purpose.
 */
export const DOCUMENT_SIGNING_PURPOSES = [OID.documentSigning, OID.microsoftDocumentSigning];

/** Key usage and extended key usage of a document-signing certificate. */
function signingUsageExtensions(): Asn1[] {
  // digitalSignature (bit 0) and nonRepudiation/contentCommitment (bit 1): 6 unused bits, 0xC0.
  // Critical (RFC 5280 §4.2.1.3 SHOULD): the key signs documents and nothing else.
  const keyUsageBits = bitString(Buffer.from([0xc0]), 6);
  return [
    extension(OID.keyUsage, true, keyUsageBits),
    extension(
      OID.extendedKeyUsage,
      false,
      seq(DOCUMENT_SIGNING_PURPOSES.map((purpose) => oid(purpose))),
    ),
  ];
}

/** A self-signed end-entity certificate for document signing (RFC 5280). */
export function selfSignedCertificate(options: SelfSignedOptions): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f; // positive, at most 20 octets (RFC 5280 §4.1.2.2)
  const spkiDer = options.publicKey.export({ type: 'spki', format: 'der' });
  const keyId = createHash('sha1').update(spkiDer).digest();
  const tbs = seq([
    explicit(0, smallInteger(2)),
    unsignedInteger(serial),
    signatureAlgorithm(options.privateKey),
    nameAsn1(options.subject),
    seq([time(options.notBefore), time(options.notAfter)]),
    nameAsn1(options.subject),
    subjectPublicKeyInfo(options.publicKey),
    explicit(
      3,
      seq([
        extension(OID.basicConstraints, true, seq([])),
        ...signingUsageExtensions(),
        extension(OID.subjectKeyIdentifier, false, octets(keyId)),
      ]),
    ),
  ]);
  return signed(tbs, options.privateKey);
}

/**
 * A PKCS#10 certification request (RFC 2986) the licensee can send to a certification authority.
 * It asks for the same key usage and extended key usage as the self-signed certificate, in an
 * extensionRequest attribute (PKCS #9, RFC 2985 §5.4.2), which CAs may honour.
 */
export function certificationRequest(
  subject: SubjectName,
  privateKey: KeyObject,
  publicKey: KeyObject,
): Buffer {
  const info = seq([
    smallInteger(0),
    nameAsn1(subject),
    subjectPublicKeyInfo(publicKey),
    implicitConstructed(0, [
      seq([oid(OID.extensionRequest), set([seq(signingUsageExtensions())])]),
    ]),
  ]);
  return signed(info, privateKey);
}
