// @vitest-environment jsdom
// PDF/A-2b (ISO 19005-2, level B) of the issued certificate and of its VOID copy, checked part by
// part. No PDF/A validator (veraPDF) can be installed on these machines, so each requirement our
// objects rely on is checked here with an outside tool where one has a view: qpdf extracts the
// objects and checks the file, pdfinfo reads the XMP, jsdom's XML parser (a real, namespace-aware
// one, hence this file's environment) parses it, the `icc` package (sharp's ICC reader) parses the
// output intent's profile, pdfsig checks that the signature still covers the whole file.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseIcc } from 'icc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSignedCertificate } from '../../../electron/core/documents/issue-signed-certificate';
import { renderCertificatePdf } from '../../../electron/core/documents/layout/render-certificate-pdf';
import { generateSealKey } from '../../../electron/core/documents/seal/seal-key';
import { generateSigningIdentity } from '../../../electron/core/documents/signing/identity';
import type { Certificate } from '../../../shared/domain/certificate';
import { readCertificate } from '../../../shared/domain/certificate';
import { issueContext, validDraft } from '../../unit/domain/certificate-fixtures';

const exec = promisify(execFile);
const text = async (command: string, args: string[]): Promise<string> =>
  (await exec(command, args, { encoding: 'utf8', maxBuffer: 1 << 24 })).stdout;
const bytes = async (command: string, args: string[]): Promise<Buffer> =>
  (await exec(command, args, { encoding: 'buffer', maxBuffer: 1 << 24 })).stdout;

// (signed-certificate-fixture.ts resolves the resources from import.meta.url, a file: URL only
// in the node environment; vitest runs from the repository root.)
const resourcesDir = join(process.cwd(), 'resources');

function validCertificate(): Certificate {
  const { certificate } = readCertificate(validDraft(), issueContext);
  if (certificate === null) throw new Error('the valid draft has errors');
  return certificate;
}

const signingTime = new Date('2026-11-27T15:30:00Z');
// A licensee name with XML's special characters and letters outside ASCII.
const licenseeName = 'Łódź & Hudson <Rough> Trading LLC';

let dir = '';
const files: Record<'issued' | 'void', string> = { issued: '', void: '' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kp-pdfa-'));
  const options = {
    identity: generateSigningIdentity({ licenseeName, signerName: 'Jane Doe' }),
    sealKey: generateSealKey(),
    signerName: 'Jane Doe',
    licenseeName,
    resourcesDir,
    signingTime,
  };
  const certificate = validCertificate();
  const issued = await issueSignedCertificate(certificate, options);
  const voided = await issueSignedCertificate(certificate, {
    ...options,
    voidStamp: { date: '2026-11-29', reason: 'Shipment cancelled' },
  });
  files.issued = join(dir, 'issued.pdf');
  files.void = join(dir, 'void.pdf');
  await writeFile(files.issued, issued.pdf);
  await writeFile(files.void, voided.pdf);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The object `n 0 R` named by `key` in a dictionary qpdf printed. */
function reference(dictionary: string, key: string): string {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary);
  if (match?.[1] === undefined) throw new Error(`no /${key} reference in ${dictionary}`);
  return match[1];
}

const showObject = (file: string, object: string): Promise<string> =>
  text('qpdf', [`--show-object=${object}`, file]);

function infoEntries(pdfinfo: string): Map<string, string> {
  return new Map(
    pdfinfo
      .split('\n')
      .map((row) => /^(\w+):\s+(.*)$/.exec(row))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  pdf: 'http://ns.adobe.com/pdf/1.3/',
  pdfaid: 'http://www.aiim.org/pdfa/ns/id/',
} as const;

describe.each(['issued', 'void'] as const)('the %s certificate as PDF/A-2b', (kind) => {
  it('passes qpdf --check, and pdfsig still finds the whole file signed and the signature valid', async () => {
    const check = await text('qpdf', ['--check', files[kind]]);
    expect(check).toContain('No syntax or stream encoding errors found');
    // pdfsig exits 0 whatever it finds: its words are the result.
    const sig = await text('pdfsig', [files[kind]]);
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
  });

  it('starts with %PDF-1.7 and a binary comment of four bytes above 127 (§6.1.2)', async () => {
    const head = await bytes('head', ['-c', '16', files[kind]]);
    expect(head.subarray(0, 9).toString('latin1')).toBe('%PDF-1.7\n');
    expect(head[9]).toBe(0x25);
    expect([...head.subarray(10, 14)].every((b) => b > 127)).toBe(true);
  });

  it('has a trailer /ID of two equal 16-byte strings (§6.1.3)', async () => {
    const trailer = await showObject(files[kind], 'trailer');
    const id = /\/ID \[ <([0-9a-f]{32})> <([0-9a-f]{32})> \]/i.exec(trailer);
    expect(id?.[1]).toBeDefined();
    expect(id?.[1]).toBe(id?.[2]);
    expect(trailer).not.toContain('/Encrypt');
  });

  it('carries XMP that parses as XML, says PDF/A-2B and restates the Info dictionary (§6.6)', async () => {
    const catalog = await showObject(files[kind], 'trailer').then((t) =>
      showObject(files[kind], reference(t, 'Root')),
    );
    const metadataObject = reference(catalog, 'Metadata');
    const metadataDict = await showObject(files[kind], metadataObject);
    expect(metadataDict).toContain('/Type /Metadata');
    expect(metadataDict).toContain('/Subtype /XML');
    expect(metadataDict).not.toContain('/Filter');

    const xmp = await text('pdfinfo', ['-meta', files[kind]]);
    expect(xmp).not.toMatch(/<\?xpacket[^>]*(bytes|encoding)=/); // §6.6.2.1
    const doc = new DOMParser().parseFromString(xmp.trim(), 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const one = (ns: string, name: string): string => {
      const nodes = doc.getElementsByTagNameNS(ns, name);
      expect(nodes, name).toHaveLength(1);
      return nodes[0]?.textContent ?? '';
    };
    expect(one(NS.pdfaid, 'part')).toBe('2');
    expect(one(NS.pdfaid, 'conformance')).toBe('B');

    const info = infoEntries(await text('pdfinfo', ['-isodates', files[kind]]));
    const title = info.get('Title') ?? '';
    expect(title).toBe(
      kind === 'void'
        ? 'Kimberley Process Certificate US12345 (VOID)'
        : 'Kimberley Process Certificate US12345',
    );
    expect(one(NS.dc, 'title')).toBe(title);
    expect(one(NS.dc, 'creator')).toBe(licenseeName);
    expect(info.get('Author')).toBe(licenseeName);
    expect(one(NS.dc, 'description')).toBe(info.get('Subject'));
    expect(one(NS.pdf, 'Keywords')).toBe(info.get('Keywords'));
    expect(one(NS.pdf, 'Producer')).toBe(info.get('Producer'));
    expect(one(NS.xmp, 'CreatorTool')).toBe(info.get('Creator'));
    // The dates are the signing time, in both places.
    expect(info.get('CreationDate')).toBe('2026-11-27T15:30:00Z');
    expect(info.get('ModDate')).toBe('2026-11-27T15:30:00Z');
    expect(one(NS.xmp, 'CreateDate')).toBe('2026-11-27T15:30:00Z');
    expect(one(NS.xmp, 'ModifyDate')).toBe('2026-11-27T15:30:00Z');
    // dc:title and dc:description are language alternatives with an x-default item.
    const titleItem = doc
      .getElementsByTagNameNS(NS.dc, 'title')[0]
      ?.getElementsByTagNameNS(NS.rdf, 'li')[0];
    expect(titleItem?.getAttribute('xml:lang')).toBe('x-default');
  });

  it('has an sRGB output intent whose ICC profile is a valid RGB display profile (§6.2.3)', async () => {
    const trailer = await showObject(files[kind], 'trailer');
    const catalog = await showObject(files[kind], reference(trailer, 'Root'));
    expect(catalog).toMatch(/\/OutputIntents \[ << [^\]]*\/S \/GTS_PDFA1/);
    expect(catalog).toContain('/OutputConditionIdentifier (sRGB IEC61966-2.1)');
    const profileObject = reference(catalog, 'DestOutputProfile');
    expect(await showObject(files[kind], profileObject)).toMatch(/\/N 3\b/);
    const profile = await bytes('qpdf', [
      `--show-object=${profileObject}`,
      '--filtered-stream-data',
      files[kind],
    ]);
    const parsed = parseIcc(profile);
    expect(parsed).toMatchObject({
      version: '2.1',
      deviceClass: 'Monitor',
      colorSpace: 'RGB',
      connectionSpace: 'XYZ',
      description: 'sRGB IEC61966-2.1',
    });
    // The header's size field is the profile's length; every tag lies inside it, 4-byte aligned.
    expect(profile.readUInt32BE(0)).toBe(profile.length);
    expect(profile.subarray(36, 40).toString('latin1')).toBe('acsp');
    const tags = new Map<string, { offset: number; size: number }>();
    for (let i = 0; i < profile.readUInt32BE(128); i += 1) {
      const at = 132 + 12 * i;
      const offset = profile.readUInt32BE(at + 4);
      const size = profile.readUInt32BE(at + 8);
      expect(offset % 4).toBe(0);
      expect(offset + size).toBeLessThanOrEqual(profile.length);
      tags.set(profile.subarray(at, at + 4).toString('latin1'), { offset, size });
    }
    expect([...tags.keys()].sort()).toEqual(
      ['bTRC', 'bXYZ', 'cprt', 'desc', 'gTRC', 'gXYZ', 'rTRC', 'rXYZ', 'wtpt'].sort(),
    );
    const xyz = (tag: string): number[] => {
      const { offset } = tags.get(tag) ?? { offset: 0 };
      expect(profile.subarray(offset, offset + 4).toString('latin1')).toBe('XYZ ');
      return [0, 1, 2].map((k) => profile.readInt32BE(offset + 8 + 4 * k) / 65536);
    };
    // The three colorants add up to the white point (D50), as a matrix profile's must.
    const [r, g, b, white] = [xyz('rXYZ'), xyz('gXYZ'), xyz('bXYZ'), xyz('wtpt')];
    for (let k = 0; k < 3; k += 1)
      expect((r[k] ?? 0) + (g[k] ?? 0) + (b[k] ?? 0)).toBeCloseTo(white[k] ?? 0, 3);
    // The tone curve: sRGB's, rising from 0 to 1; mid-grey 0.5 decodes to about 0.214.
    const curve = tags.get('rTRC') ?? { offset: 0, size: 0 };
    expect(profile.subarray(curve.offset, curve.offset + 4).toString('latin1')).toBe('curv');
    const points = profile.readUInt32BE(curve.offset + 8);
    const value = (i: number): number => profile.readUInt16BE(curve.offset + 12 + 2 * i) / 65535;
    expect(value(0)).toBe(0);
    expect(value(points - 1)).toBe(1);
    for (let i = 1; i < points; i += 1) expect(value(i)).toBeGreaterThanOrEqual(value(i - 1));
    expect(value(Math.round((points - 1) / 2))).toBeCloseTo(0.214, 2);
  });

  it('names the ETSI extension and keeps the signature widget printable with one appearance (§6.3, §6.4)', async () => {
    const trailer = await showObject(files[kind], 'trailer');
    const catalog = await showObject(files[kind], reference(trailer, 'Root'));
    expect(catalog).toMatch(
      /\/Extensions << \/ESIC << \/BaseVersion \/1\.7 \/ExtensionLevel 2 >> >>/,
    );
    const acroForm = /\/AcroForm << ([^>]*) >>/.exec(catalog)?.[1] ?? '';
    expect(acroForm).not.toContain('NeedAppearances');
    const field = /\/Fields \[ (\d+) 0 R \]/.exec(acroForm)?.[1] ?? 'none';
    const widget = await showObject(files[kind], field);
    expect(widget).toContain('/Subtype /Widget');
    expect(widget).toMatch(/\/F 4\b/);
    expect(widget).toMatch(/\/AP << \/N \d+ 0 R >>/);
    expect(widget).not.toMatch(/\/AA?\b/);
  });
});

describe('the file identifier', () => {
  it('is a function of the content: the same inputs give the same file, another record another /ID', async () => {
    const certificate = validCertificate();
    const render = async (number: string): Promise<Buffer> =>
      (
        await renderCertificatePdf(
          { ...certificate, number },
          { resourcesDir, variant: 'issued', now: signingTime },
        )
      ).pdf;
    const [first, again, other] = await Promise.all([
      render('US10001'),
      render('US10001'),
      render('US10002'),
    ]);
    expect(first.equals(again)).toBe(true);
    const idOf = (pdf: Buffer): string =>
      /\/ID \[<([0-9A-F]{32})>/.exec(pdf.toString('latin1'))?.[1] ?? 'none';
    expect(idOf(first)).not.toBe('none');
    expect(idOf(other)).not.toBe(idOf(first));
  });
});
