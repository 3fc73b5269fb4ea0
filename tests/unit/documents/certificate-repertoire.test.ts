// The certificate's repertoire: what its fixed font subset holds, and so what it can print.
// Latin, Greek and Cyrillic names print as typed; a script outside the repertoire is refused
// with the field and the character named, never printed as an empty box.
import { describe, expect, it } from 'vitest';
import { isAppFailure } from '../../../electron/core/app-failure';
import { assertPrintable } from '../../../electron/core/documents/layout/assert-printable';
import { loadCertificateFontFiles } from '../../../electron/core/documents/layout/certificate-fonts';
import {
  inCertificateRepertoire,
  repertoireCodePoints,
} from '../../../electron/core/documents/layout/certificate-repertoire';
import { fixedFontSubset } from '../../../electron/core/documents/layout/embedded-font-subset';
import { resourcesDir } from './signed-certificate-fixture';

function refusal(text: string): unknown {
  return loadCertificateFontFiles(resourcesDir).then(({ regular }) => {
    try {
      assertPrintable('consignee.name', text, regular.coverage);
      return null;
    } catch (error: unknown) {
      return error;
    }
  });
}

describe('the certificate repertoire', () => {
  it('holds Latin, Greek and Cyrillic letters and business punctuation', async () => {
    for (const name of [
      'Société Générale Diamants',
      'Łódź Diament Sp. z o.o.',
      'Antwerpen-Zürich',
      'Șantierul Naval Constanța',
      'Công ty Kim Cương Việt Nam',
      'Ελληνικά Διαμάντια Α.Ε.',
      'ООО «Алмазы Москвы»',
      'Price € 1,000 — “quoted” № 5 ™',
    ])
      expect(await refusal(name)).toBeNull();
  });

  it('refuses a character outside it, naming the field and the character', async () => {
    for (const [text, character] of [
      ['Հայաստան Diamonds', '"Հ"'],
      ['漢字 Trading', '"漢"'],
      ['Diamonds 💎 Inc', '"💎"'],
    ] as const) {
      const error = await refusal(text);
      expect(isAppFailure(error) && error.error.code).toBe('DOCUMENT_TEXT_UNSUPPORTED');
      expect(isAppFailure(error) && error.error.message).toContain(
        `consignee.name contains ${character}`,
      );
    }
  });

  it('is what the embedded subset encodes, glyph for glyph', async () => {
    const { regular, bold } = await loadCertificateFontFiles(resourcesDir);
    for (const file of [regular, bold]) {
      const subset = await fixedFontSubset(file);
      expect(subset.baseFontName).toMatch(/^[A-Z]{6}\+DejaVuSans/);
      const printable = repertoireCodePoints().filter((cp) =>
        file.coverage.hasGlyphForCodePoint(cp),
      );
      expect(printable.length).toBeGreaterThan(1200);
      const text = String.fromCodePoint(...printable);
      expect(subset.encodeHex(text)).toMatch(/^(?:[0-9A-F]{4})+$/);
      expect(() => subset.encodeHex('Ա')).toThrow();
    }
    expect(inCertificateRepertoire(0x41)).toBe(true);
    expect(inCertificateRepertoire(0x0531)).toBe(false);
  });
});
