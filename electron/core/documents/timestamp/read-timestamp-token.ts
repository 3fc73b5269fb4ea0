// Takes apart an RFC 3161 time-stamp response and token far enough to verify them: the
// TimeStampResp status (§2.4.2), the token's CMS SignedData (RFC 5652 §5) with its one SignerInfo,
// and the TSTInfo it signs (imprint, serial, genTime, nonce). Every departure from that shape is
// returned as a reason in plain words, never thrown: the input may come from anyone.
import type { Asn1 } from '../signing/der';
import {
  bytesOf,
  childrenOf,
  fromDer,
  isContextTag,
  isUniversal,
  oidOf,
  set,
  toDer,
} from '../signing/der';
import { OID } from '../signing/oids';

/** ESSCertID (RFC 2634, SHA-1) or ESSCertIDv2 (RFC 5035) of the signing-certificate attribute. */
export type EssCertHash = { algorithm: string; hash: Buffer };

export type TstInfo = {
  policy: string | null;
  imprintAlgorithm: string | null;
  imprint: Buffer;
  /** DER of the INTEGER serialNumber. */
  serialDer: Buffer;
  genTime: Date;
  /** The nonce INTEGER's content octets, when present. */
  nonce: Buffer | null;
};

export type TimestampToken = {
  der: Buffer;
  certificatesDer: Buffer[];
  sidIssuerDer: Buffer | null;
  sidSerialDer: Buffer | null;
  sidKeyIdentifier: Buffer | null;
  digestAlgorithm: string | null;
  signedAttributesDer: Buffer;
  contentType: string | null;
  messageDigest: Buffer | null;
  essCertHash: EssCertHash | null;
  signatureAlgorithm: string | null;
  signature: Buffer;
  /** The encapsulated TSTInfo as signed (the message digest covers these bytes). */
  tstInfoDer: Buffer;
  tstInfo: TstInfo;
};

/** X.680 GeneralizedTime as RFC 3161 §2.4.2 restricts it: UTC, "Z", optional fraction. */
export function parseGeneralizedTime(text: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,9}))?Z$/.exec(text);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, fraction = '0'] = match;
  const ms = Math.round(Number(`0.${fraction}`) * 1000);
  const date = new Date(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms),
  );
  return Number.isNaN(date.getTime()) ? null : date;
}

function essCertHash(attributes: Map<string, Asn1[]>): EssCertHash | null {
  const v2 = attributes.get(OID.signingCertificateV2)?.[0];
  const v1 = attributes.get(OID.signingCertificate)?.[0];
  const [certs] = childrenOf(v2 ?? v1);
  const parts = childrenOf(childrenOf(certs)[0]);
  if (v2 !== undefined) {
    // hashAlgorithm DEFAULT id-sha256 (RFC 5035 §4): present only when it is another one.
    const [first, second] = parts;
    if (isUniversal(first, 4))
      return { algorithm: OID.sha256, hash: bytesOf(first) ?? Buffer.alloc(0) };
    const algorithm = oidOf(childrenOf(first)[0]);
    const hash = bytesOf(second);
    return algorithm === null || hash === null ? null : { algorithm, hash };
  }
  const hash = bytesOf(parts[0]);
  return v1 !== undefined && hash !== null ? { algorithm: OID.sha1, hash } : null;
}

function attributeMap(attributes: Asn1[]): Map<string, Asn1[]> {
  const map = new Map<string, Asn1[]>();
  for (const attribute of attributes) {
    const [type, values] = childrenOf(attribute);
    const id = oidOf(type);
    if (id === null || map.has(id)) throw new Error('duplicate attribute');
    map.set(id, childrenOf(values));
  }
  return map;
}

function readTstInfo(der: Buffer): TstInfo | string {
  let root: Asn1;
  try {
    root = fromDer(der);
  } catch {
    return 'The time-stamp’s content (TSTInfo) is not valid DER.';
  }
  const [version, policy, imprint, serial, genTime, ...rest] = childrenOf(root);
  const [imprintAlgorithm, hashed] = childrenOf(imprint);
  const imprintBytes = bytesOf(hashed);
  const time = parseGeneralizedTime(typeof genTime?.value === 'string' ? genTime.value : '');
  if (bytesOf(version)?.toString('hex') !== '01' || imprintBytes === null || serial === undefined)
    return 'The time-stamp’s content (TSTInfo) is incomplete.';
  if (!isUniversal(genTime, 24) || time === null)
    return 'The time-stamp’s time (genTime) is not a UTC GeneralizedTime.';
  // accuracy (SEQUENCE), ordering (BOOLEAN) and nonce (INTEGER) are optional, in this order.
  const nonce = rest.find((node) => isUniversal(node, 2));
  return {
    policy: oidOf(policy),
    imprintAlgorithm: oidOf(childrenOf(imprintAlgorithm)[0]),
    imprint: imprintBytes,
    serialDer: toDer(serial),
    genTime: time,
    nonce: nonce === undefined ? null : bytesOf(nonce),
  };
}

/** A TimeStampToken: ContentInfo(SignedData) over a TSTInfo (RFC 3161 §2.4.2). */
export function readTimestampToken(der: Buffer): TimestampToken | string {
  let root: Asn1;
  try {
    root = fromDer(der);
  } catch {
    return 'The time-stamp token is not valid DER.';
  }
  const [type, wrapped] = childrenOf(root);
  if (oidOf(type) !== OID.signedData || !isContextTag(wrapped, 0))
    return 'The time-stamp token is not a CMS SignedData.';
  const parts = childrenOf(childrenOf(wrapped)[0]);
  const [, , encapsulated] = parts;
  const [eContentType, eContent] = childrenOf(encapsulated);
  if (oidOf(eContentType) !== OID.tstInfo) return 'The time-stamp token does not hold a TSTInfo.';
  const tstInfoDer = isContextTag(eContent, 0) ? bytesOf(childrenOf(eContent)[0]) : null;
  if (tstInfoDer === null) return 'The time-stamp token has no TSTInfo content.';
  const certificateSet = parts.find((part) => isContextTag(part, 0));
  const infos = childrenOf(parts.at(-1));
  if (infos.length !== 1) return 'The time-stamp token must have exactly one signer.';
  const [, sid, digestAlgorithm, attributes, signatureAlgorithm, signature] = childrenOf(infos[0]);
  if (attributes === undefined || !isContextTag(attributes, 0))
    return 'The time-stamp token has no signed attributes.';
  const signatureBytes = bytesOf(signature);
  if (sid === undefined || signatureBytes === null)
    return 'The time-stamp token’s signer information is incomplete.';
  const tstInfo = readTstInfo(tstInfoDer);
  if (typeof tstInfo === 'string') return tstInfo;
  // The signer is named by issuer and serial (SEQUENCE) or by subjectKeyIdentifier ([0]).
  const [sidIssuer, sidSerial] = isContextTag(sid, 0) ? [] : childrenOf(sid);
  try {
    const values = attributeMap(childrenOf(attributes));
    return {
      der,
      certificatesDer: childrenOf(certificateSet)
        .filter((node) => isUniversal(node, 16))
        .map(toDer),
      sidIssuerDer: sidIssuer === undefined ? null : toDer(sidIssuer),
      sidSerialDer: sidSerial === undefined ? null : toDer(sidSerial),
      sidKeyIdentifier: isContextTag(sid, 0) ? bytesOf(sid) : null,
      digestAlgorithm: oidOf(childrenOf(digestAlgorithm)[0]),
      // The signature covers the attributes as a DER SET OF (RFC 5652 §5.4).
      signedAttributesDer: toDer(set(childrenOf(attributes))),
      contentType: oidOf(values.get(OID.contentType)?.[0]),
      messageDigest: bytesOf(values.get(OID.messageDigest)?.[0]),
      essCertHash: essCertHash(values),
      signatureAlgorithm: oidOf(childrenOf(signatureAlgorithm)[0]),
      signature: signatureBytes,
      tstInfoDer,
      tstInfo,
    };
  } catch {
    return 'The time-stamp token’s signed attributes are not readable.';
  }
}

export type TimestampResponse =
  { granted: true; tokenDer: Buffer } | { granted: false; reason: string };

const STATUS_WORDS = [
  'granted',
  'granted with modifications',
  'rejection',
  'waiting',
  'revocation warning',
  'revocation notification',
];

/** TimeStampResp: status 0 (granted) or 1 (grantedWithMods) carries a token (RFC 3161 §2.4.2). */
export function readTimestampResponse(der: Buffer): TimestampResponse {
  let root: Asn1;
  try {
    root = fromDer(der);
  } catch {
    return { granted: false, reason: 'The time-stamp authority’s answer is not valid DER.' };
  }
  const [statusInfo, token] = childrenOf(root);
  const [status, statusText] = childrenOf(statusInfo);
  const statusBytes = bytesOf(status);
  const code = statusBytes?.length === 1 ? (statusBytes[0] ?? -1) : -1;
  if (!isUniversal(status, 2) || (code !== 0 && code !== 1)) {
    const text = childrenOf(statusText)
      .map((node) =>
        typeof node.value === 'string' ? Buffer.from(node.value, 'binary').toString('utf8') : '',
      )
      .join(' ')
      .slice(0, 200);
    const word = STATUS_WORDS[code] ?? 'an unknown status';
    return {
      granted: false,
      reason: `The time-stamp authority refused the request (${word}${text === '' ? '' : `: ${text}`}).`,
    };
  }
  if (token === undefined)
    return { granted: false, reason: 'The time-stamp authority sent no token.' };
  return { granted: true, tokenDer: toDer(token) };
}
