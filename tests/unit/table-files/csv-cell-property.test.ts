// CSV cells a spreadsheet shows as text: RFC 4180 quoting, and no cell that starts a formula
// (OWASP CSV injection: = + - @ tab and carriage return).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../../electron/core/table-files/csv-cell';

/** RFC 4180 reading of one cell, independent of the writer. */
function readCell(cell: string): string {
  if (!cell.startsWith('"')) return cell;
  expect(cell.endsWith('"')).toBe(true);
  return cell.slice(1, -1).replace(/""/g, '"');
}

describe('csvCell', () => {
  it('defuses each formula start with a visible apostrophe', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell('Ada Admin')).toBe('Ada Admin');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvLine(['1', 'x\ny'])).toBe('1,"x\ny"\r\n');
  });

  it('reads back as the text (with the apostrophe only before a formula start)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const back = readCell(csvCell(text));
        expect(/^[=+\-@\t\r]/.test(back)).toBe(false);
        expect(back).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
      }),
    );
  });
});
