import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFindingsTable, formatSummary } from '../../../cli/format-findings';
import { wrapText } from '../../../cli/wrap-text';
import type { Finding } from '../../../shared/domain/finding';
import { summarize } from '../../../shared/domain/validate-certificate';

const warningFinding: Finding = {
  severity: 'warning',
  field: 'itn',
  code: 'ITN_FAR_FROM_ISSUE',
  message: 'The ITN date is 45 days from the date of issue. It may belong to another shipment.',
  source: '15 CFR 30.4 (predeparture filing); 30.7(c)',
};
const errorFinding: Finding = {
  severity: 'error',
  field: 'consignee.address',
  code: 'CONSIGNEE_ADDRESS_NO_DESTINATION',
  message:
    "The consignee's address must name the country of destination (Belgium), so that the importing authority can match the shipment to its certificate.",
  source: '31 CFR 592.307(g); Census 2019 licensee guidance',
};

describe('formatFindingsTable', () => {
  it('is empty when there are no findings', () => {
    expect(formatFindingsTable([], 100)).toBe('');
  });

  it('has the five headers and puts errors before warnings', () => {
    const lines = formatFindingsTable([warningFinding, errorFinding], 120).split('\n');
    expect(lines[0]?.split(/\s{2,}/)).toEqual(['SEVERITY', 'FIELD', 'CODE', 'MESSAGE', 'SOURCE']);
    const starts = lines.filter((line) => /^\S/.test(line)).slice(1);
    expect(starts.map((line) => line.split(/\s+/)[0])).toEqual(['ERROR', 'WARNING']);
  });

  it('wraps messages and sources within the width and keeps every word', () => {
    const table = formatFindingsTable([errorFinding, warningFinding], 130);
    const lines = table.trimEnd().split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(130);
    expect(lines.length).toBeGreaterThan(3);
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    const tableWords = words(table);
    for (const word of [...words(errorFinding.message), ...words(errorFinding.source)]) {
      expect(tableWords).toContain(word);
    }
    // Continuation lines leave the first three columns blank, so each row reads as one block.
    const messageColumn = lines[0]?.indexOf('MESSAGE') ?? -1;
    for (const line of lines.slice(2).filter((l) => /^\s/.test(l))) {
      expect(line.slice(0, messageColumn).trim()).toBe('');
    }
    for (const line of lines) expect(line).toBe(line.trimEnd());
  });
  it('prints one block per finding, within the width, when a table would not fit', () => {
    const text = formatFindingsTable([warningFinding, errorFinding], 80);
    const lines = text.trimEnd().split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(text).not.toContain('SEVERITY');
    const blocks = text.trimEnd().split('\n\n');
    expect(blocks.map((block) => block.split('\n')[0])).toEqual([
      'ERROR  consignee.address  CONSIGNEE_ADDRESS_NO_DESTINATION',
      'WARNING  itn  ITN_FAR_FROM_ISSUE',
    ]);
    expect(blocks[0]?.replace(/\s+/g, ' ')).toContain(`Source: ${errorFinding.source}`);
  });
});

describe('formatSummary', () => {
  it('counts errors and warnings with correct plurals', () => {
    expect(formatSummary(summarize([errorFinding, errorFinding, warningFinding]), 'US1')).toBe(
      '2 errors, 1 warning\n',
    );
    expect(formatSummary(summarize([errorFinding]), 'US1')).toBe('1 error, 0 warnings\n');
  });

  it('names the certificate when there is nothing to report', () => {
    expect(formatSummary(summarize([]), 'US12345')).toBe(
      'No findings: US12345 meets the US rules.\n',
    );
    expect(formatSummary(summarize([]), '')).toContain('the certificate meets');
  });
});

describe('wrapText', () => {
  it('keeps lines within the width and the words in order', () => {
    const word = fc.stringMatching(/^[a-z0-9().;$]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 40 }),
        fc.integer({ min: 12, max: 80 }),
        (words, width) => {
          const lines = wrapText(words.join(' '), width);
          for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
          expect(lines.join(' ').split(' ').filter(Boolean)).toEqual(words);
        },
      ),
    );
  });

  it('cuts a word longer than the column instead of overflowing', () => {
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
