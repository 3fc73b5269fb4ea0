// The CMS SignedData of a PAdES baseline B-B signature (ETSI EN 319 142-1 §6.3, EN 319 122-1
// §5.2): detached over the PDF's byte ranges, SHA-256, signed attributes content-type,
// message-digest and signing-certificate-v2 (RFC 5035), and deliberately no signing-time: with
// SubFilter ETSI.CAdES.detached the signing time is the signature dictionary's /M entry.
// forge.pkcs7 cannot add signing-certificate-v2, so the DER is assembled here (der-encode.ts),
// and the private key operation is Node's crypto.sign (about 1 ms against forge's ~87 ms for
// RSA-2048). The parts taken from the certificates are encoded once per identity.
import type { KeyObject } from 'node:crypto';
import { sign } from 'node:crypto';
import { certificateFields } from './certificate-fields';
import { toDer } from './der';
import {
  derContext,
  derNull,
  derOctets,
  derOid,
  derSequence,
  derSetOf,
  derSmallInteger,
  tlv,
} from './der-encode';
import { OID } from './oids';

/** The signer's certificate as CMS refers to it, DER-encoded. */
export type SignerCertificate = {
  der: Buffer;
  /** IssuerAndSerialNumber (RFC 5652 §10.2.4), copied byte for byte from the certificate. */
  issuerDer: Buffer;
  serialNumberDer: Buffer;
  sha256: Buffer;
};

export type CmsSigner = {
  privateKey: KeyObject;
  /** The signer's certificate first, then its issuers (DER). */
  chainDer: readonly Buffer[];
  leaf: SignerCertificate;
};

export function signerCertificate(der: Buffer): SignerCertificate {
  const fields = certificateFields(der);
  return {
    der,
    issuerDer: toDer(fields.issuer),
    serialNumberDer: toDer(fields.serialNumber),
    sha256: fields.sha256,
  };
}

const SHA256_ALGORITHM = derSequence(derOid(OID.sha256));
const DATA_OID = derOid(OID.data);
const CONTENT_TYPE_ATTRIBUTE = derSequence(derOid(OID.contentType), tlv(0x31, DATA_OID));
const MESSAGE_DIGEST = derOid(OID.messageDigest);
const SIGNING_CERTIFICATE_V2 = derOid(OID.signingCertificateV2);
const SIGNED_DATA = derOid(OID.signedData);
const ECDSA_SHA256 = derSequence(derOid(OID.ecdsaWithSha256));
const RSA = derSequence(derOid(OID.rsaEncryption), derNull());

/** ESSCertIDv2 with the default hash (SHA-256, so hashAlgorithm is omitted) and issuerSerial. */
function signingCertificateV2(leaf: SignerCertificate): Buffer {
  const generalNames = derSequence(derContext(4, leaf.issuerDer)); // directoryName [4]
  const issuerSerial = derSequence(generalNames, leaf.serialNumberDer);
  const value = derSequence(derSequence(derSequence(derOctets(leaf.sha256), issuerSerial)));
  return derSequence(SIGNING_CERTIFICATE_V2, tlv(0x31, value));
}

/** DER ContentInfo(SignedData) over content whose SHA-256 is `contentDigest`. */
export function buildSignedData(contentDigest: Buffer, signer: CmsSigner): Buffer {
  const { leaf } = signer;
  const attributes = [
    CONTENT_TYPE_ATTRIBUTE,
    derSequence(MESSAGE_DIGEST, tlv(0x31, derOctets(contentDigest))),
    signingCertificateV2(leaf),
  ];
  // The signature covers the DER of the attributes as a SET OF (RFC 5652 §5.4), sorted as DER;
  // the SignerInfo carries the same elements under [0] IMPLICIT.
  const attributesSet = derSetOf(attributes);
  const signature = sign('sha256', attributesSet, signer.privateKey);
  const signedAttributes = Buffer.from(attributesSet);
  signedAttributes[0] = 0xa0;
  const signerInfo = derSequence(
    derSmallInteger(1),
    derSequence(leaf.issuerDer, leaf.serialNumberDer),
    SHA256_ALGORITHM,
    signedAttributes,
    signer.privateKey.asymmetricKeyType === 'ec' ? ECDSA_SHA256 : RSA,
    derOctets(signature),
    // An RFC 3161 signature-time-stamp would go here later as unsignedAttrs [1] (PAdES B-T).
  );
  const signedData = derSequence(
    derSmallInteger(1),
    tlv(0x31, SHA256_ALGORITHM),
    derSequence(DATA_OID), // detached: no eContent
    derContext(0, ...signer.chainDer),
    tlv(0x31, signerInfo),
  );
  return derSequence(SIGNED_DATA, derContext(0, signedData));
}
