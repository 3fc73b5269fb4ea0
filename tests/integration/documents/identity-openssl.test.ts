// Signing identities against OpenSSL: our PKCS#10 requests and certificates are what OpenSSL
// expects, and a PKCS#12 exported by OpenSSL 3 (PBES2, AES-256-CBC, SHA-256 MAC by default)
// imports, signs a certificate that pdfsig accepts, and refuses a wrong password.
import { execFile } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppFailure } from '../../../electron/core/app-failure';
import { describeIdentity } from '../../../electron/core/documents/signing/describe-identity';
import {
  generateSigningIdentity,
  importPkcs12,
  toPem,
} from '../../../electron/core/documents/signing/identity';
import { verifyPdf } from '../../../electron/core/documents/verify/verify-pdf';
import { signedCertificate } from '../../unit/documents/signed-certificate-fixture';

const exec = promisify(execFile);
const run = async (command: string, args: string[]): Promise<string> => {
  const { stdout, stderr } = await exec(command, args, { encoding: 'utf8' });
  return stdout + stderr;
};

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kp-identity-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(['ecdsa-p256', 'rsa-3072', 'rsa-2048'] as const)('a %s identity', (keyType) => {
  const identity = generateSigningIdentity({
    licenseeName: 'Société Générale Diamants',
    signerName: 'Jean Dupont',
    keyType,
  });
  const keyPem = createPrivateKey({
    key: identity.privateKeyPkcs8Der,
    format: 'der',
    type: 'pkcs8',
  })
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const certPem = toPem('CERTIFICATE', identity.certificateChainDer[0] ?? Buffer.alloc(0));

  it('has a certificate and a request that OpenSSL verifies', async () => {
    const cert = join(dir, `${keyType}.crt`);
    const csr = join(dir, `${keyType}.csr`);
    await writeFile(cert, certPem);
    await writeFile(csr, identity.certificationRequestPem);
    expect(await run('openssl', ['verify', '-CAfile', cert, cert])).toContain(': OK');
    const request = await run('openssl', ['req', '-in', csr, '-verify', '-noout', '-subject']);
    expect(request).toMatch(/verify OK/);
    expect(request).toContain('CN = Jean Dupont');
    expect(request).toContain('C = US');
    // Key usage (critical) and the document-signing purposes, as OpenSSL reads them.
    const text = await run('openssl', ['x509', '-in', cert, '-noout', '-text']);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation\n/);
    expect(text).toMatch(
      /X509v3 Extended Key Usage: \s*\n\s+1\.3\.6\.1\.5\.5\.7\.3\.36, 1\.3\.6\.1\.4\.1\.311\.10\.3\.12\n/,
    );
    expect(text).toMatch(
      keyType === 'ecdsa-p256' ? /NIST CURVE: P-256/ : /Public-Key: \((3072|2048) bit\)/,
    );
  });

  it('round-trips through an OpenSSL PKCS#12 and signs with it', async () => {
    const key = join(dir, `${keyType}.key`);
    const cert = join(dir, `${keyType}.p12.crt`);
    const p12 = join(dir, `${keyType}.p12`);
    await writeFile(key, keyPem);
    await writeFile(cert, certPem);
    await run('openssl', [
      'pkcs12',
      '-export',
      '-inkey',
      key,
      '-in',
      cert,
      '-out',
      p12,
      '-passout',
      'pass:s3cret pass',
    ]);
    const bytes = await readFile(p12);
    const imported = importPkcs12(bytes, 's3cret pass');
    expect(imported.certificateChainDer).toEqual(identity.certificateChainDer);
    expect(describeIdentity(imported).selfSigned).toBe(true);

    let failure: unknown;
    try {
      importPkcs12(bytes, 'guess');
    } catch (error) {
      failure = error;
    }
    expect(isAppFailure(failure) && failure.error.code).toBe('IDENTITY_INVALID');

    const signed = await signedCertificate(keyType, imported);
    const pdf = join(dir, `${keyType}-p12.pdf`);
    await writeFile(pdf, signed.pdf);
    expect(await run('pdfsig', [pdf])).toContain('Signature is Valid.');
    expect(verifyPdf(signed.pdf).integrity.status).toBe('intact');
  });
});
