// Takes apart the CMS SignedData of a PDF signature (RFC 5652 §5) far enough to verify it: the
// certificates, and the one SignerInfo's identifier, digest algorithm, signed attributes and
// signature. Any departure from that shape is reported as a reason, never thrown. The parts no
// signature covers (versions, the digest algorithm list, the content type, the algorithm
// identifiers) must be exactly what the PAdES baseline profile KP Desk signs with has, so that
// no second file with other bytes there verifies too (ETSI EN 319 122-1 5.1, RFC 5652 5.1, 5.3).
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
  /** The types of every signed attribute, in the order found (checked against the profile). */
  signedAttributeTypes: string[];
  /** The types of the unsigned attributes ([1] after the signature), e.g. a time-stamp token. */
  unsignedAttributeTypes: string[];
};

/** Exact encodings of the parts the profile fixes (RFC 5652, RFC 5754, RFC 8017, RFC 5758). */
const VERSION_1 = Buffer.from('020101', 'hex');
const SHA256_ALGORITHM = Buffer.from('300b0609608648016503040201', 'hex');
const SHA256_ALGORITHM_SET = Buffer.from('310d300b0609608648016503040201', 'hex');
const DATA_CONTENT_INFO = Buffer.from('300b06092a864886f70d010701', 'hex');
const SIGNATURE_ALGORITHMS = [
  Buffer.from('300d06092a864886f70d0101010500', 'hex'), // rsaEncryption, NULL
  Buffer.from('300d06092a864886f70d01010b0500', 'hex'), // sha256WithRSAEncryption, NULL
  Buffer.from('300a06082a8648ce3d040302', 'hex'), // ecdsa-with-SHA256
];

function isDer(node: Asn1 | undefined, expected: Buffer): boolean {
  if (node === undefined) return false;
  try {
    return toDer(node).equals(expected);
  } catch {
    return false;
  }
}

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
  const [type, wrapped, ...rest] = childrenOf(root);
  if (oidOf(type) !== OID.signedData || rest.length > 0 || !isContextTag(wrapped, 0))
    return 'The signature is not a CMS SignedData.';
  const [signedData, ...more] = childrenOf(wrapped);
  const parts = childrenOf(signedData);
  const [version, digestAlgorithms, encapsulated, certificateSet, signerInfos] = parts;
  if (
    more.length > 0 ||
    parts.length !== 5 ||
    !isDer(version, VERSION_1) ||
    !isDer(digestAlgorithms, SHA256_ALGORITHM_SET) ||
    !isDer(encapsulated, DATA_CONTENT_INFO) ||
    !isContextTag(certificateSet, 0)
  )
    return 'The signature’s CMS structure is not the PAdES baseline one (version, digest algorithms, content type, certificates).';
  const infos = childrenOf(signerInfos);
  if (infos.length !== 1) return 'The signature must have exactly one signer.';
  const fields = childrenOf(infos[0]);
  const [infoVersion, sid, digestAlgorithm, attributes, signatureAlgorithm, signature, unsigned] =
    fields;
  if (fields.length > 7 || (unsigned !== undefined && !isContextTag(unsigned, 1)))
    return 'The signer information has fields a CMS SignerInfo does not have.';
  if (
    !isDer(infoVersion, VERSION_1) ||
    !isDer(digestAlgorithm, SHA256_ALGORITHM) ||
    !SIGNATURE_ALGORITHMS.some((encoding) => isDer(signatureAlgorithm, encoding))
  )
    return 'The signer information’s version or algorithm identifiers are not the PAdES baseline ones.';
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
      signedAttributeTypes: [...values.keys()],
      unsignedAttributeTypes: childrenOf(unsigned).map(
        (attribute) => oidOf(childrenOf(attribute)[0]) ?? 'unreadable',
      ),
    };
  } catch {
    return 'The signed attributes are not readable.';
  }
}
