// Forgeries of a real issued certificate, as an attacker would make them (issue 11): a signer
// certificate cloned from the genuine one (same name, serial and dates, another key) made with
// node-forge, not with our identity code; a CMS with a signing-time attribute made by forge's
// own PKCS#7 writer; changes outside the signed ranges; byte flips and truncations. Each returns
// new bytes and leaves its input alone.
import { createHash, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import forge from 'node-forge';
import type { SigningIdentity } from '../../../electron/core/documents/signing/identity';
import { buildSignedData } from '../../../electron/core/documents/signing/cms-signed-data';
import { cmsSignerOf } from '../../../electron/core/documents/signing/sign-pdf';

export type ByteRange = [number, number, number, number];

export function byteRangeOf(pdf: Buffer): ByteRange {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(
    pdf.toString('latin1'),
  );
  if (match === null) throw new Error('no /ByteRange');
  return match.slice(1).map(Number) as ByteRange;
}

function rangesDigest(pdf: Buffer, [a, b, c, d]: ByteRange): Buffer {
  return createHash('sha256')
    .update(pdf.subarray(a, a + b))
    .update(pdf.subarray(c, c + d))
    .digest();
}

/** Writes `cms` into the /Contents hole, zero-padded, leaving every signed byte as it was. */
export function replaceContents(pdf: Buffer, cms: Buffer): Buffer {
  const [, b, c] = byteRangeOf(pdf);
  const room = (c - b - 2) / 2;
  if (cms.length > room) throw new Error('CMS larger than the hole');
  const out = Buffer.from(pdf);
  out.write(cms.toString('hex').padEnd(2 * room, '0'), b + 1, 'latin1');
  return out;
}

/** A new RSA key, and a self-signed certificate with the genuine one's subject, issuer, serial
 * number, dates and extensions (node-forge; the genuine certificate must be RSA for forge). */
export function cloneSigner(genuineDer: Buffer): SigningIdentity {
  const genuine = forge.pki.certificateFromAsn1(forge.asn1.fromDer(genuineDer.toString('binary')));
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgePrivate = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const clone = forge.pki.createCertificate();
  clone.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  clone.serialNumber = genuine.serialNumber;
  clone.validity.notBefore = genuine.validity.notBefore;
  clone.validity.notAfter = genuine.validity.notAfter;
  clone.setSubject(genuine.subject.attributes);
  clone.setIssuer(genuine.issuer.attributes);
  clone.setExtensions(
    genuine.extensions.filter(
      (extension: { name?: string }) => extension.name !== 'subjectKeyIdentifier',
    ),
  );
  clone.sign(forgePrivate, forge.md.sha256.create());
  const der = Buffer.from(
    forge.asn1.toDer(forge.pki.certificateToAsn1(clone)).getBytes(),
    'binary',
  );
  return {
    privateKeyPkcs8Der: privateKey.export({ type: 'pkcs8', format: 'der' }),
    certificateChainDer: [der],
  };
}

/** The same signed bytes with a new CMS from `identity` (a PAdES-shaped one, like ours). */
export function resign(pdf: Buffer, identity: SigningIdentity): Buffer {
  const digest = rangesDigest(pdf, byteRangeOf(pdf));
  return replaceContents(pdf, buildSignedData(digest, cmsSignerOf(identity)));
}

const { asn1 } = forge;
const der = (node: forge.asn1.Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const childrenOf = (node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] =>
  Array.isArray(node?.value) ? node.value : [];

/** Our own PAdES-shaped CMS with one more signed attribute, signing-time (RFC 5652 11.3), which
 * EN 319 142-1 forbids with ETSI.CAdES.detached: signed again, so the signature verifies. */
export function resignWithSigningTime(pdf: Buffer, identity: SigningIdentity): Buffer {
  const digest = rangesDigest(pdf, byteRangeOf(pdf));
  const root = asn1.fromDer(buildSignedData(digest, cmsSignerOf(identity)).toString('binary'));
  const signedData = childrenOf(childrenOf(root)[1])[0];
  const signerInfo = childrenOf(childrenOf(signedData)[4])[0];
  const [, , , attributes, , signature] = childrenOf(signerInfo);
  if (attributes === undefined || signature === undefined) throw new Error('unexpected CMS');
  const signingTime = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(
      asn1.Class.UNIVERSAL,
      asn1.Type.OID,
      false,
      asn1.oidToDer('1.2.840.113549.1.9.5').getBytes(),
    ),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(new Date())),
    ]),
  ]);
  const list = [...childrenOf(attributes), signingTime].sort((a, b) =>
    Buffer.compare(der(a), der(b)),
  );
  attributes.value = list;
  const signedAttributes = der(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, list));
  const key = createPrivateKey({ key: identity.privateKeyPkcs8Der, format: 'der', type: 'pkcs8' });
  signature.value = sign('sha256', signedAttributes, key).toString('binary');
  return replaceContents(pdf, der(root));
}

/** A detached PKCS#7 made by forge's own writer (content-type, message-digest, signing-time; no
 * signing-certificate-v2): a signature from another tool, not KP Desk's profile. */
export function resignWithForgePkcs7(pdf: Buffer, identity: SigningIdentity): Buffer {
  const range = byteRangeOf(pdf);
  const [a, b, c, d] = range;
  const content = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(content.toString('binary'));
  const certificate = forge.pki.certificateFromAsn1(
    forge.asn1.fromDer((identity.certificateChainDer[0] ?? Buffer.alloc(0)).toString('binary')),
  );
  p7.addCertificate(certificate);
  const key = forge.pki.privateKeyFromAsn1(
    forge.asn1.fromDer(identity.privateKeyPkcs8Der.toString('binary')),
  );
  p7.addSigner({
    key,
    certificate,
    digestAlgorithm: forge.pki.oids.sha256 ?? '2.16.840.1.101.3.4.2.1',
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType ?? '', value: forge.pki.oids.data ?? '' },
      { type: forge.pki.oids.messageDigest ?? '' },
      { type: forge.pki.oids.signingTime ?? '', value: new Date().toISOString() },
    ],
  });
  p7.sign({ detached: true });
  const der = Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  return replaceContents(pdf, der);
}

/** One byte of the zero padding after the CMS changed: outside every signed range. */
export function changePadding(pdf: Buffer): Buffer {
  const [, , c] = byteRangeOf(pdf);
  const out = Buffer.from(pdf);
  out.write('7', c - 10, 'latin1'); // a hex digit near the end of the hole, in the padding
  return out;
}

export function flipByte(pdf: Buffer, at: number): Buffer {
  const out = Buffer.from(pdf);
  out[at] = (out[at] ?? 0) ^ 0x01;
  return out;
}
