// `kpdesk identity` on the BUILT CLI against a real encrypted vault (issue 15): the integrator's
// path from an empty vault to a signed certificate without the app. Generated keys and CSRs are
// checked by OpenSSL, a CA made by OpenSSL issues the certificate for the CSR, and a PKCS#12
// made by OpenSSL is imported; roles are the app's (only an administrator changes the identity),
// and a refusal leaves the audit chain as it was.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentitySummary } from '../../shared/ipc/documents-contract';
import type { BuiltCli } from './cli-built';
import { buildCli } from './cli-built';
import type { CliTestVault } from './cli-test-vault';
import { errorOf, makeCliTestVault } from './cli-test-vault';

const exec = promisify(execFile);
const SIGNING_SECRET = 'ada signing secret of the cli test';
const fixtures = fileURLToPath(new URL('../fixtures/certificates/', import.meta.url));

let cli: BuiltCli | undefined;
let vault: CliTestVault;

const auditEvents = () => vault.withVault((services) => services.audit.verify().eventsChecked);
const identityOf = (stdout: string) =>
  (JSON.parse(stdout) as { identity: IdentitySummary | null }).identity;

beforeAll(async () => {
  vault = await makeCliTestVault(() => cli, 'identity-cli', 'US30000-US30009');
  cli = await buildCli();
}, 120_000);

afterAll(async () => {
  await cli?.remove();
  await vault.remove();
});

describe('kpdesk identity (built CLI)', () => {
  it('shows no identity and says how to make one; only an administrator may generate', async () => {
    const shown = await vault.kpdesk(['identity', 'show', '--user', 'rita', '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(identityOf(shown.stdout)).toBeNull();
    const text = await vault.kpdesk(['identity', '--user', 'rita']);
    expect(text.stdout).toContain('kpdesk identity generate');

    const before = await auditEvents();
    for (const user of ['otto', 'rita']) {
      const refused = await vault.kpdesk([
        'identity', 'generate', '--signer-name', 'Otto', '--user', user, '--json',
      ]); // prettier-ignore
      expect(refused.code).toBe(2);
      expect(errorOf(refused).code).toBe('FORBIDDEN');
    }
    const noName = await vault.kpdesk(['identity', 'generate', '--user', 'ada', '--json']);
    expect(errorOf(noName)).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { '--signer-name': 'required' },
    });
    expect(await auditEvents()).toBe(before);
  });

  it('generates a key whose CSR OpenSSL verifies, then kpdesk issue signs with it', async () => {
    const generated = await vault.kpdesk([
      'identity', 'generate', '--signer-name', 'Ada Admin', '--user', 'ada', '--csr-out', 'ada.csr', '--json',
    ]); // prettier-ignore
    expect(generated.code, generated.stdout + generated.stderr).toBe(0);
    const output = JSON.parse(generated.stdout) as {
      identity: IdentitySummary;
      certificationRequestPem: string;
    };
    expect(output.identity).toMatchObject({ source: 'generated', selfSigned: true, keyType: 'ec' });
    expect(output.identity.subject).toContain('Atlas Secure Logistics Inc.');
    expect(output.identity.sealPublicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(generated.stdout).not.toContain('PRIVATE KEY');
    const csrFile = join(vault.work, 'ada.csr');
    expect(await readFile(csrFile, 'utf8')).toBe(output.certificationRequestPem);
    const verified = await exec('openssl', [
      'req',
      '-in',
      csrFile,
      '-verify',
      '-noout',
      '-subject',
    ]);
    expect(verified.stderr + verified.stdout).toMatch(/verify OK/i);
    expect(verified.stdout).toMatch(/CN ?= ?Ada Admin/);

    // `identity csr` prints the same request again, for any role.
    const csr = await vault.kpdesk(['identity', 'csr', '--user', 'rita']);
    expect(csr.code).toBe(0);
    expect(csr.stdout).toBe(output.certificationRequestPem);
    // Never overwrites a file.
    const again = await vault.kpdesk([
      'identity',
      'csr',
      '--user',
      'rita',
      '--out',
      'ada.csr',
      '--json',
    ]);
    expect(again.code).toBe(2);

    // The integrator's original problem: `kpdesk issue` works now (the fixture on a form of
    // this vault's stock).
    const valid = JSON.parse(await readFile(join(fixtures, 'valid.json'), 'utf8')) as {
      aes: Record<string, unknown>;
    };
    await writeFile(
      join(vault.work, 'shipment.json'),
      JSON.stringify({
        ...valid,
        number: 'US30000',
        aes: { ...valid.aes, licenseNumber: '30000' },
      }),
    );
    // Since issue 13 the keys sign only once protected and opened: the administrator sets a
    // signing secret and opens this computer (HOME) for signing; the operator then signs.
    const issue = () =>
      vault.kpdesk([
        'issue', 'shipment.json', '--attest', '--packaging', 'Sealed box',
        '--warranty', 'Conflict-free.', '--user', 'otto', '--json',
      ]); // prettier-ignore
    expect(errorOf(await issue()).code).toBe('SIGNING_LOCKED');
    const secret = {
      KPDESK_NEW_SIGNING_SECRET: SIGNING_SECRET,
      KPDESK_SIGNING_SECRET: SIGNING_SECRET,
    };
    expect((await vault.kpdesk(['identity', 'secret', 'set', '--user', 'ada'], secret)).code).toBe(
      0,
    );
    expect(
      (await vault.kpdesk(['identity', 'open-workstation', '--user', 'ada'], secret)).code,
    ).toBe(0);
    const issued = await issue();
    expect(issued.code, issued.stdout + issued.stderr).toBe(0);
    const { file } = JSON.parse(issued.stdout) as { file: string };
    const pdfsig = await exec('pdfsig', [file]);
    expect(pdfsig.stdout).toContain('Signature is Valid.');
    expect(pdfsig.stdout).toContain('CN=Ada Admin');
  });

  it('attaches the certificate a CA issued for the CSR, keeping the key', async () => {
    const dir = vault.work;
    await exec('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', join(dir, 'ca.key'), '-out', join(dir, 'ca.pem'), '-days', '3650',
      '-subj', '/C=US/O=Test KP Authority/CN=Test KP Issuing CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ]); // prettier-ignore
    await writeFile(
      join(dir, 'leaf.ext'),
      'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n',
    );
    await exec('openssl', [
      'x509', '-req', '-in', join(dir, 'ada.csr'), '-CA', join(dir, 'ca.pem'), '-CAkey', join(dir, 'ca.key'),
      '-CAcreateserial', '-days', '365', '-extfile', join(dir, 'leaf.ext'), '-out', join(dir, 'leaf.pem'),
    ]); // prettier-ignore
    const chain =
      (await readFile(join(dir, 'leaf.pem'), 'utf8')) +
      (await readFile(join(dir, 'ca.pem'), 'utf8'));
    await writeFile(join(dir, 'chain.pem'), chain);

    const refused = await vault.kpdesk([
      'identity',
      'import-certificate',
      'chain.pem',
      '--user',
      'otto',
      '--json',
    ]);
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    const attached = await vault.kpdesk([
      'identity', 'import-certificate', 'chain.pem', '--user', 'ada', '--json',
    ]); // prettier-ignore
    expect(attached.code, attached.stdout + attached.stderr).toBe(0);
    const identity = identityOf(attached.stdout);
    expect(identity).toMatchObject({ source: 'generated', selfSigned: false, chainLength: 2 });
    expect(identity?.issuer).toContain('Test KP Issuing CA');
    const shown = await vault.kpdesk(['identity', '--user', 'rita']);
    expect(shown.stdout).toContain('Issuer:       ');
    expect(shown.stdout).toContain('Test KP Issuing CA');
  });

  it('imports an OpenSSL PKCS#12 with its password from the environment; a wrong one changes nothing', async () => {
    const dir = vault.work;
    await exec('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', join(dir, 'p12.key'), '-out', join(dir, 'p12.crt'), '-days', '365',
      '-subj', '/C=US/O=Atlas Secure Logistics Inc./CN=Paula Signer',
      '-addext', 'keyUsage=critical,digitalSignature,nonRepudiation',
    ]); // prettier-ignore
    await exec('openssl', [
      'pkcs12', '-export', '-inkey', join(dir, 'p12.key'), '-in', join(dir, 'p12.crt'),
      '-out', join(dir, 'signer.p12'), '-passout', 'pass:p12 secret',
    ]); // prettier-ignore
    const before = await auditEvents();
    const wrong = await vault.kpdesk(
      ['identity', 'import', 'signer.p12', '--user', 'ada', '--json'],
      {
        KPDESK_P12_PASSWORD: 'guess',
      },
    );
    expect(wrong.code).toBe(2);
    expect(errorOf(wrong).code).toBe('IDENTITY_INVALID');
    const missing = await vault.kpdesk(
      ['identity', 'import', 'nothing.p12', '--user', 'ada', '--json'],
      {
        KPDESK_P12_PASSWORD: 'p12 secret',
      },
    );
    expect(errorOf(missing).code).toBe('IDENTITY_INVALID');
    expect(await auditEvents()).toBe(before);

    const imported = await vault.kpdesk(
      ['identity', 'import', 'signer.p12', '--user', 'ada', '--json'],
      {
        KPDESK_P12_PASSWORD: 'p12 secret',
      },
    );
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(identityOf(imported.stdout)).toMatchObject({
      source: 'imported',
      signerName: 'Paula Signer',
      certificationRequestPem: null,
    });
    // An imported identity has no CSR to print.
    const csr = await vault.kpdesk(['identity', 'csr', '--user', 'ada', '--json']);
    expect(errorOf(csr).code).toBe('NOT_FOUND');
    expect(existsSync(join(dir, 'p12.key'))).toBe(true);
    await vault.withVault((services) => {
      expect(services.audit.verify()).toMatchObject({ ok: true });
    });
  });
});
