// 31 CFR 592.307(k), 592.310: one HS subheading per certificate; every common written form of a
// code (6-digit HS with or without the dot, 8-digit HTSUS line, 10-digit statistical line) reads
// as the same subheading.
import { describe, expect, it } from 'vitest';
import { readCertificate } from '../../../shared/domain/certificate';
import { normalizeHsCode } from '../../../shared/domain/rules/hs-code-rules';
import { validateCertificate } from '../../../shared/domain/validate-certificate';
import { hsCodes } from '../../../shared/reference/reference-data';
import { draftWith, issueContext } from './certificate-fixtures';

/** The written forms of one 6-digit subheading "7102.ab" with its 8- and 10-digit lines. */
function writtenForms(code: string, line8: string, line10: string): string[] {
  const six = code.replace('.', '');
  return [
    code,
    six,
    `${code}.${line8}`,
    `${six}${line8}`,
    `${code}.${line8}${line10}`,
    `${code}.${line8}.${line10}`,
    `${six}${line8}${line10}`,
    `${six.slice(0, 4)} ${six.slice(4)} ${line8} ${line10}`,
    `${code}-${line8}-${line10}`,
    ` HS ${code} `,
    `HTSUS ${code}.${line8}`,
  ];
}

describe('HS code forms (31 CFR 592.307(k), 592.310)', () => {
  it('reads every written form of each rough-diamond code as its subheading', () => {
    for (const { code } of hsCodes) {
      for (const [line8, line10] of [
        ['00', '00'],
        ['10', '10'],
        ['40', '00'],
      ] as const) {
        for (const written of writtenForms(code, line8, line10)) {
          expect([written, normalizeHsCode(written)]).toEqual([written, code]);
          const report = validateCertificate(
            draftWith({ hsCodes: [written], carats: '1250.00' }),
            issueContext,
          );
          expect([written, report.findings]).toEqual([written, []]);
          expect(
            readCertificate(draftWith({ hsCodes: [written], carats: '1250.00' }), issueContext)
              .certificate?.hsCode,
          ).toBe(code);
        }
      }
    }
  });

  it('counts the same code written in two forms once', () => {
    expect(
      validateCertificate(
        draftWith({ hsCodes: ['7102.31', '7102.31.00', '7102310000'] }),
        issueContext,
      ).findings,
    ).toEqual([]);
  });

  it('still sees two different codes, also in one entry', () => {
    for (const hsCodes of [['7102.31.00', '7102.21.0000'], ['7102.31, 7102.21']]) {
      const codes = validateCertificate(draftWith({ hsCodes }), issueContext).findings.map(
        (f) => f.code,
      );
      expect(codes).toEqual(['HS_MULTIPLE']);
    }
  });

  it('refuses lengths that are no HS form and codes outside rough diamonds', () => {
    for (const written of ['7102', '7102.3', '7102.311', '7102.31.000', '7102.39.00', '7103.10']) {
      const codes = validateCertificate(
        draftWith({ hsCodes: [written], carats: '1250.00' }),
        issueContext,
      ).findings.map((f) => f.code);
      expect([written, codes]).toEqual([written, ['HS_UNKNOWN']]);
    }
  });
});
