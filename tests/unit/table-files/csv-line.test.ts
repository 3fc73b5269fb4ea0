// CSV cells of the review's export: anything a spreadsheet would run as a formula is prefixed
// with an apostrophe (= + - @ tab CR), and RFC 4180 quoting still applies afterwards.
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../../electron/core/table-files/csv-cell';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('prefixes %j so it stays text', (raw, written) => {
    expect(csvCell(raw)).toBe(written);
  });

  it('leaves ordinary text alone and quotes commas, quotes and line ends', () => {
    expect(csvCell('US12341')).toBe('US12341');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('')).toBe('');
    // Only the first character counts: a minus inside is not a formula.
    expect(csvCell('US12341-US12345')).toBe('US12341-US12345');
  });

  it('joins a line with CRLF', () => {
    expect(csvLine(['a', '=b', 'c,d'])).toBe(`a,'=b,"c,d"\r\n`);
  });
});
