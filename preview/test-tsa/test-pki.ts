// A throw-away PKI for development and tests (never shipped: preview/ is excluded from the
// packaged app): a test root CA that issues a time-stamping certificate (critical
// id-kp-timeStamping, RFC 3161 §2.3), short-lived document-signing certificates, and a CRL it
// publishes at an http:// distribution point. Certificates are assembled with the repository's
// ASN.1 builders and signed with Node's crypto; openssl checks what they produce in the tests.
import type { KeyObject } from 'node:crypto';
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { Asn1 } from '../../electron/core/documents/signing/der';
import {
  bitString,
  boolean,
  explicit,
  fromDer,
  octets,
  oid,
  seq,
  smallInteger,
  time,
  toDer,
  unsignedInteger,
} from '../../electron/core/documents/signing/der';
import type { SubjectName } from '../../electron/core/documents/signing/x509-builder';
import { nameAsn1, signatureAlgorithm } from '../../electron/core/documents/signing/x509-builder';
import { OID } from '../../electron/core/documents/signing/oids';
import type { SigningIdentity } from '../../electron/core/documents/signing/identity';

export type TestKey = { privateKey: KeyObject; publicKey: KeyObject };
export type IssuedCertificate = TestKey & { der: Buffer; subject: SubjectName };

const DAY_MS = 86_400_000;

export const newTestKey = (type: 'ec' | 'rsa' = 'ec'): TestKey =>
  type === 'ec'
    ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : generateKeyPairSync('rsa', { modulusLength: 2048 });

function extension(type: string, critical: boolean, value: Asn1): Asn1 {
  return seq([oid(type), ...(critical ? [boolean(true)] : []), octets(toDer(value))]);
}

const keyIdentifier = (key: KeyObject): Buffer =>
  createHash('sha1')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest();

export type IssueOptions = {
  subject: SubjectName;
  key: TestKey;
  /** The issuer; absent: self-signed. */
  issuer?: IssuedCertificate;
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
  /** Key usage bits in the first octet (0x80 digitalSignature, 0x40 nonRepudiation, 0x06 CA). */
  keyUsage: number;
  extendedKeyUsage?: { purposes: string[]; critical: boolean };
  crlUrl?: string;
};

const CDP = (url: string): Asn1 =>
  // DistributionPoints { DistributionPoint { distributionPoint [0] { fullName [0] { uniformResourceIdentifier [6] } } }
  fromDer(
    Buffer.concat([
      Buffer.from([0x30, url.length + 8, 0x30, url.length + 6, 0xa0, url.length + 4]),
      Buffer.from([0xa0, url.length + 2, 0x86, url.length]),
      Buffer.from(url, 'latin1'),
    ]),
  );

export function issueCertificate(options: IssueOptions): IssuedCertificate {
  const serial = randomBytes(12);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  const signer = options.issuer ?? { ...options.key, subject: options.subject };
  // Unused bits of the BIT STRING: the trailing zero bits of the one octet (X.690 §11.2.2).
  const unused = 31 - Math.clz32(options.keyUsage & -options.keyUsage);
  const extensions = [
    extension(OID.basicConstraints, true, seq(options.ca === true ? [boolean(true)] : [])),
    extension(OID.keyUsage, true, bitString(Buffer.from([options.keyUsage]), unused)),
    extension(OID.subjectKeyIdentifier, false, octets(keyIdentifier(options.key.publicKey))),
    ...(options.extendedKeyUsage === undefined
      ? []
      : [
          extension(
            OID.extKeyUsage,
            options.extendedKeyUsage.critical,
            seq(options.extendedKeyUsage.purposes.map(oid)),
          ),
        ]),
    ...(options.crlUrl === undefined
      ? []
      : [extension(OID.crlDistributionPoints, false, CDP(options.crlUrl))]),
  ];
  const tbs = seq([
    explicit(0, smallInteger(2)),
    unsignedInteger(serial),
    signatureAlgorithm(signer.privateKey),
    nameAsn1(signer.subject),
    seq([time(options.notBefore), time(options.notAfter)]),
    nameAsn1(options.subject),
    fromDer(options.key.publicKey.export({ type: 'spki', format: 'der' })),
    explicit(3, seq(extensions)),
  ]);
  const value = sign('sha256', toDer(tbs), signer.privateKey);
  const der = toDer(seq([tbs, signatureAlgorithm(signer.privateKey), bitString(value)]));
  return { ...options.key, der, subject: options.subject };
}

export function testRootCa(now: Date, name = 'KP Desk Test Root CA'): IssuedCertificate {
  return issueCertificate({
    subject: { commonName: name, organization: 'KP Desk test PKI', country: 'US' },
    key: newTestKey('ec'),
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + 30 * 365 * DAY_MS),
    ca: true,
    keyUsage: 0x06, // keyCertSign, cRLSign
  });
}

/** A TSA certificate: digitalSignature, and id-kp-timeStamping as the only, critical EKU. */
export function testTsaCertificate(
  ca: IssuedCertificate,
  now: Date,
  crlUrl?: string,
  /** false only to test that clients refuse it (RFC 3161 §2.3 requires critical). */
  critical = true,
): IssuedCertificate {
  return issueCertificate({
    subject: { commonName: 'KP Desk Test TSA', organization: 'KP Desk test PKI', country: 'US' },
    key: newTestKey('ec'),
    issuer: ca,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + 20 * 365 * DAY_MS),
    keyUsage: 0x80,
    extendedKeyUsage: { purposes: [OID.timeStamping], critical },
    ...(crlUrl === undefined ? {} : { crlUrl }),
  });
}

export type ShortLivedSignerOptions = {
  ca: IssuedCertificate;
  notBefore: Date;
  notAfter: Date;
  keyType?: 'ec' | 'rsa';
  crlUrl?: string;
  commonName?: string;
};

/** A document-signing identity the test CA issued (chain: leaf, CA), e.g. valid for one day. */
export function testSigningIdentity(options: ShortLivedSignerOptions): SigningIdentity {
  const leaf = issueCertificate({
    subject: {
      commonName: options.commonName ?? 'Test Signatory',
      organization: 'Test Diamond Exports LLC',
      country: 'US',
    },
    key: newTestKey(options.keyType ?? 'ec'),
    issuer: options.ca,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    keyUsage: 0xc0, // digitalSignature, nonRepudiation
    ...(options.crlUrl === undefined ? {} : { crlUrl: options.crlUrl }),
  });
  return {
    privateKeyPkcs8Der: leaf.privateKey.export({ type: 'pkcs8', format: 'der' }),
    certificateChainDer: [leaf.der, options.ca.der],
  };
}

/** An empty CRL (nothing revoked) of the CA, valid from `now` for `days` (RFC 5280 §5.1). */
export function testCrl(ca: IssuedCertificate, now: Date, number: number, days = 7): Buffer {
  const crlNumber = seq([oid('2.5.29.20'), octets(toDer(smallInteger(number)))]);
  const tbs = seq([
    smallInteger(1), // v2
    signatureAlgorithm(ca.privateKey),
    nameAsn1(ca.subject),
    time(now),
    time(new Date(now.getTime() + days * DAY_MS)),
    explicit(0, seq([crlNumber])),
  ]);
  const value = sign('sha256', toDer(tbs), ca.privateKey);
  return toDer(seq([tbs, signatureAlgorithm(ca.privateKey), bitString(value)]));
}
