// Takes apart the CMS SignedData of a PDF signature (RFC 5652 §5) far enough to verify it: the
// certificates, and the one SignerInfo's identifier, digest algorithm, signed attributes and
// signature. Any departure from that shape is reported as a reason, never thrown.
import forge from 'node-forge';
import type { Asn1 } from '../signing/der';
import { bytesOf, childrenOf, fromDer, isContextTag, oidOf, toDer } from '../signing/der';
import { OID } from '../signing/oids';

export type SignedCms = {
  certificatesDer: Buffer[];
  /** DER of the SignerInfo's issuer Name and serial number (IssuerAndSerialNumber). */
  sidIssuerDer: Buffer;
  sidSerialDer: Buffer;
  digestAlgorithm: string | null;
  /** DER of the signed attributes as the SET OF that the signature covers. */
  signedAttributesDer: Buffer;
  contentType: string | null;
  messageDigest: Buffer | null;
  /** certHash of the first ESSCertIDv2 of signing-certificate-v2 (SHA-256), if present. */
  signingCertificateHash: Buffer | null;
  signatureAlgorithm: string | null;
  signature: Buffer;
};

function attributeValues(attributes: Asn1[]): Map<string, Asn1[]> {
  const map = new Map<string, Asn1[]>();
  for (const attribute of attributes) {
    const [type, values] = childrenOf(attribute);
    const id = oidOf(type);
    // A signed attribute type may appear only once (RFC 5652 §5.3).
    if (id === null || map.has(id)) throw new Error('Duplicate or unreadable signed attribute.');
    map.set(id, childrenOf(values));
  }
  return map;
}

function essCertHash(values: Asn1[] | undefined): Buffer | null {
  const [signingCertificate] = values ?? [];
  const [certs] = childrenOf(signingCertificate);
  const [first] = childrenOf(certs);
  const parts = childrenOf(first);
  // hashAlgorithm is omitted for the default SHA-256; we accept only that default.
  return parts[0]?.type === forge.asn1.Type.OCTETSTRING ? bytesOf(parts[0]) : null;
}

export function readCms(der: Buffer): SignedCms | string {
  let root: Asn1;
  try {
    root = fromDer(der);
  } catch {
    return 'The signature is not valid DER.';
  }
  const [type, wrapped] = childrenOf(root);
  if (oidOf(type) !== OID.signedData) return 'The signature is not a CMS SignedData.';
  const [signedData] = childrenOf(wrapped);
  const parts = childrenOf(signedData);
  const certificateSet = parts.find((part) => isContextTag(part, 0));
  const signerInfos = parts.at(-1);
  const infos = childrenOf(signerInfos);
  if (infos.length !== 1) return 'The signature must have exactly one signer.';
  const fields = childrenOf(infos[0]);
  const [, sid, digestAlgorithm, attributes, signatureAlgorithm, signature] = fields;
  if (attributes === undefined || !isContextTag(attributes, 0))
    return 'The signature has no signed attributes.';
  const [sidIssuer, sidSerial] = childrenOf(sid);
  const signatureBytes = bytesOf(signature);
  if (sidIssuer === undefined || sidSerial === undefined || signatureBytes === null)
    return 'The signer information is incomplete.';
  try {
    const values = attributeValues(childrenOf(attributes));
    const asSet = forge.asn1.create(
      forge.asn1.Class.UNIVERSAL,
      forge.asn1.Type.SET,
      true,
      childrenOf(attributes),
    );
    return {
      certificatesDer: childrenOf(certificateSet).map(toDer),
      sidIssuerDer: toDer(sidIssuer),
      sidSerialDer: toDer(sidSerial),
      digestAlgorithm: oidOf(childrenOf(digestAlgorithm)[0]),
      signedAttributesDer: toDer(asSet),
      contentType: oidOf(values.get(OID.contentType)?.[0]),
      messageDigest: bytesOf(values.get(OID.messageDigest)?.[0]),
      signingCertificateHash: essCertHash(values.get(OID.signingCertificateV2)),
      signatureAlgorithm: oidOf(childrenOf(signatureAlgorithm)[0]),
      signature: signatureBytes,
    };
  } catch {
    return 'The signed attributes are not readable.';
  }
}
