// The CMS SignedData of a PAdES baseline B-B signature (ETSI EN 319 142-1 §6.3, EN 319 122-1
// §5.2): detached over the PDF's byte ranges, SHA-256, signed attributes content-type,
// message-digest and signing-certificate-v2 (RFC 5035), and deliberately no signing-time: with
// SubFilter ETSI.CAdES.detached the signing time is the signature dictionary's /M entry.
// forge.pkcs7 cannot add signing-certificate-v2, so the ASN.1 is assembled here and the private
// key operation is Node's crypto.sign (about 1 ms against forge's ~87 ms for RSA-2048).
import type { KeyObject } from 'node:crypto';
import { sign } from 'node:crypto';
import type { CertificateFields } from './certificate-fields';
import type { Asn1 } from './der';
import {
  derSetOf,
  explicit,
  fromDer,
  implicitConstructed,
  nullValue,
  octets,
  oid,
  seq,
  set,
  smallInteger,
  toDer,
} from './der';
import { OID } from './oids';

export type CmsSigner = {
  privateKey: KeyObject;
  /** The signer's certificate first, then its issuers. */
  chain: CertificateFields[];
};

const sha256Algorithm = (): Asn1 => seq([oid(OID.sha256)]);

function attribute(type: string, value: Asn1): Asn1 {
  return seq([oid(type), set([value])]);
}

/** ESSCertIDv2 with the default hash (SHA-256, so hashAlgorithm is omitted) and issuerSerial. */
function signingCertificateV2(signer: CertificateFields): Asn1 {
  const generalNames = seq([explicit(4, signer.issuer)]); // directoryName [4]
  const issuerSerial = seq([generalNames, signer.serialNumber]);
  return seq([seq([seq([octets(signer.sha256), issuerSerial])])]);
}

function signedAttributes(contentDigest: Buffer, signer: CertificateFields): Asn1[] {
  return [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(contentDigest)),
    attribute(OID.signingCertificateV2, signingCertificateV2(signer)),
  ];
}

function signatureAlgorithm(key: KeyObject): Asn1 {
  return key.asymmetricKeyType === 'ec'
    ? seq([oid(OID.ecdsaWithSha256)])
    : seq([oid(OID.rsaEncryption), nullValue()]);
}

/** DER ContentInfo(SignedData) over content whose SHA-256 is `contentDigest`. */
export function buildSignedData(contentDigest: Buffer, signer: CmsSigner): Buffer {
  const [leaf] = signer.chain;
  if (leaf === undefined) throw new Error('A CMS signer needs a certificate.');
  // The signature covers the DER of the attributes as a SET OF (RFC 5652 §5.4), sorted as DER.
  const attributesSet = derSetOf(signedAttributes(contentDigest, leaf));
  const signature = sign('sha256', toDer(attributesSet), signer.privateKey);
  const signerInfo = seq([
    smallInteger(1),
    seq([leaf.issuer, leaf.serialNumber]),
    sha256Algorithm(),
    implicitConstructed(0, attributesSet.value as Asn1[]),
    signatureAlgorithm(signer.privateKey),
    octets(signature),
    // An RFC 3161 signature-time-stamp would go here later as unsignedAttrs [1] (PAdES B-T).
  ]);
  const signedData = seq([
    smallInteger(1),
    set([sha256Algorithm()]),
    seq([oid(OID.data)]), // detached: no eContent
    implicitConstructed(
      0,
      signer.chain.map((certificate) => fromDer(certificate.der)),
    ),
    set([signerInfo]),
  ]);
  return toDer(seq([oid(OID.signedData), explicit(0, signedData)]));
}
