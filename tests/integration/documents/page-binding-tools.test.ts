// The page binding and the seal on real files, checked by outside tools too (issue 11, points 2,
// 3 and 8): the longest certificate the rules accept is laid out, sealed and signed, pdfsig says
// its signature is valid, zbarimg reads its seal from a 150 dpi rendering, and the page is bound;
// a forgery re-signed with another key is a valid signature for pdfsig but not bound; a VOID
// copy is recognised as one and its seal says so.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCertificate } from '../../../shared/domain/certificate';
import type { Certificate } from '../../../shared/domain/certificate';
import { issueSignedCertificate } from '../../../electron/core/documents/issue-signed-certificate';
import { verifySeal } from '../../../electron/core/documents/seal/seal-codec';
import { sealPublicKey } from '../../../electron/core/documents/seal/seal-key';
import type { SealKey } from '../../../electron/core/documents/seal/seal-key';
import { generateSealKey } from '../../../electron/core/documents/seal/seal-key';
import type { SigningIdentity } from '../../../electron/core/documents/signing/identity';
import { generateSigningIdentity } from '../../../electron/core/documents/signing/identity';
import type { PageBindingChecker } from '../../../electron/core/documents/verify/check-page-binding';
import { createPageBindingChecker } from '../../../electron/core/documents/verify/check-page-binding';
import { loadDocumentFonts } from '../../../electron/core/documents/write-certificate-document';
import { issueContext } from '../../unit/domain/certificate-fixtures';
import { longestDraft } from '../../unit/domain/longest-draft';
import { byteRangeOf, pageWithChangedValues } from '../../unit/documents/forged-documents';
import { resourcesDir, validCertificate } from '../../unit/documents/signed-certificate-fixture';

const exec = promisify(execFile);

async function stdoutOf(command: string, args: string[]): Promise<string> {
  // pdfsig exits 0 whatever it finds, and zbarimg 4 when it finds nothing: read the output.
  try {
    return (await exec(command, args, { encoding: 'utf8' })).stdout;
  } catch (error: unknown) {
    return (error as { stdout?: string }).stdout ?? '';
  }
}

let dir = '';
let check: PageBindingChecker;
let identity: SigningIdentity;
let sealKey: SealKey;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kp-binding-'));
  check = await createPageBindingChecker(resourcesDir);
  identity = generateSigningIdentity({
    licenseeName: 'Hudson Rough Trading LLC',
    signerName: 'Jane Doe',
    keyType: 'ecdsa-p256',
  });
  sealKey = generateSealKey();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const issue = (certificate: Certificate, voidStamp?: { reason: string; date: string }) =>
  issueSignedCertificate(certificate, {
    identity,
    sealKey,
    signerName: 'Jane Doe',
    licenseeName: 'Hudson Rough Trading LLC',
    resourcesDir,
    voidStamp,
  });

const payloadOf = (seal: string) => {
  const verdict = verifySeal(seal, sealPublicKey(sealKey.publicKeySpkiDer));
  if (verdict.status !== 'valid') throw new Error(`seal ${verdict.status}`);
  return verdict.payload;
};

async function sealAt150Dpi(pdf: Buffer, name: string): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  await exec('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', file, file]);
  return (await stdoutOf('zbarimg', ['-q', '--raw', `${file}.png`])).trim();
}

async function pdfsigOf(pdf: Buffer, name: string): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  return stdoutOf('pdfsig', [file]);
}

describe('the longest certificate the rules accept', () => {
  it('is issued, valid for pdfsig, its seal read by zbarimg at 150 dpi, and bound', async () => {
    const { certificate, report } = readCertificate(longestDraft(), issueContext);
    expect(report.findings).toEqual([]);
    if (certificate === null) throw new Error('the longest draft should be accepted');
    const { pdf, seal } = await issue(certificate);
    expect(seal.length).toBeGreaterThan(570);
    expect(payloadOf(seal).ex.endsWith('…')).toBe(true);
    const signature = await pdfsigOf(pdf, 'longest');
    expect(signature).toContain('Signature is Valid.');
    expect(signature).toContain('Total document signed');
    expect(await sealAt150Dpi(pdf, 'longest')).toBe(seal);
    expect(check(pdf, byteRangeOf(pdf), payloadOf(seal)).status).toBe('bound');
  });
});

describe('a changed carat figure, re-signed with another key', () => {
  it('is a valid signature for pdfsig, but the page is not bound', async () => {
    const genuine = await issue(validCertificate());
    const shown = {
      ...genuine.recipe.record,
      caratHundredths: genuine.recipe.record.caratHundredths + 700,
    };
    const forged = pageWithChangedValues(
      genuine.recipe,
      genuine.seal,
      shown,
      await loadDocumentFonts(resourcesDir),
    );
    expect(await pdfsigOf(forged, 'forged')).toContain('Signature is Valid.');
    expect(await sealAt150Dpi(forged, 'forged')).toBe(genuine.seal);
    const result = check(forged, byteRangeOf(forged), payloadOf(genuine.seal));
    expect(result.status).toBe('differs');
    expect(result.message).toContain('the values printed on the page');
  });
});

describe('the VOID copy', () => {
  it('is bound as the VOID copy, and the seal zbarimg reads says k = void', async () => {
    const { pdf, seal } = await issue(validCertificate(), {
      reason: 'Shipment cancelled',
      date: '2026-11-29',
    });
    expect(await pdfsigOf(pdf, 'void')).toContain('Signature is Valid.');
    const read = await sealAt150Dpi(pdf, 'void');
    expect(read).toBe(seal);
    expect(payloadOf(read)).toMatchObject({ v: 2, k: 'void' });
    expect(check(pdf, byteRangeOf(pdf), payloadOf(read))).toMatchObject({
      status: 'bound',
      documentKind: 'void',
    });
  });
});
