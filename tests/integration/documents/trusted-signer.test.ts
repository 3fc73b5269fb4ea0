// The documented path to a trusted signer (docs/signing.md), end to end with OpenSSL as the
// certification authority: KP Desk generates the key and its request (CSR); a root CA and an
// intermediate CA made with OpenSSL issue a certificate for it; the administrator imports that
// certificate with its chain through 'identity:importCertificate' (the file from the open
// dialog); a certificate signed afterwards carries the whole chain, so `openssl cms -verify`
// with only the root as trust anchor succeeds, and pdfsig still finds the signature valid.
// Then the refusals: another key, a server certificate, an unrelated CA in the file, expiry,
// a file that is no certificate, no generated key to attach to, a user who is not an admin.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';
import { validDraft } from '../../unit/domain/certificate-fixtures';

const exec = promisify(execFile);
const openssl = async (...args: string[]): Promise<string> => {
  const { stdout, stderr } = await exec('openssl', args, { encoding: 'utf8' });
  return stdout + stderr;
};

type Summary = {
  subject: string;
  issuer: string;
  selfSigned: boolean;
  source: string;
  signerName: string;
  keyType: string;
  chainLength: number;
  certificationRequestPem: string | null;
  sealPublicKeyPem: string | null;
};

let h: ChannelHarness;
beforeEach(() => {
  h = createChannelHarness();
});
afterEach(() => h.dispose());

/** First run and one ISSUED certificate US12345 (at the harness's date); returns its id. */
async function issuedCertificate(): Promise<number> {
  await h.firstRun();
  await h.value('stock:register', { numbers: 'US12345-US12349' });
  const draft = await h.value<{ id: number }>('certificates:createDraft', {
    number: 'US12345',
    draft: validDraft(),
  });
  await h.value('certificates:recordItn', { id: draft.id, itn: 'X20261127123456' });
  await h.value('certificates:issue', {
    id: draft.id,
    attested: true,
    packaging: { description: '2 parcels in a sealed tamper-evident box', sealNumbers: ['S-1'] },
    warranty: { statement: 'The diamonds herein invoiced have been purchased…' },
  });
  return draft.id;
}

/** The administrator's signing secret: since issue 13 the keys sign after a lock only with it. */
const SIGNING_SECRET = 'jane doe signing secret';

/**
 * Moves the clock (the session locks over a long jump): lock, set, unlock, sign in again, and
 * unlock signing (a new session holds no signing keys; before any identity this is refused).
 */
async function reopen(at: Date): Promise<void> {
  await h.value('vault:lock');
  h.clock.now = at;
  await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
  await h.signInAs('ada');
  await h.call('identity:unlockSigning', { secret: SIGNING_SECRET });
}

/** The one file the test dialog will "choose": the only file in <root>/imports. */
function offerForImport(name: string, content: string | Buffer): void {
  const dir = join(h.dialogs.root, 'imports');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), content);
}

const file = (name: string): string => join(h.dir, name);

/** A root CA and an intermediate CA (ECDSA P-256), made with OpenSSL. */
async function makeCas(): Promise<void> {
  writeFileSync(
    file('ca.ext'),
    'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n',
  );
  await openssl(
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', file('root.key'), '-out', file('root.pem'), '-days', '3650',
    '-subj', '/C=US/O=Test Trust Services/CN=Test Root CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ); // prettier-ignore
  await openssl(
    'req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', file('inter.key'), '-out', file('inter.csr'),
    '-subj', '/C=US/O=Test Trust Services/CN=Test Document Signing CA',
  ); // prettier-ignore
  await openssl(
    'x509', '-req', '-in', file('inter.csr'), '-CA', file('root.pem'), '-CAkey', file('root.key'),
    '-set_serial', '2', '-days', '3650', '-extfile', file('ca.ext'), '-out', file('inter.pem'),
  ); // prettier-ignore
}

/** The intermediate CA issues a certificate for `csr`, copying the extensions it requests. */
async function issueFor(csr: string, out: string, extraArgs: string[] = []): Promise<void> {
  await openssl(
    'x509', '-req', '-in', csr, '-CA', file('inter.pem'), '-CAkey', file('inter.key'),
    '-set_serial', '4097', '-days', '365', ...extraArgs, '-out', out,
  ); // prettier-ignore
}

/** The DER CMS from /Contents (zero padding trimmed by its outer length) and the signed bytes. */
function extractSignature(pdf: Buffer): { cms: Buffer; data: Buffer } {
  const text = pdf.toString('latin1');
  const match = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(text);
  if (match === null) throw new Error('no ByteRange');
  const [a, b, c, d] = match.slice(1).map(Number) as [number, number, number, number];
  const padded = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  const lengthBytes = (padded[1] ?? 0) & 0x7f;
  const length = 2 + lengthBytes + padded.subarray(2, 2 + lengthBytes).readUIntBE(0, lengthBytes);
  return {
    cms: padded.subarray(0, length),
    data: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]),
  };
}

async function failure(channel: 'identity:importCertificate'): Promise<string> {
  const result = await h.call(channel);
  if (result.ok) throw new Error(`${channel} succeeded`);
  return `${result.error.code}: ${result.error.message}`;
}

describe('a certificate issued by a CA for the generated key', () => {
  it('is imported with its chain, and every signature then carries that chain', async () => {
    const id = await issuedCertificate();
    // The default key: ECDSA P-256.
    const generated = await h.value<{ identity: Summary; certificationRequestPem: string }>(
      'identity:generate',
      { signerName: 'Jane Doe' },
    );
    await h.value('identity:setSigningSecret', { secret: SIGNING_SECRET });
    expect(generated.identity.keyType).toBe('ec');
    writeFileSync(file('request.csr'), generated.certificationRequestPem);
    // The request asks for the signing key usages; OpenSSL reads them.
    const request = await openssl('req', '-in', file('request.csr'), '-noout', '-text', '-verify');
    expect(request).toContain('verify OK');
    expect(request).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);

    await makeCas();
    await issueFor(file('request.csr'), file('leaf.pem'), ['-copy_extensions', 'copy']);
    const leafText = await openssl('x509', '-in', file('leaf.pem'), '-noout', '-text');
    expect(leafText).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(leafText).toMatch(/X509v3 Extended Key Usage:\s+[^\n]*1\.3\.6\.1\.5\.5\.7\.3\.36/);

    // The chain file in any order: the import puts it in order (leaf, intermediate, root).
    const pem = (name: string): string => readFileSync(file(name), 'utf8');
    offerForImport('chain.pem', pem('root.pem') + pem('leaf.pem') + pem('inter.pem'));
    await reopen(new Date(Date.now() + 60_000)); // OpenSSL's certificates start now
    const imported = await h.value<Summary>('identity:importCertificate');
    expect(imported).toMatchObject({
      subject: 'C=US, O=Hudson Rough Trading LLC, CN=Jane Doe',
      issuer: 'C=US, O=Test Trust Services, CN=Test Document Signing CA',
      selfSigned: false,
      chainLength: 3,
      source: 'generated',
      signerName: 'Jane Doe',
      certificationRequestPem: generated.certificationRequestPem,
      sealPublicKeyPem: generated.identity.sealPublicKeyPem,
    });
    expect(await h.value('identity:get')).toEqual(imported);
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });

    await h.value('documents:sign', { certificateId: id });
    const saved = await h.value<{ path: string }>('documents:save', { certificateId: id });
    const pdf = readFileSync(saved.path);
    const sig = (await exec('pdfsig', [saved.path], { encoding: 'utf8' })).stdout;
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect(sig).toContain('Signer Certificate Common Name: Jane Doe');

    const { cms, data } = extractSignature(pdf);
    writeFileSync(file('cms.der'), cms);
    writeFileSync(file('signed.bin'), data);
    // The three certificates travel in the signature…
    const embedded = await openssl(
      'pkcs7',
      '-inform',
      'DER',
      '-in',
      file('cms.der'),
      '-print_certs',
      '-noout',
    );
    expect(embedded.match(/subject=/g)).toHaveLength(3);
    expect(embedded).toContain('CN = Test Document Signing CA');
    // …so the root alone is enough for OpenSSL to build the chain and verify the signature.
    // (-purpose any: OpenSSL's default purpose is S/MIME, whose e-mail EKU this certificate
    // rightly lacks; the document-signing EKU is checked by our import instead.)
    const verified = await openssl(
      'cms', '-verify', '-inform', 'DER', '-in', file('cms.der'), '-content', file('signed.bin'),
      '-binary', '-CAfile', file('root.pem'), '-purpose', 'any', '-out', file('content.out'),
    ); // prettier-ignore
    expect(verified).toContain('Verification successful');
  });
});

describe('importing a certificate is refused', () => {
  it('when it is not for the generated key, not for signing, expired, or its chain does not link', async () => {
    await h.firstRun();
    const generated = await h.value<{ certificationRequestPem: string }>('identity:generate', {
      signerName: 'Jane Doe',
    });
    writeFileSync(file('request.csr'), generated.certificationRequestPem);
    await makeCas();
    await reopen(new Date(Date.now() + 60_000));

    // A certificate for another key (same name).
    await openssl(
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', file('other.key'), '-out', file('other.pem'), '-days', '30',
      '-subj', '/C=US/O=Hudson Rough Trading LLC/CN=Jane Doe',
    ); // prettier-ignore
    offerForImport('other.pem', readFileSync(file('other.pem')));
    expect(await failure('identity:importCertificate')).toMatch(
      /^IDENTITY_INVALID: None of the certificates in this file is for the key KP Desk generated/,
    );

    // A TLS server certificate for our key.
    writeFileSync(
      file('server.ext'),
      'keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n',
    );
    await issueFor(file('request.csr'), file('server.pem'), ['-extfile', file('server.ext')]);
    offerForImport('server.pem', readFileSync(file('server.pem')));
    expect(await failure('identity:importCertificate')).toMatch(
      /^IDENTITY_INVALID: The certificate cannot sign documents\. Its extended key usage does not include document signing/,
    );

    // A key usage for encryption only.
    writeFileSync(file('encrypt.ext'), 'keyUsage=critical,keyAgreement\n');
    await issueFor(file('request.csr'), file('encrypt.pem'), ['-extfile', file('encrypt.ext')]);
    offerForImport('encrypt.pem', readFileSync(file('encrypt.pem')));
    expect(await failure('identity:importCertificate')).toMatch(
      /Its key usage does not allow signing/,
    );

    // The right certificate (DER this time), with a CA certificate that is not in its chain.
    await issueFor(file('request.csr'), file('leaf.pem'), ['-copy_extensions', 'copy']);
    const leafPem = readFileSync(file('leaf.pem'), 'utf8');
    offerForImport('chain.pem', leafPem + readFileSync(file('other.pem'), 'utf8'));
    expect(await failure('identity:importCertificate')).toMatch(
      /The certificate “C=US, O=Hudson Rough Trading LLC, CN=Jane Doe” in the file is not part of the chain/,
    );

    // Not a certificate at all.
    offerForImport('notes.pem', 'hello');
    expect(await failure('identity:importCertificate')).toMatch(
      /^IDENTITY_INVALID: This file is not a certificate/,
    );

    // Expired by the time it is imported.
    await openssl('x509', '-in', file('leaf.pem'), '-outform', 'DER', '-out', file('leaf.der'));
    offerForImport('leaf.der', readFileSync(file('leaf.der')));
    const now = h.clock.now;
    await reopen(new Date(now.getTime() + 400 * 86_400_000));
    expect(await failure('identity:importCertificate')).toMatch(
      /^IDENTITY_INVALID: The certificate expired on/,
    );

    // Nothing was stored by any of these: the self-signed identity is still the active one.
    await reopen(now);
    expect(await h.value<Summary>('identity:get')).toMatchObject({ selfSigned: true });
    // The DER certificate alone (its issuer not in the file) is accepted.
    expect(await h.value<Summary>('identity:importCertificate')).toMatchObject({
      selfSigned: false,
      chainLength: 1,
    });
    expect(readdirSync(join(h.dialogs.root, 'imports'))).toEqual(['leaf.der']);
  });

  it('for anyone but an administrator, and when no generated key waits for a certificate', async () => {
    await h.firstRun();
    await h.addUser('otto', 'operator');
    await h.signInAs('otto');
    expect(await h.code('identity:importCertificate')).toBe('FORBIDDEN');
    expect(h.dialogs.asked).toEqual([]); // refused before any file dialog was shown
    await h.signInAs('ada');
    expect(await failure('identity:importCertificate')).toMatch(
      /^IDENTITY_INVALID: There is no key generated by KP Desk to attach a certificate to/,
    );
    expect(h.dialogs.asked).toEqual([]);
  });
});
