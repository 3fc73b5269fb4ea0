// PAdES B-T and B-LT against a real RFC 3161 TSA on 127.0.0.1 (preview/test-tsa): a certificate
// signed by a CA-issued identity, time-stamped and given a DSS, checked by outside tools (openssl
// ts -verify on the extracted token, pdfsig, qpdf --check) and by the verifier pieces
// (checkSignatureTimestamp, scanAfterSignature). Also: a token over other data, updates that are
// not validation data, and a TSA that is down (the document stays B-B).
import { execFile } from 'node:child_process';
import { X509Certificate, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPem } from '../../../electron/core/documents/signing/identity';
import { PAGE_OBJECT } from '../../../electron/core/documents/layout/write-certificate-pdf';
import {
  cmsInHole,
  findSignatureHole,
  signatureValueOf,
  withSignatureTimestamp,
} from '../../../electron/core/documents/timestamp/embed-signature-timestamp';
import type { ExtendedSignature } from '../../../electron/core/documents/timestamp/extend-signature';
import { extendSignature } from '../../../electron/core/documents/timestamp/extend-signature';
import { requestTimestamp } from '../../../electron/core/documents/timestamp/request-timestamp';
import { checkSignatureTimestamp } from '../../../electron/core/documents/verify/check-timestamp';
import { scanAfterSignature } from '../../../electron/core/documents/verify/scan-validation-data';
import type { SignedFixture } from '../../unit/documents/signed-certificate-fixture';
import { signedCertificate } from '../../unit/documents/signed-certificate-fixture';
import type { ShortLivedPki } from './short-lived-pki';
import { shortLivedPki } from './short-lived-pki';

const exec = promisify(execFile);

async function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await exec(command, args, { encoding: 'utf8' });
    return { code: 0, output: stdout + stderr };
  } catch (error: unknown) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, output: (failed.stdout ?? '') + (failed.stderr ?? '') };
  }
}

/** The signature-time-stamp token, taken out of the CMS with node-forge (not our reader). */
function tokenOf(cms: Buffer): Buffer {
  const root = forge.asn1.fromDer(cms.toString('binary'));
  const signedData = ((root.value as forge.asn1.Asn1[])[1]?.value as forge.asn1.Asn1[])[0];
  const infos = (signedData?.value as forge.asn1.Asn1[]).at(-1)?.value as forge.asn1.Asn1[];
  const fields = infos[0]?.value as forge.asn1.Asn1[];
  const unsigned = fields.at(-1);
  const attribute = (unsigned?.value as forge.asn1.Asn1[])[0]?.value as forge.asn1.Asn1[];
  expect(forge.asn1.derToOid(attribute[0]?.value as string)).toBe('1.2.840.113549.1.9.16.2.14');
  const token = (attribute[1]?.value as forge.asn1.Asn1[])[0];
  if (token === undefined) throw new Error('no token');
  return Buffer.from(forge.asn1.toDer(token).getBytes(), 'binary');
}

const signedPart = (pdf: Buffer) => {
  const hole = findSignatureHole(pdf);
  if (hole === null) throw new Error('no signature');
  const [, b, c, d] = hole.byteRange;
  return { hole, signedEnd: c + d, ranges: [pdf.subarray(0, b), pdf.subarray(c, c + d)] };
};

let dir = '';
let pki: ShortLivedPki;
let fixture: SignedFixture;
let extended: ExtendedSignature;
let started = new Date();
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kp-timestamp-'));
  pki = await shortLivedPki({ keyType: 'rsa' });
  fixture = await signedCertificate('ecdsa-p256', pki.identity);
  started = new Date();
  extended = await extendSignature(Buffer.from(fixture.pdf), { tsaUrl: pki.tsa.url });
  await writeFile(join(dir, 'blt.pdf'), extended.pdf);
  await writeFile(join(dir, 'ca.pem'), toPem('CERTIFICATE', pki.ca.der));
});
afterAll(async () => {
  await pki.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a certificate signed B-LT with the local TSA', () => {
  it('reaches B-LT with the TSA’s time and the validation data in the note', () => {
    expect(extended.level).toBe('B-LT');
    expect(extended.note).toMatch(
      /^Time-stamped \d{4}-.*KP Desk Test TSA.*3 certificates, 1 CRLs\.$/,
    );
  });

  it('keeps every signed byte and the ByteRange as they were', () => {
    const before = signedPart(fixture.pdf);
    const after = signedPart(extended.pdf);
    expect(after.hole.byteRange).toEqual(before.hole.byteRange);
    expect(Buffer.concat(after.ranges).equals(Buffer.concat(before.ranges))).toBe(true);
    expect(extended.pdf.length).toBeGreaterThan(fixture.pdf.length);
  });

  it('is “Signature is Valid” for pdfsig and clean for qpdf --check', async () => {
    const file = join(dir, 'blt.pdf');
    const pdfsig = await run('pdfsig', [file]);
    expect(pdfsig.output).toContain('Signature is Valid.');
    expect(pdfsig.output).toContain('Signature Type: ETSI.CAdES.detached');
    const qpdf = await run('qpdf', ['--check', file]);
    expect(qpdf.output).toContain('No syntax or stream encoding errors found');
    expect(qpdf.code).toBe(0);
  });

  it('carries a token that openssl ts -verify accepts for the signature value', async () => {
    const cms = cmsInHole(extended.pdf, signedPart(extended.pdf).hole);
    if (cms === null) throw new Error('no CMS');
    await writeFile(join(dir, 'token.der'), tokenOf(cms));
    await writeFile(join(dir, 'signature-value.bin'), signatureValueOf(cms));
    const args = ['ts', '-verify', '-in', join(dir, 'token.der'), '-token_in'];
    const ok = await run('openssl', [
      ...args,
      '-data',
      join(dir, 'signature-value.bin'),
      '-CAfile',
      join(dir, 'ca.pem'),
    ]);
    expect(ok.output).toContain('Verification: OK');
    await writeFile(join(dir, 'other.bin'), randomBytes(64));
    const wrong = await run('openssl', [
      ...args,
      '-data',
      join(dir, 'other.bin'),
      '-CAfile',
      join(dir, 'ca.pem'),
    ]);
    expect(wrong.output).toContain('message imprint mismatch');
  });

  it('verifies with checkSignatureTimestamp, at the TSA’s genTime, trusted through the CA', () => {
    const cms = cmsInHole(extended.pdf, signedPart(extended.pdf).hole);
    if (cms === null) throw new Error('no CMS');
    const check = checkSignatureTimestamp(cms, signatureValueOf(cms), [pki.ca.der], []);
    expect(check.status).toBe('verified');
    expect(check.trusted).toBe(true);
    expect(check.authority).toContain('CN=KP Desk Test TSA');
    // genTime has whole seconds (the test TSA's accuracy is one second).
    expect(check.time?.getTime()).toBeGreaterThanOrEqual(
      Math.floor(started.getTime() / 1000) * 1000,
    );
    expect(check.time?.getTime()).toBeLessThanOrEqual(Date.now());
    const openssl = tokenTime(tokenOf(cms));
    expect(check.time?.toISOString()).toBe(openssl);
    const untrusted = checkSignatureTimestamp(cms, signatureValueOf(cms), [], []);
    expect(untrusted).toMatchObject({ status: 'verified', trusted: false });
    expect(untrusted.message).toContain('not a trusted time-stamp authority');
  });

  it('finds only validation data after the signed revision, with the certificates and the CRL', () => {
    const after = scanAfterSignature(extended.pdf, signedPart(extended.pdf).signedEnd);
    expect(after.kind).toBe('validation data only');
    const fingerprints = after.certsDer.map((der) => new X509Certificate(der).fingerprint256);
    for (const der of [pki.identity.certificateChainDer[0], pki.ca.der, pki.tsa.tsa.der])
      expect(fingerprints).toContain(new X509Certificate(der as Buffer).fingerprint256);
    expect(after.crlsDer).toHaveLength(1);
    expect(after.message).toContain('3 certificates, 1 CRLs');
    expect(scanAfterSignature(fixture.pdf, signedPart(fixture.pdf).signedEnd).kind).toBe('none');
  });
});

/** genTime as openssl ts -reply -text prints it, as an ISO string. */
let tokenTimes = new Map<string, string>();
function tokenTime(token: Buffer): string {
  return tokenTimes.get(token.toString('hex')) ?? '';
}
beforeAll(async () => {
  // Read the token's genTime with openssl (an outside reader) for the genTime comparison.
  const cms = cmsInHole(extended.pdf, signedPart(extended.pdf).hole);
  if (cms === null) return;
  const token = tokenOf(cms);
  const file = join(dir, 'time-token.der');
  await writeFile(file, token);
  const { output } = await run('openssl', [
    'ts',
    '-reply',
    '-in',
    file,
    '-token_in',
    '-text',
    '-token_out',
  ]);
  const match = /Time stamp: (.+)/.exec(output);
  tokenTimes = new Map([[token.toString('hex'), new Date(match?.[1] ?? '').toISOString()]]);
});

describe('what is not a good time-stamp or not only validation data', () => {
  it('fails a token over another imprint', async () => {
    const hole = signedPart(fixture.pdf).hole;
    const cms = cmsInHole(fixture.pdf, hole);
    if (cms === null) throw new Error('no CMS');
    const stamp = await requestTimestamp(pki.tsa.url, randomBytes(32));
    if (!stamp.ok) throw new Error(stamp.reason);
    const check = checkSignatureTimestamp(
      withSignatureTimestamp(cms, stamp.tokenDer),
      signatureValueOf(cms),
      [pki.ca.der],
      [],
    );
    expect(check.status).toBe('failed');
    expect(check.time).toBeNull();
    expect(check.message).toContain('imprint does not match');
  });

  it('reports a B-B signature’s time-stamp as absent', () => {
    const cms = cmsInHole(fixture.pdf, signedPart(fixture.pdf).hole);
    if (cms === null) throw new Error('no CMS');
    expect(checkSignatureTimestamp(cms, signatureValueOf(cms), [pki.ca.der], []).status).toBe(
      'absent',
    );
  });

  /** An incremental update of `pdf` that (re)defines each [object, body]. */
  function updateMany(pdf: Buffer, objects: [number, string][]): Buffer {
    const text = pdf.toString('latin1');
    const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
    const trailer = text.slice(text.lastIndexOf('trailer'));
    const size = Number(/\/Size (\d+)/.exec(trailer)?.[1] ?? '0');
    const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1] ?? '';
    const info = /\/Info (\d+ \d+ R)/.exec(trailer)?.[1] ?? '';
    let body = '';
    let xref = 'xref\n0 1\n0000000000 65535 f \n';
    for (const [object, value] of objects) {
      xref += `${String(object)} 1\n${String(pdf.length + body.length).padStart(10, '0')} 00000 n \n`;
      body += `${String(object)} 0 obj\n${value}\nendobj\n`;
    }
    const newSize = Math.max(size, ...objects.map(([object]) => object + 1));
    const tail =
      `${body}${xref}trailer\n<</Size ${String(newSize)} /Root ${root} /Info ${info} /Prev ${String(prev)}>>\n` +
      `startxref\n${String(pdf.length + body.length)}\n%%EOF\n`;
    return Buffer.concat([pdf, Buffer.from(tail, 'latin1')]);
  }
  const update = (pdf: Buffer, object: number, body: string): Buffer =>
    updateMany(pdf, [[object, body]]);

  function objectText(pdf: Buffer, object: number): string {
    const text = pdf.toString('latin1');
    const start = text.indexOf(`\n${String(object)} 0 obj`) + 1;
    return text.slice(text.indexOf('obj', start) + 3, text.indexOf('endobj', start)).trim();
  }

  it('calls an update that changes the page “other”, after B-B and after B-LT', () => {
    for (const pdf of [fixture.pdf, extended.pdf]) {
      const page = objectText(fixture.pdf, PAGE_OBJECT);
      const changed = update(
        pdf,
        PAGE_OBJECT,
        page
          .replace('/MediaBox [0 0 612 792]', '/MediaBox [0 0 612 800]')
          .replace('/Type /Page', '/Type /Page /Rotate 90'),
      );
      const after = scanAfterSignature(changed, signedPart(changed).signedEnd);
      expect(after.kind).toBe('other');
      expect(after.message).toContain('changes object 13 (a page)');
    }
  });

  it('calls an update that rewrites the page’s content stream “other”, even with the same dictionary', () => {
    const page = objectText(fixture.pdf, PAGE_OBJECT);
    const contents = Number(/\/Contents \[\d+ 0 R (\d+) 0 R\]/.exec(page)?.[1]);
    const dictionary = objectText(fixture.pdf, contents).split('stream')[0] ?? '';
    const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1]);
    const forged = `${dictionary.trim()}\nstream\n${'q Q '.repeat(length).slice(0, length)}\nendstream`;
    const changed = update(extended.pdf, contents, forged);
    const after = scanAfterSignature(changed, signedPart(changed).signedEnd);
    expect(after.kind).toBe('other');
    expect(after.message).toContain(`replaces stream object ${String(contents)}`);
  });

  it('calls an update of the Info dictionary or of the catalog beyond /DSS “other”', () => {
    const infoNumber = Number(
      /\/Info (\d+) 0 R/.exec(fixture.pdf.toString('latin1').slice(-400))?.[1],
    );
    const info = objectText(fixture.pdf, infoNumber);
    const newInfo = update(extended.pdf, infoNumber, info.replace('<<', '<</Title (Altered)'));
    expect(scanAfterSignature(newInfo, signedPart(newInfo).signedEnd)).toMatchObject({
      kind: 'other',
    });
    const rootNumber = Number(
      /\/Root (\d+) 0 R/.exec(fixture.pdf.toString('latin1').slice(-400))?.[1],
    );
    const catalog = objectText(fixture.pdf, rootNumber);
    const openAction = update(
      fixture.pdf,
      rootNumber,
      catalog.replace('<<', '<</OpenAction [13 0 R /Fit]'),
    );
    const after = scanAfterSignature(openAction, signedPart(openAction).signedEnd);
    expect(after).toMatchObject({ kind: 'other' });
    expect(after.message).toContain('the document catalog');
  });

  /** A document time-stamp (ISO 32000-2 §12.8.5) added to the B-LT file, as B-LTA would. */
  function withDocumentTimestamp(rect: string, annotation = '/Subtype /Widget /FT /Sig'): Buffer {
    const text = extended.pdf.toString('latin1');
    const size = Number(/\/Size (\d+)/.exec(text.slice(text.lastIndexOf('trailer')))?.[1]);
    const rootNumber = Number(/\/Root (\d+) 0 R/.exec(text.slice(-400))?.[1]);
    const catalog = objectText(extended.pdf.subarray(0, fixture.pdf.length), rootNumber);
    const page = objectText(fixture.pdf, PAGE_OBJECT);
    const [sig, widget] = [size, size + 1];
    const dssRef = /\/DSS (\d+) 0 R/.exec(text.slice(fixture.pdf.length))?.[0] ?? '';
    return updateMany(extended.pdf, [
      [
        sig,
        `<</Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange [0 0 0 0] /Contents <00>>>`,
      ],
      [
        widget,
        `<</Type /Annot ${annotation} /Rect ${rect} /V ${String(sig)} 0 R /T (DocTS) /F 132 /P ${String(PAGE_OBJECT)} 0 R>>`,
      ],
      [
        rootNumber,
        catalog
          .replace('<<', `<<${dssRef} `)
          .replace(/\/Fields \[(\d+ 0 R)\]/, `/Fields [$1 ${String(widget)} 0 R]`),
      ],
      [PAGE_OBJECT, page.replace(/\/Annots \[(\d+ 0 R)\]/, `/Annots [$1 ${String(widget)} 0 R]`)],
    ]);
  }

  it('accepts an ETSI.RFC3161 document time-stamp after B-LT, and nothing visible', () => {
    const invisible = withDocumentTimestamp('[0 0 0 0]');
    const accepted = scanAfterSignature(invisible, signedPart(fixture.pdf).signedEnd);
    expect(accepted.kind).toBe('validation data only');
    expect(accepted.message).toContain('1 document time-stamp');
    expect(accepted.certsDer).toHaveLength(3);
    const visible = withDocumentTimestamp('[10 10 200 40]');
    expect(scanAfterSignature(visible, signedPart(fixture.pdf).signedEnd).kind).toBe('other');
    const note = withDocumentTimestamp('[0 0 0 0]', '/Subtype /Text /Contents (Approved)');
    expect(scanAfterSignature(note, signedPart(fixture.pdf).signedEnd).kind).toBe('other');
  });

  it('survives garbage after the signed revision and an impossible signed end', () => {
    const garbage = Buffer.concat([fixture.pdf, randomBytes(4096)]);
    expect(scanAfterSignature(garbage, signedPart(fixture.pdf).signedEnd).kind).toBe('other');
    expect(scanAfterSignature(fixture.pdf, fixture.pdf.length + 10).kind).toBe('other');
    for (let cut = 1; cut < extended.pdf.length - fixture.pdf.length; cut += 97) {
      const truncated = extended.pdf.subarray(0, fixture.pdf.length + cut);
      expect(scanAfterSignature(truncated, fixture.pdf.length).kind).not.toBe('none');
    }
  });
});

describe('hostile input', () => {
  it('never throws on 300 byte changes in the time-stamp token or after the signed revision', () => {
    const { hole, signedEnd } = signedPart(extended.pdf);
    const cms = cmsInHole(extended.pdf, hole);
    if (cms === null) throw new Error('no CMS');
    const signatureValue = signatureValueOf(cms);
    const genuine = checkSignatureTimestamp(cms, signatureValue, [pki.ca.der], []);
    const token = tokenOf(cms);
    const tokenAt = cms.indexOf(token);
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 300; i += 1) {
      const mutated = Buffer.from(cms);
      const at = tokenAt + next(token.length);
      mutated[at] = (mutated[at] ?? 0) ^ (1 + next(255));
      const check = checkSignatureTimestamp(mutated, signatureValue, [pki.ca.der], []);
      // A change in the token either fails it or (in a certificate the TSA did not sign with)
      // leaves the signed time as it was; it never yields another time.
      if (check.status === 'verified') expect(check.time).toEqual(genuine.time);
      const file = Buffer.from(extended.pdf);
      const in_tail = signedEnd + next(extended.pdf.length - signedEnd);
      file[in_tail] = (file[in_tail] ?? 0) ^ (1 + next(255));
      expect(scanAfterSignature(file, signedEnd).kind).not.toBe('none');
    }
  });
});

describe('a TSA that is down', () => {
  it('leaves the document B-B, byte for byte, and says why', async () => {
    const down = await shortLivedPki();
    const url = down.tsa.url;
    await down.close();
    const result = await extendSignature(Buffer.from(fixture.pdf), {
      tsaUrl: url,
      timeoutMs: 2000,
    });
    expect(result.level).toBe('B-B');
    expect(result.pdf.equals(fixture.pdf)).toBe(true);
    expect(result.note).toMatch(
      /^Signed as PAdES B-B without a time-stamp: The time-stamp authority 127\.0\.0\.1:\d+ could not be reached/,
    );
    const none = await extendSignature(Buffer.from(fixture.pdf), { tsaUrl: '' });
    expect(none).toMatchObject({ level: 'B-B' });
    expect(none.note).toContain('no time-stamp authority is set');
  });
});

describe('the round trip to the local TSA', () => {
  it('is what B-LT adds to signing (extendSignature p50 over 10 documents)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const begin = performance.now();
      const result = await extendSignature(Buffer.from(fixture.pdf), { tsaUrl: pki.tsa.url });
      times.push(performance.now() - begin);
      expect(result.level).toBe('B-LT');
    }
    times.sort((a, b) => a - b);
    process.stdout.write(
      `B-B -> B-LT (TSA + CRL fetch + DSS): p50 ${(times[5] ?? 0).toFixed(2)} ms\n`,
    );
  });

  it('is measured (p50 over 40 requests)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const stamp = await requestTimestamp(pki.tsa.url, randomBytes(256));
      if (!stamp.ok) throw new Error(stamp.reason);
      times.push(stamp.roundTripMs);
    }
    times.sort((a, b) => a - b);
    const p50 = times[20] ?? 0;
    process.stdout.write(
      `TSA round trip on 127.0.0.1: p50 ${p50.toFixed(2)} ms, p90 ${(times[36] ?? 0).toFixed(2)} ms\n`,
    );
    expect(p50).toBeLessThan(200);
  });
});
