// The preview against the real document: every word pdftotext reads from the certificate PDF is
// in the SVG preview painted from the same layout, and the seal's QR with its fixed mask decodes
// with zbarimg from pdftoppm's rendering for seals of any length a certificate produces.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCertificatePdf } from '../../../electron/core/documents/layout/render-certificate-pdf';
import { renderCertificatePreviewSvg } from '../../../electron/core/documents/layout/render-certificate-preview-svg';
import { resourcesDir, validCertificate } from '../../unit/documents/signed-certificate-fixture';
import { pdfWords, renderPage, tool } from './pdf-tools';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kp-preview-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const unescape = (text: string): string =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

describe('the SVG preview', () => {
  it('holds every word the PDF prints', async () => {
    const certificate = {
      ...validCertificate(),
      consignee: { name: 'Société Générale & Fils', address: 'Hoveniersstraat 2\n2018 Antwerpen' },
    };
    const { pdf } = await renderCertificatePdf(certificate, {
      resourcesDir,
      variant: 'issued',
      signatureBox: true,
    });
    const file = join(dir, 'preview-source.pdf');
    await writeFile(file, pdf);
    const svg = await renderCertificatePreviewSvg(certificate, { resourcesDir });
    const svgWords = new Set(
      [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].flatMap((m) =>
        unescape(m[1] ?? '').split(' '),
      ),
    );
    const words = (await pdfWords(file)).map((w) => w.text);
    expect(words.length).toBeGreaterThan(150);
    expect(words.filter((word) => !svgWords.has(word))).toEqual([]);
  });
});

describe('the seal QR with its fixed mask', () => {
  it('decodes from a 150 dpi rendering for seals of 300 to 700 characters', async () => {
    for (const length of [300, 420, 520, 600, 700]) {
      const seal = `KPS1.${randomBytes(length)
        .toString('base64url')
        .slice(0, length - 5)}`;
      const { pdf } = await renderCertificatePdf(validCertificate(), {
        resourcesDir,
        variant: 'issued',
        seal,
      });
      const file = join(dir, `qr-${String(length)}.pdf`);
      await writeFile(file, pdf);
      const png = join(dir, `qr-${String(length)}.png`);
      await writeFile(png, await renderPage(file, 150));
      expect((await tool('zbarimg', ['--raw', '-q', png])).trim()).toBe(seal);
    }
  });
});
