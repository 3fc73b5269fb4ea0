// The identity and document channels end to end, as the renderer reaches them: dispatchChannel →
// the core handlers (with the test FileDialogs: <dir>/files/exports and /imports) → the vault
// gateway → a real encrypted vault. The PDFs written are checked with poppler's pdfsig and
// pdftotext, qpdf, and our verifier; a PKCS#12 is made by OpenSSL.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';
import type { VerificationResultData } from '../../../shared/ipc/documents-contract';
import { validDraft } from '../../unit/domain/certificate-fixtures';
import { pdfText, pdfWords, renderPage, tool } from './pdf-tools';

const exec = promisify(execFile);

type Summary = {
  subject: string;
  issuer: string;
  selfSigned: boolean;
  source: string;
  signerName: string;
  fingerprintSha256: string;
  expiresWithin30Days: boolean;
  certificationRequestPem: string | null;
  sealPublicKeyPem: string | null;
};
type Signed = {
  documentId: number;
  kind: string;
  sha256: string;
  pages: number;
  reused: boolean;
  bytes: number;
};

let h: ChannelHarness;
beforeEach(() => {
  h = createChannelHarness();
});
afterEach(() => h.dispose());

const issueInput = (id: number) => ({
  id,
  attested: true,
  packaging: { description: '2 parcels in a sealed tamper-evident box', sealNumbers: ['S-1'] },
  warranty: { statement: 'The diamonds herein invoiced have been purchased…' },
});

/** First run, the stock book and one ISSUED certificate US12345; returns its id. */
async function issuedCertificate(): Promise<number> {
  await h.firstRun();
  await h.value('stock:register', { numbers: 'US12345-US12349' });
  const draft = await h.value<{ id: number }>('certificates:createDraft', {
    number: 'US12345',
    draft: validDraft(),
  });
  await h.value('certificates:recordItn', { id: draft.id, itn: 'X20261127123456' });
  await h.value('certificates:issue', issueInput(draft.id));
  return draft.id;
}

const generate = (keyType: 'rsa-2048' | 'ecdsa-p256' = 'ecdsa-p256') =>
  h.value<{ identity: Summary; certificationRequestPem: string }>('identity:generate', {
    signerName: 'Jane Doe',
    keyType,
  });

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function importsDir(): string {
  const dir = join(h.dialogs.root, 'imports');
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('the signing identity channels', () => {
  it('generate a self-signed identity with a request OpenSSL accepts; only an administrator', async () => {
    await h.firstRun();
    expect(await h.value('identity:get')).toBeNull();
    await h.addUser('otto', 'operator');
    await h.signInAs('otto');
    expect(await h.code('identity:generate', { signerName: 'Otto' })).toBe('FORBIDDEN');
    expect(await h.code('identity:import', { password: 'x' })).toBe('FORBIDDEN');
    // Refused before any file dialog was shown.
    expect(h.dialogs.asked).toEqual([]);
    expect(await h.value('identity:get')).toBeNull();
    await h.signInAs('ada');
    expect(await h.code('identity:generate', { signerName: '  ' })).toBe('INVALID_INPUT');

    const { identity, certificationRequestPem } = await generate('rsa-2048');
    expect(identity).toMatchObject({
      subject: 'C=US, O=Hudson Rough Trading LLC, CN=Jane Doe',
      selfSigned: true,
      source: 'generated',
      signerName: 'Jane Doe',
      keyType: 'rsa',
      expiresWithin30Days: false,
      warning: null,
    });
    expect(identity.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(identity.sealPublicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(JSON.stringify(identity)).not.toContain('PRIVATE KEY');
    const csr = join(h.dir, 'request.csr');
    writeFileSync(csr, certificationRequestPem);
    const { stdout, stderr } = await exec('openssl', ['req', '-in', csr, '-verify', '-noout']);
    expect(stdout + stderr).toContain('verify OK');
    expect(await h.value('identity:get')).toEqual(identity);
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
  });

  it('import a PKCS#12 from the open dialog; a wrong password or a cancel changes nothing', async () => {
    // OpenSSL's certificate starts now; the harness clock is fixed in the past.
    h.clock.now = new Date(Date.now() + 60_000);
    await h.firstRun();
    const first = (await generate()).identity;
    const dir = importsDir();
    const key = join(h.dir, 'key.pem');
    const cert = join(h.dir, 'cert.pem');
    await exec('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
      '-days', '365', '-subj', '/C=US/O=Hudson Rough Trading LLC/CN=Mary Major',
    ]); // prettier-ignore
    await exec('openssl', [
      'pkcs12', '-export', '-inkey', key, '-in', cert, '-out', join(dir, 'identity.p12'),
      '-passout', 'pass:p12 secret',
    ]); // prettier-ignore

    expect(await h.code('identity:import', { password: 'wrong' })).toBe('IDENTITY_INVALID');
    expect(await h.value('identity:get')).toEqual(first);
    h.dialogs.cancelNext();
    expect(await h.value('identity:import', { password: 'p12 secret' })).toEqual({
      cancelled: true,
    });
    const imported = await h.value<Summary>('identity:import', { password: 'p12 secret' });
    expect(imported).toMatchObject({
      source: 'imported',
      signerName: 'Mary Major',
      subject: 'C=US, O=Hudson Rough Trading LLC, CN=Mary Major',
    });
    // The seal key outlives a change of signing identity: printed seals stay valid.
    expect(imported.sealPublicKeyPem).toBe(first.sealPublicKeyPem);
    expect(await h.value('identity:get')).toEqual(imported);
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
  });
});

describe('the document channels', () => {
  it('sign an issued certificate once, save it, and verify it against the vault', async () => {
    const id = await issuedCertificate();
    expect(await h.code('documents:sign', { certificateId: id })).toBe('IDENTITY_INVALID');
    await generate();
    const signed = await h.value<Signed>('documents:sign', { certificateId: id });
    expect(signed).toMatchObject({ kind: 'certificate', pages: 1, reused: false });
    // Signing again returns the stored document: it still matches the record.
    expect(await h.value('documents:sign', { certificateId: id })).toEqual({
      ...signed,
      reused: true,
    });

    const saved = await h.value<{ path: string }>('documents:save', { certificateId: id });
    expect(saved.path).toBe(join(h.dialogs.root, 'exports', 'US12345.pdf'));
    const bytes = readFileSync(saved.path);
    expect(sha256(bytes)).toBe(signed.sha256);
    const pdfsig = await tool('pdfsig', [saved.path]);
    expect(pdfsig).toContain('Signature is Valid.');
    expect(pdfsig).toContain('Total document signed');
    expect(await pdfText(saved.path)).toContain('US12345');

    copyFileSync(saved.path, join(importsDir(), 'received.pdf'));
    const verified = await h.value<{
      result: Record<string, { status?: string } | string>;
      vault: unknown;
    }>('documents:verify');
    expect(verified.result.indication).toBe('TOTAL-PASSED');
    expect(verified.result.verdict).toBe('VALID');
    expect(verified.result.voidStatus).toMatchObject({ status: 'not voided' });
    expect(verified.result.chain).toMatchObject({ status: 'trusted' });
    expect(verified.result.record).toMatchObject({ status: 'match' });
    expect(verified.vault).toEqual({
      certificateId: id,
      number: 'US12345',
      state: 'ISSUED',
      storedDocument: 'certificate',
    });

    // One byte changed inside the signed range: the verifier says invalid.
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf('US12345', 2000);
    tampered[at + 6] = '9'.charCodeAt(0);
    writeFileSync(join(importsDir(), 'tampered.pdf'), tampered);
    const refused = await h.value<{ result: { indication: string }; vault: unknown }>(
      'documents:verify',
    );
    expect(refused.result.indication).toBe('TOTAL-FAILED');
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
  });

  it('preview page 1 as SVG: a draft as typed, an issued one with its seal and signature', async () => {
    const id = await issuedCertificate();
    const draft = await h.value<{ id: number }>('certificates:createDraft', {
      number: 'US12346',
      draft: { ...validDraft(), number: 'US12346', itn: '' },
    });
    const draftSvg = (
      await h.value<{ svg: string }>('documents:preview', { certificateId: draft.id })
    ).svg;
    expect(draftSvg).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
    expect(draftSvg).toContain('US12346');
    expect(draftSvg).not.toContain('Digitally signed by');
    await generate();
    await h.value('documents:sign', { certificateId: id });
    const issuedSvg = (await h.value<{ svg: string }>('documents:preview', { certificateId: id }))
      .svg;
    expect(issuedSvg).toContain('US12345');
    expect(issuedSvg).toContain('Digitally signed by Jane Doe');
    expect(await h.code('documents:preview', { certificateId: 999 })).toBe('NOT_FOUND');
  });

  it('make the signed VOID copy of a voided certificate', async () => {
    const id = await issuedCertificate();
    await generate();
    await h.value('documents:sign', { certificateId: id });
    const issued = await h.value<{ path: string }>('documents:save', { certificateId: id });
    await h.value('certificates:void', { id, reason: 'Printer error' });
    const signed = await h.value<Signed>('documents:sign', { certificateId: id });
    expect(signed).toMatchObject({ kind: 'void', reused: false, pages: 1 });
    const saved = await h.value<{ path: string }>('documents:save', {
      certificateId: id,
      kind: 'void',
    });
    expect(saved.path.endsWith('US12345-VOID.pdf')).toBe(true);
    const pdfsig = await tool('pdfsig', [saved.path]);
    expect(pdfsig).toContain('Signature is Valid.');
    const text = await pdfText(saved.path);
    expect(text).toContain('VOID');
    expect(text).toContain('Printer error');
    // The seal under the translucent stamp still decodes from a 150 dpi rendering.
    const png = join(h.dir, 'void.png');
    writeFileSync(png, await renderPage(saved.path, 150));
    const decoded = await exec('zbarimg', ['-q', '--raw', png]);
    expect(decoded.stdout.trim()).toMatch(/^KPS1\./);
    // A voided certificate is never printed on a form again.
    expect(await h.code('documents:printOverlay', { certificateId: id })).toBe(
      'ILLEGAL_TRANSITION',
    );
    // Verified against the vault: the original PDF is VOIDED (31 CFR 592.301(a)(1)(v)), the
    // VOID copy is recognised as such. The open dialog takes the newest file in imports/.
    const verifyFile = async (from: string, name: string, secondsAhead: number) => {
      const path = join(importsDir(), name);
      copyFileSync(from, path);
      const ahead = new Date(Date.now() + secondsAhead * 1000);
      utimesSync(path, ahead, ahead);
      return h.value<{ result: VerificationResultData }>('documents:verify');
    };
    const original = await verifyFile(issued.path, 'original.pdf', 10);
    expect(original.result).toMatchObject({
      indication: 'TOTAL-PASSED',
      verdict: 'VOIDED',
      documentKind: 'issued',
      voidStatus: { status: 'voided' },
    });
    expect(original.result.summary).toMatch(/^VOIDED: US12345 was voided/);
    const copy = await verifyFile(saved.path, 'void-copy.pdf', 20);
    expect(copy.result).toMatchObject({
      indication: 'TOTAL-PASSED',
      verdict: 'VOID COPY',
      documentKind: 'void',
      pageBinding: { status: 'bound' },
      record: { status: 'match' },
    });
  });

  it('refuse what is not allowed, with a typed code and nothing written', async () => {
    const id = await issuedCertificate();
    await generate();
    const draft = await h.value<{ id: number }>('certificates:createDraft', {
      number: 'US12346',
      draft: { ...validDraft(), number: 'US12346' },
    });
    await h.addUser('rita', 'reviewer');
    const audited = async () =>
      (await h.value<{ eventsChecked: number }>('audit:verify')).eventsChecked;
    const before = await audited();
    expect(await h.code('documents:sign', { certificateId: draft.id })).toBe('ILLEGAL_TRANSITION');
    expect(await h.code('documents:sign', { certificateId: 999 })).toBe('NOT_FOUND');
    expect(await h.code('documents:sign', { certificateId: '1' })).toBe('INVALID_INPUT');
    expect(await h.code('documents:save', { certificateId: id })).toBe('NOT_FOUND');
    await h.signInAs('rita');
    expect(await h.code('documents:sign', { certificateId: id })).toBe('FORBIDDEN');
    expect(await h.code('documents:printOverlay', { certificateId: id })).toBe('FORBIDDEN');
    expect(existsSync(join(h.dialogs.root, 'exports'))).toBe(false);
    await h.signInAs('ada');
    // The first verification recorded the head it proved (audit.verified, issue 13 part 6): that
    // one event, and none from the refusals.
    expect(await audited()).toBe(before + 1);
    await h.value('session:signOut');
    expect(await h.code('documents:sign', { certificateId: id })).toBe('AUTH_FAILED');
  });

  it('write the print-on-form overlay and the calibration page; a cancel writes nothing', async () => {
    const id = await issuedCertificate();
    h.dialogs.cancelNext();
    expect(await h.value('documents:printOverlay', { certificateId: id })).toEqual({
      cancelled: true,
    });
    const overlay = await h.value<{ path: string }>('documents:printOverlay', {
      certificateId: id,
    });
    expect(overlay.path.endsWith('US12345-overlay.pdf')).toBe(true);
    await exec('qpdf', ['--check', overlay.path]);
    const text = await pdfText(overlay.path);
    expect(text).toContain('Diamant Import NV');
    expect(text).toContain('X20261127123456');
    // This computer's calibration for its current printer (preferences, issue 16; no longer a
    // vault setting) moves every value: 10 pt right, 5 pt down.
    await h.value('preferences:save', {
      printerCalibrations: { 'Office Epson': { offsetXPt: 10, offsetYPt: -5 } },
      currentPrinter: 'Office Epson',
    });
    const shifted = await h.value<{ path: string }>('documents:printOverlay', {
      certificateId: id,
    });
    const itnAt = async (file: string) => {
      const word = (await pdfWords(file)).find((w) => w.text === 'X20261127123456');
      if (word === undefined) throw new Error(`no ITN in ${file}`);
      return word;
    };
    const [plain, moved] = [await itnAt(overlay.path), await itnAt(shifted.path)];
    expect(moved.xMin - plain.xMin).toBeCloseTo(10, 1);
    expect(moved.yMin - plain.yMin).toBeCloseTo(5, 1);
    const calibration = await h.value<{ path: string }>('documents:printCalibration');
    await exec('qpdf', ['--check', calibration.path]);
    expect(readdirSync(join(h.dialogs.root, 'exports')).sort()).toEqual([
      'US12345-overlay (2).pdf',
      'US12345-overlay.pdf',
      'kpdesk-printer-calibration.pdf',
    ]);
  });
});
