// The documented path to a trusted signer (docs/signing.md, "How to get a trusted signer"): KP
// Desk generates the key and a PKCS#10 request, a certification authority issues a certificate
// for it, and the licensee imports that certificate with its chain. The key never leaves the
// vault; only the certificate comes in. Before it replaces the self-signed one, the file must
// hold a certificate for exactly the pending key, fit for signing documents, valid now, and a
// chain in which each certificate is issued (and signed) by the next. The chain is then embedded
// in every signature (cms-signed-data.ts), so a reader can build it up to the CA it trusts.
import { X509Certificate } from 'node:crypto';
import { AppFailure } from '../../app-failure';
import { certificateDates, isSelfSigned } from './describe-identity';
import { certificateUsage, signingUnfitness } from './certificate-usage';
import type { SigningIdentity } from './identity';
import { openIdentity } from './identity';

/** A certificate file is a few kilobytes; a chain of ten is still far below this. */
export const MAX_CERTIFICATE_FILE_BYTES = 256 * 1024;

const invalid = (message: string): AppFailure => new AppFailure('IDENTITY_INVALID', message);

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;

/** The certificates of a PEM file (one or more blocks) or of a DER file (one certificate). */
export function readCertificateFile(file: Uint8Array): Buffer[] {
  const bytes = Buffer.from(file);
  const text = bytes.toString('latin1');
  const blocks = text.includes('-----BEGIN')
    ? [...text.matchAll(PEM_CERTIFICATE)].map((m) =>
        Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'),
      )
    : [bytes];
  if (blocks.length === 0)
    throw invalid(
      'This file holds no certificate. Choose the certificate file (.pem, .crt, .cer) the certification authority sent.',
    );
  return blocks;
}

function parse(der: Buffer): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch {
    throw invalid(
      'This file is not a certificate the app can read. Choose the certificate file (.pem, .crt, .cer, PEM or DER) the certification authority sent.',
    );
  }
}

const name = (certificate: X509Certificate): string =>
  certificate.subject.split('\n').filter(Boolean).join(', ');

function assertValidAt(certificate: X509Certificate, now: Date, what: string): void {
  const { from, to } = certificateDates(certificate);
  if (now.getTime() > to.getTime())
    throw invalid(`${what} expired on ${to.toISOString().slice(0, 10)}.`);
  if (now.getTime() < from.getTime())
    throw invalid(`${what} is valid only from ${from.toISOString().slice(0, 10)}.`);
}

/**
 * The pending identity with the CA's certificate and chain in place of its self-signed one.
 * `file` is the PEM (certificate, then its issuers, in any order) or DER file main's open dialog
 * chose. Every refusal is IDENTITY_INVALID with a message the licensee can act on.
 */
export function attachIssuedCertificate(
  pending: SigningIdentity,
  file: Uint8Array,
  now: Date,
): SigningIdentity {
  const { privateKey } = openIdentity(pending);
  const certificates = readCertificateFile(file).map((der) => ({ der, x509: parse(der) }));
  const leaf = certificates.find((entry) => entry.x509.checkPrivateKey(privateKey));
  if (leaf === undefined)
    throw invalid(
      'None of the certificates in this file is for the key KP Desk generated (their public keys differ). Import the certificate the CA issued for the request (CSR) this app made.',
    );
  let usage;
  try {
    usage = certificateUsage(leaf.der);
  } catch {
    throw invalid('The certificate’s extensions cannot be read.');
  }
  const unfit = signingUnfitness(usage);
  if (unfit !== null) throw invalid(`The certificate cannot sign documents. ${unfit}`);
  assertValidAt(leaf.x509, now, 'The certificate');

  // Each next certificate must have issued the previous one: names match, the issuer may issue
  // certificates (OpenSSL's checkIssued also checks keyCertSign) and its key verifies the signature.
  const chain = [leaf];
  const rest = certificates.filter((entry) => entry !== leaf);
  for (let current = leaf; !isSelfSigned(current.x509);) {
    const issuer = rest.find(
      (entry) =>
        !chain.includes(entry) &&
        current.x509.checkIssued(entry.x509) &&
        current.x509.verify(entry.x509.publicKey),
    );
    if (issuer === undefined) break; // the chain may end below a root the reader already holds
    assertValidAt(issuer.x509, now, `The CA certificate “${name(issuer.x509)}”`);
    chain.push(issuer);
    current = issuer;
  }
  const unlinked = rest.find((entry) => !chain.includes(entry));
  if (unlinked !== undefined)
    throw invalid(
      `The certificate “${name(unlinked.x509)}” in the file is not part of the chain of your certificate (it did not issue it or one of its issuers). Import only your certificate and the CA certificates above it.`,
    );
  if (chain.length === 1 && isSelfSigned(leaf.x509))
    throw invalid(
      'This is a self-signed certificate, not one a certification authority issued. Import the certificate the CA sent for the request (CSR).',
    );
  return {
    privateKeyPkcs8Der: pending.privateKeyPkcs8Der,
    certificateChainDer: chain.map((entry) => entry.der),
  };
}
