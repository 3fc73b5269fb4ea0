// Sources become eCFR links only where they cite the CFR; the text is never altered.
import { describe, expect, it } from 'vitest';
import { sources } from '../../../shared/domain/sources';
import { sourceParts } from '../../../renderer/src/certificate/cfr-links';

const links = (source: string) =>
  sourceParts(source)
    .filter((part) => part.href !== undefined)
    .map((part) => [part.text, part.href]);

describe('sourceParts', () => {
  it('links a section with its paragraph', () => {
    expect(links('31 CFR 592.307(b)')).toEqual([
      ['31 CFR 592.307(b)', 'https://www.ecfr.gov/current/title-31/section-592.307#p-592.307(b)'],
    ]);
  });

  it('carries the title over to bare sections after it, and links whole parts', () => {
    expect(links('31 CFR 592.307(l); 592.301(a)(5); 15 CFR 30.7(c)')).toEqual([
      ['31 CFR 592.307(l)', 'https://www.ecfr.gov/current/title-31/section-592.307#p-592.307(l)'],
      ['592.301(a)(5)', 'https://www.ecfr.gov/current/title-31/section-592.301#p-592.301(a)(5)'],
      ['15 CFR 30.7(c)', 'https://www.ecfr.gov/current/title-15/section-30.7#p-30.7(c)'],
    ]);
    expect(links('E.O. 14068; 31 CFR 587 (Russia)')).toEqual([
      ['31 CFR 587', 'https://www.ecfr.gov/current/title-31/part-587'],
    ]);
  });

  it('leaves text without a CFR citation alone', () => {
    expect(links('USKPA (expiry at most 60 days after issue); Census 2019')).toEqual([]);
    expect(links('E.O. 14068')).toEqual([]);
  });

  it.each(Object.entries(sources))('keeps the text of source %s intact', (_name, source) => {
    const parts = sourceParts(source);
    expect(parts.map((part) => part.text).join('')).toBe(source);
    for (const part of parts) {
      if (part.href !== undefined)
        expect(part.href).toMatch(/^https:\/\/www\.ecfr\.gov\/current\/title-\d+\//);
    }
    expect(parts.some((part) => part.href !== undefined)).toBe(source.includes('CFR'));
  });
});
