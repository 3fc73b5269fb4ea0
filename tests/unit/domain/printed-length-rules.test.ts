// What the certificate page can hold, as rules (issue 11, point 8): a text too long for its box
// is a finding on its field, never an internal error at issuance. The longest texts accepted
// here are laid out, sealed and signed in tests/integration/documents/longest-certificate.test.ts.
import { describe, expect, it } from 'vitest';
import { readCertificate } from '../../../shared/domain/certificate';
import {
  ADDRESS_CHARACTERS_PER_LINE,
  NAME_MAX_CHARACTERS,
  PARTY_BOX_LINES,
} from '../../../shared/domain/rules/printed-length-rules';
import { validateCertificate } from '../../../shared/domain/validate-certificate';
import { draftWith, issueContext } from './certificate-fixtures';
import { longestDraft, wideText } from './longest-draft';

const codes = (patch: Parameters<typeof draftWith>[0]) =>
  validateCertificate(draftWith(patch), issueContext).findings.map((f) => [f.code, f.field]);

describe('printed lengths (31 CFR 592.307(g); the certificate layout)', () => {
  it('accepts the longest texts the boxes hold', () => {
    const { report, certificate } = readCertificate(longestDraft(), issueContext);
    expect(report.findings).toEqual([]);
    expect(certificate?.exporter.name).toHaveLength(NAME_MAX_CHARACTERS);
  });

  it('refuses a name one character too long, on the name', () => {
    expect(codes({ exporter: { name: wideText(NAME_MAX_CHARACTERS + 1) } })).toEqual([
      ['EXPORTER_NAME_TOO_LONG', 'exporter.name'],
    ]);
    expect(codes({ consignee: { name: wideText(NAME_MAX_CHARACTERS + 1) } })).toEqual([
      ['CONSIGNEE_NAME_TOO_LONG', 'consignee.name'],
    ]);
  });

  it('refuses a 1,600-character name with a finding that says what to do', () => {
    const [finding] = validateCertificate(
      draftWith({ consignee: { name: wideText(1600) } }),
      issueContext,
    ).findings;
    expect(finding).toMatchObject({
      code: 'CONSIGNEE_NAME_TOO_LONG',
      field: 'consignee.name',
      severity: 'error',
      source: '31 CFR 592.307(g); the certificate layout (what its boxes print)',
    });
    expect(finding?.message).toContain('1600 characters');
    expect(finding?.message).toContain(`at most ${String(NAME_MAX_CHARACTERS)}`);
  });

  it('refuses a name and address that need more lines than the box has, on the address', () => {
    const lines = [...Array.from({ length: PARTY_BOX_LINES - 1 }, () => wideText(20)), 'USA'].join(
      '\n',
    );
    expect(codes({ exporter: { address: lines } })).toEqual([
      ['EXPORTER_ADDRESS_TOO_LONG', 'exporter.address'],
    ]);
    const one = `${wideText(ADDRESS_CHARACTERS_PER_LINE * 6 + 1)}\nBelgium`;
    expect(codes({ consignee: { address: one } })).toEqual([
      ['CONSIGNEE_ADDRESS_TOO_LONG', 'consignee.address'],
    ]);
  });

  it('counts printed characters: runs of spaces and blank lines do not count', () => {
    const spaced = `${wideText(40)}${' '.repeat(300)}${wideText(40)}`;
    expect(codes({ exporter: { name: spaced } })).toEqual([]);
    expect(
      codes({ exporter: { address: `580 Fifth Avenue\n\n\n\n\n\n\n\nNew York, USA` } }),
    ).toEqual([]);
  });

  it('refuses a certificate number too long for its line, on the number', () => {
    expect(codes({ number: 'US1234567890' })).toEqual([]);
    expect(codes({ number: 'US12345678901' })).toEqual([['NUMBER_TOO_LONG', 'number']]);
    expect(codes({ number: `US${'1'.repeat(1600)}` })).toEqual([['NUMBER_TOO_LONG', 'number']]);
  });
});
