// The full certificate, its VOID copy and the print-on-form overlay, generated for real and
// checked with outside tools: qpdf (structure), pdffonts (embedded subsets), pdftotext (every
// label and value, exactly), pdfinfo (metadata, page size) and pdftoppm (the page is drawn).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Certificate } from '../../../shared/domain/certificate';
import { readCertificate } from '../../../shared/domain/certificate';
import { CertificateDraftSchema } from '../../../shared/domain/certificate-draft';
import { formText } from '../../../shared/reference/reference-data';
import { isAppFailure } from '../../../electron/core/app-failure';
import { renderCalibrationPageBytes } from '../../../electron/core/documents/layout/render-calibration-page';
import {
  renderCertificatePdf,
  renderCertificatePdfBytes,
} from '../../../electron/core/documents/layout/render-certificate-pdf';
import type { RenderCertificateOptions } from '../../../electron/core/documents/layout/render-certificate-pdf';
import { renderOverlayPdfBytes } from '../../../electron/core/documents/layout/render-overlay-pdf';
import { issueContext } from '../../unit/domain/certificate-fixtures';
import { countPixels, decodePng } from './png-pixels';
import { pdfText, pdfWords, renderPage, tool } from './pdf-tools';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const resourcesDir = join(repoRoot, 'resources');
const now = new Date('2026-11-27T15:30:00Z');
const issued: RenderCertificateOptions = {
  resourcesDir,
  variant: 'issued',
  now,
  producer: 'KP Desk 9.9.9-test',
};

let dir = '';
let valid: Certificate;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kpdesk-layout-'));
  const json: unknown = JSON.parse(
    await readFile(join(repoRoot, 'tests/fixtures/certificates/valid.json'), 'utf8'),
  );
  const reading = readCertificate(CertificateDraftSchema.parse(json), issueContext);
  if (reading.certificate === null) throw new Error('valid.json no longer reads as a certificate');
  valid = reading.certificate;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  return file;
}

/** Collapses the line breaks pdftotext puts into wrapped text. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');
const occurrences = (text: string, word: string): number => text.split(word).length - 1;

async function renderError(certificate: Certificate): Promise<unknown> {
  try {
    await renderCertificatePdf(certificate, issued);
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected the render to be refused');
}

describe('the full certificate', () => {
  it('passes qpdf, embeds subset fonts and carries its metadata', async () => {
    const file = await write('valid.pdf', await renderCertificatePdfBytes(valid, issued));
    expect(await tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
    const fonts = (await tool('pdffonts', [file])).trim().split('\n').slice(2);
    expect(fonts.length).toBe(2);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+DejaVuSans/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/); // emb, sub, uni
    }
    const info = await tool('pdfinfo', [file]);
    expect(info).toMatch(/^Title:\s+Kimberley Process Certificate US12345$/m);
    expect(info).toMatch(/^Subject:\s+US12345$/m);
    expect(info).toMatch(/^Producer:\s+KP Desk 9\.9\.9-test$/m);
    expect(info).toMatch(/^Creator:\s+KP Desk$/m);
    expect(info).toMatch(/^CreationDate:\s+Fri Nov 27 15:30:00 2026 UTC$/m);
    expect(info).toMatch(/^Page size:\s+792 x 612 pts \(letter\)$/m);
    expect(info).toMatch(/^Pages:\s+1$/m);
  });

  it('prints every label, the form text and every value, and the number twice', async () => {
    const text = await pdfText(
      await write('text.pdf', await renderCertificatePdfBytes(valid, issued)),
    );
    const all = flat(text);
    for (const label of formText.asPrinted.fieldLabels) expect(text).toContain(label);
    for (const line of [
      ...formText.asPrinted.titleLines,
      ...formText.asPrinted.aesBlock,
      ...formText.footerLines,
      formText.asPrinted.statement,
      formText.asPrinted.issuingAuthorityLine,
    ])
      expect(all).toContain(line);
    for (const value of [
      'CD – Congo, The Democratic Republic of the',
      '27 NOV 2026',
      '26 JAN 2027',
      'US$ 15,000.00',
      '12.50',
      '7102.31',
      'X20261127123456',
      'Hudson Rough Diamond Trading LLC',
      '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States',
      'Schupstraat Diamonds BV',
      'Schupstraat 21, 2018 Antwerp, Belgium',
    ])
      expect(all).toContain(value);
    expect(text).toMatch(/^2$/m); // parcels, alone in its box
    expect(occurrences(text, 'US12345')).toBe(2);
  });

  it('prints accented names exactly and asterisks for mixed origin', async () => {
    const certificate: Certificate = {
      ...valid,
      countryOfOrigin: '****',
      exporter: {
        name: 'Łódź Diament Sp. z o.o.',
        address: 'ul. Piotrkowska 104\n90-001 Łódź\nPoland',
      },
      consignee: {
        name: 'Société Générale Diamants',
        address: 'Hoveniersstraat 2\nAntwerpen-Zürich Kantoor\nBelgium',
      },
      caratHundredths: 123456789,
      valueCents: 98765432101,
    };
    const text = await pdfText(
      await write('accents.pdf', await renderCertificatePdfBytes(certificate, issued)),
    );
    for (const exact of [
      'Łódź Diament Sp. z o.o.',
      '90-001 Łódź',
      'Société Générale Diamants',
      'Antwerpen-Zürich Kantoor',
    ])
      expect(text).toContain(exact);
    expect(text).toMatch(/^\*\*\*\*$/m);
    expect(text).not.toContain('Congo');
    expect(text).toContain('1,234,567.89');
    expect(text).toContain('US$ 987,654,321.01');
  });

  it('is drawn: pdftoppm renders a page that is not blank', async () => {
    const png = await renderPage(
      await write('drawn.pdf', await renderCertificatePdfBytes(valid, issued)),
      50,
    );
    const pixels = decodePng(png);
    expect([pixels.width, pixels.height]).toEqual([550, 425]);
    const inked = countPixels(pixels, (r, g, b) => r + g + b < 600);
    // Frames, boxes and text cover a few per cent of the page; a blank page has none.
    expect(inked / (pixels.width * pixels.height)).toBeGreaterThan(0.02);
  });

  it('draws the seal QR in its box, readable, and reserves the signature rectangle', async () => {
    const payload = 'KP-LAYOUT-TEST US12345 X20261127123456';
    const { pdf, signatureRect, sealRect } = await renderCertificatePdf(valid, {
      ...issued,
      seal: payload,
      signatureBox: true,
    });
    const [x1, y1, x2, y2] = signatureRect ?? [0, 0, 0, 0];
    expect(x2 - x1).toBeGreaterThanOrEqual(200);
    expect(y2 - y1).toBeGreaterThanOrEqual(50);
    const [s1, t1, s2, t2] = sealRect;
    // 122 pt: a 700-character seal (QR version 20, 97 modules) gets 2.6 px per module at 150 dpi;
    // at 90 pt (1.9 px) zbarimg missed about one seal in six.
    expect([s2 - s1, t2 - t1]).toEqual([122, 122]);
    expect(s2 <= x1 || x2 <= s1 || t2 <= y1 || y2 <= t1).toBe(true); // no overlap
    const file = await write('sealed.pdf', pdf);
    expect(await tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
    const png = await write('sealed.png', await renderPage(file, 150));
    expect((await tool('zbarimg', ['--raw', '-q', png])).trim()).toBe(payload);
    expect((await renderCertificatePdf(valid, issued)).signatureRect).toBeNull();
  });

  it('refuses a character the font cannot print, naming the field and the character', async () => {
    const error = await renderError({
      ...valid,
      consignee: { ...valid.consignee, name: '漢字 Trading Co.' },
    });
    expect(isAppFailure(error)).toBe(true);
    if (!isAppFailure(error)) return;
    expect(error.error.code).toBe('DOCUMENT_TEXT_UNSUPPORTED');
    expect(error.error.message).toContain('consignee.name contains "漢"');
    expect(error.error.fields).toHaveProperty(['consignee.name']);
  });

  it('refuses right-to-left text, which would print reversed', async () => {
    const error = await renderError({
      ...valid,
      exporter: { ...valid.exporter, address: 'רחוב הרצל 1' },
    });
    expect(isAppFailure(error) && error.error.code).toBe('DOCUMENT_TEXT_UNSUPPORTED');
    expect(isAppFailure(error) && error.error.fields).toHaveProperty(['exporter.address']);
  });

  it('wraps a long address inside its box and refuses one that cannot fit', async () => {
    const long =
      'Diamond Exchange Building, Floor 12, Office 1204, 3 Jabotinsky Street, Ramat Gan 5252003, Israel';
    const file = await write(
      'long.pdf',
      await renderCertificatePdfBytes(
        { ...valid, consignee: { ...valid.consignee, address: long } },
        issued,
      ),
    );
    const words = await pdfWords(file);
    // The consignee box: x 36–540 pt, y 272–356 pt from the bottom (256–340 pt from the top).
    const box = words.filter((w) => w.yMin > 256 + 15 && w.yMax < 340 && w.xMin < 540);
    // All words printed, on more than one line, all inside the consignee box (x 36–540 pt).
    expect(box.map((w) => w.text).join(' ')).toBe(`${valid.consignee.name} ${long}`);
    expect(new Set(box.map((w) => w.yMin)).size).toBeGreaterThan(1);
    for (const word of box) expect(word.xMax).toBeLessThanOrEqual(540 - 6);

    const error = await renderError({
      ...valid,
      exporter: { ...valid.exporter, address: `${long}\n`.repeat(10) },
    });
    expect(isAppFailure(error) && error.error.code).toBe('DOCUMENT_TEXT_TOO_LONG');
    expect(isAppFailure(error) && error.error.fields).toHaveProperty(['exporter.address']);
  });
});

describe('the VOID copy', () => {
  it('carries the stamp, the void date and the reason over the same certificate', async () => {
    const bytes = await renderCertificatePdfBytes(valid, {
      ...issued,
      variant: 'void',
      voidStamp: { reason: 'Printer error', date: '2026-12-01' },
    });
    const file = await write('void.pdf', bytes);
    const text = flat(await pdfText(file));
    expect(text).toContain('VOID');
    expect(text).toContain('VOIDED 2026-12-01 — Printer error');
    expect(text).toContain('X20261127123456');
    expect(await tool('pdfinfo', [file])).toMatch(
      /^Title:\s+Kimberley Process Certificate US12345 \(VOID\)$/m,
    );
    const red = (png: Uint8Array) =>
      countPixels(decodePng(png), (r, g, b) => r > 150 && r - g > 30 && r - b > 30);
    const issuedFile = await write(
      'issued-for-void.pdf',
      await renderCertificatePdfBytes(valid, issued),
    );
    expect(red(await renderPage(issuedFile, 50))).toBe(0);
    expect(red(await renderPage(file, 50))).toBeGreaterThan(2000);
  });
});

describe('the print-on-form overlay', () => {
  const wordAt = async (bytes: Uint8Array, name: string, word: string) => {
    const found = (await pdfWords(await write(name, bytes))).find((w) => w.text === word);
    if (!found) throw new Error(`${word} not printed`);
    return found;
  };

  it('prints the values only, no labels, title or number', async () => {
    const file = await write(
      'overlay.pdf',
      await renderOverlayPdfBytes(valid, { resourcesDir, now }),
    );
    const text = flat(await pdfText(file));
    for (const value of [
      'X20261127123456',
      'US$ 15,000.00',
      '27 NOV 2026',
      'Schupstraat Diamonds BV',
      '7102.31',
    ])
      expect(text).toContain(value);
    for (const label of [
      ...formText.asPrinted.fieldLabels,
      ...formText.asPrinted.titleLines,
      'Issuing Authority',
    ])
      expect(text).not.toContain(label);
    expect(text).not.toContain('US12345');
    expect(await tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
    expect(await tool('pdfinfo', [file])).toMatch(/^Page size:\s+792 x 612 pts/m);
  });

  it('sits where the full certificate prints its values', async () => {
    const onForm = await wordAt(
      await renderOverlayPdfBytes(valid, { resourcesDir }),
      'o1.pdf',
      'X20261127123456',
    );
    const full = await wordAt(
      await renderCertificatePdfBytes(valid, issued),
      'f1.pdf',
      'X20261127123456',
    );
    expect(onForm.xMin).toBeCloseTo(full.xMin, 1);
    expect(onForm.yMin).toBeCloseTo(full.yMin, 1);
  });

  it('moves by the printer calibration offsets and scales about the top-left corner', async () => {
    const plain = await wordAt(
      await renderOverlayPdfBytes(valid, { resourcesDir }),
      'o2.pdf',
      'X20261127123456',
    );
    const moved = await wordAt(
      await renderOverlayPdfBytes(valid, {
        resourcesDir,
        calibration: { offsetX: 9, offsetY: -4.5 },
      }),
      'o3.pdf',
      'X20261127123456',
    );
    expect(moved.xMin - plain.xMin).toBeCloseTo(9, 1);
    expect(moved.yMin - plain.yMin).toBeCloseTo(4.5, 1); // offsetY up is positive; bbox y runs down
    const scaled = await wordAt(
      await renderOverlayPdfBytes(valid, {
        resourcesDir,
        calibration: { offsetX: 0, offsetY: 0, scale: 1.05 },
      }),
      'o4.pdf',
      'X20261127123456',
    );
    expect(scaled.xMin).toBeCloseTo(plain.xMin * 1.05, 1);
    expect(scaled.yMin).toBeCloseTo(plain.yMin * 1.05, 1);
  });

  it('refuses an out-of-range calibration', async () => {
    const refused: unknown = await renderOverlayPdfBytes(valid, {
      resourcesDir,
      calibration: { offsetX: Number.NaN, offsetY: 500 },
    }).catch((error: unknown) => error);
    expect(isAppFailure(refused) && refused.error.code).toBe('INVALID_INPUT');
    expect(isAppFailure(refused) && Object.keys(refused.error.fields ?? {})).toEqual([
      'offsetX',
      'offsetY',
    ]);
  });
});

describe('the calibration page', () => {
  it('prints crosshairs with their coordinates, shifted by the calibration under test', async () => {
    const plain = await write('cal.pdf', await renderCalibrationPageBytes({ resourcesDir, now }));
    const text = flat(await pdfText(plain));
    for (const point of [
      '(72, 540) pt',
      '(720, 540) pt',
      '(396, 306) pt',
      '(72, 72) pt',
      '(720, 72) pt',
    ])
      expect(text).toContain(point);
    expect(text).toContain('25.4 mm / 1.00 in from left');
    expect(await tool('qpdf', ['--check', plain])).toContain('No syntax or stream encoding errors');
    const shifted = await write(
      'cal2.pdf',
      await renderCalibrationPageBytes({ resourcesDir, calibration: { offsetX: -6, offsetY: 3 } }),
    );
    const find = async (file: string) => (await pdfWords(file)).find((w) => w.text === '(396,');
    const [a, b] = [await find(plain), await find(shifted)];
    expect((b?.xMin ?? 0) - (a?.xMin ?? 0)).toBeCloseTo(-6, 1);
    expect((b?.yMin ?? 0) - (a?.yMin ?? 0)).toBeCloseTo(-3, 1);
    expect(flat(await pdfText(shifted))).toContain('offset X -6.0 pt, offset Y 3.0 pt');
  });
});
