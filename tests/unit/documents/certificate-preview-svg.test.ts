// @vitest-environment jsdom
// The preview of page 1 (documents:preview): an SVG painted from the same display list as the
// PDF. It must parse, say everything the certificate says, escape what the licensee typed, show
// blanks for what a draft does not have yet, and refuse what the PDF would refuse.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Certificate } from '../../../shared/domain/certificate';
import { formText } from '../../../shared/reference/reference-data';
import { isAppFailure } from '../../../electron/core/app-failure';
import { loadCertificateFontFiles } from '../../../electron/core/documents/layout/certificate-fonts';
import { layoutCertificatePage } from '../../../electron/core/documents/layout/certificate-page-layout';
import { previewRecordFromDraft } from '../../../electron/core/documents/layout/preview-record-from-draft';
import { renderCertificatePreviewSvg } from '../../../electron/core/documents/layout/render-certificate-preview-svg';
import { readCertificate } from '../../../shared/domain/certificate';
import { draftWith, issueContext, validDraft } from '../domain/certificate-fixtures';

// The jsdom environment has its own URL class, so the fonts are found from the repository root
// (vitest's working directory) rather than from import.meta.url.
const resourcesDir = join(process.cwd(), 'resources');

function validCertificate(): Certificate {
  const { certificate } = readCertificate(validDraft(), issueContext);
  if (certificate === null) throw new Error('the valid draft does not read as a certificate');
  return certificate;
}

type Parsed = { svg: Element; texts: string[]; document: Document };

function parse(svg: string): Parsed {
  // jsdom's DOMParser (this file runs in the jsdom environment), as a browser parses the SVG.
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  const root = document.documentElement;
  expect(root.tagName).toBe('svg');
  const texts = Array.from(root.getElementsByTagName('text'), (t) => t.textContent);
  return { svg: root, texts, document };
}

const seal = 'KPS1.eyJ2IjoxfQ.' + 'A'.repeat(86);

describe('the preview of an issued certificate', () => {
  it('parses as SVG on the page size and shows every label, form text and value', async () => {
    const certificate = validCertificate();
    const { svg, texts } = parse(
      await renderCertificatePreviewSvg(certificate, {
        resourcesDir,
        seal,
        signature: {
          signerName: 'Jane Doe',
          licenseeName: 'Hudson Rough Trading LLC',
          signingTime: new Date('2026-11-27T15:30:00Z'),
        },
      }),
    );
    expect(svg.getAttribute('viewBox')).toBe('0 0 792 612');
    const all = texts.join(' ');
    for (const label of formText.asPrinted.fieldLabels) expect(texts).toContain(label);
    for (const line of [...formText.asPrinted.titleLines, ...formText.footerLines])
      expect(texts).toContain(line);
    for (const value of [
      'CD – Congo, The Democratic Republic of the',
      '27 NOV 2026',
      '26 JAN 2027',
      'US$ 15,000.00',
      '12.50',
      '2',
      '7102.31',
      'X20261127123456',
      'Hudson Rough Trading LLC',
      '580 Fifth Avenue',
      'New York, NY 10036',
      'Diamant Import NV',
      'Hoveniersstraat 30',
      '2018 Antwerp',
      'Digitally signed by Jane Doe',
      'KP certificate US12345',
    ])
      expect(texts).toContain(value);
    expect(texts.filter((t) => t === 'US12345')).toHaveLength(2);
    expect(all).not.toContain('VOID');
    // The seal's QR: one path of module runs in the seal box.
    expect(svg.getElementsByTagName('path')).toHaveLength(1);
  });

  it('places each text exactly where the PDF layout puts it', async () => {
    const certificate = validCertificate();
    const files = await loadCertificateFontFiles(resourcesDir);
    const page = layoutCertificatePage(certificate, files, { sealBox: false, signatureBox: true });
    const { svg } = parse(await renderCertificatePreviewSvg(certificate, { resourcesDir }));
    const drawn = Array.from(svg.getElementsByTagName('text'), (t) => ({
      text: t.textContent,
      x: Number(t.getAttribute('x')),
      y: 612 - Number(t.getAttribute('y')),
      size: Number(t.getAttribute('font-size')),
    }));
    const laidOut = page.list.items.flatMap((item) => (item.kind === 'text' ? [item] : []));
    expect(drawn).toHaveLength(laidOut.length);
    laidOut.forEach((item, index) => {
      const svgText = drawn[index];
      expect(svgText?.text).toBe(item.text);
      expect(svgText?.x).toBeCloseTo(item.x, 2);
      expect(svgText?.y).toBeCloseTo(item.y, 2);
      expect(svgText?.size).toBeCloseTo(item.size, 2);
    });
  });

  it('escapes what the licensee typed', async () => {
    const hostile = `Evil <script>alert("x")</script> & 'Co' ]]> <!--`;
    const certificate: Certificate = {
      ...validCertificate(),
      consignee: { name: hostile, address: '<svg onload="x()">' },
    };
    const source = await renderCertificatePreviewSvg(certificate, { resourcesDir });
    const { document, texts } = parse(source);
    expect(document.getElementsByTagName('script')).toHaveLength(0);
    expect(source).not.toContain('<script');
    expect(source).not.toContain('onload="');
    const joined = texts.join(' ');
    // Wrapped over lines, but every character as typed.
    expect(joined.replace(/\s+/g, ' ')).toContain('Evil <script>alert("x")</script>');
    expect(joined).toContain('<svg onload="x()">');
  });

  it('shows the VOID stamp and its reason for a voided record', async () => {
    const { texts } = parse(
      await renderCertificatePreviewSvg(validCertificate(), {
        resourcesDir,
        voidStamp: { reason: 'Printer error', date: '2026-12-01' },
      }),
    );
    expect(texts).toContain('VOID');
    expect(texts).toContain('VOIDED 2026-12-01 — Printer error');
  });
});

describe('the preview of a draft', () => {
  it('shows what is typed and leaves the number, ITN and seal blank', async () => {
    const draft = draftWith({ number: '', itn: '', carats: '12.5x' });
    const { svg, texts } = parse(
      await renderCertificatePreviewSvg(previewRecordFromDraft(draft), { resourcesDir }),
    );
    expect(texts).toContain('Diamant Import NV');
    expect(texts).toContain('US$ 15,000.00');
    expect(texts.join(' ')).not.toMatch(/US\d{5}/);
    expect(texts).not.toContain('X20261127123456');
    expect(texts).not.toContain('12.5x');
    expect(svg.getElementsByTagName('path')).toHaveLength(0);
  });

  it('shows the number and ITN once they are typed', async () => {
    const { texts } = parse(
      await renderCertificatePreviewSvg(previewRecordFromDraft(validDraft()), { resourcesDir }),
    );
    expect(texts.filter((t) => t === 'US12345')).toHaveLength(2);
    expect(texts).toContain('X20261127123456');
    expect(texts).toContain('12.50');
  });

  it('refuses what the certificate cannot print, naming the field', async () => {
    const draft = draftWith({ consignee: { name: '漢字 Trading Co.' } });
    const failure: unknown = await renderCertificatePreviewSvg(previewRecordFromDraft(draft), {
      resourcesDir,
    }).catch((error: unknown) => error);
    expect(isAppFailure(failure) && failure.error.code).toBe('DOCUMENT_TEXT_UNSUPPORTED');
    expect(isAppFailure(failure) && failure.error.fields).toHaveProperty(['consignee.name']);
  });
});
