// CSV cells for spreadsheets: RFC 4180 quoting and the formula-injection guard (OWASP "CSV
// injection"), and the reader taking the guard off again so an export imports back unchanged.
import { describe, expect, it } from 'vitest';
import { csvCell, readCsvCell } from '../../../electron/core/table-files/csv-cell';
import { readTableRows } from '../../../electron/core/table-files/read-table-rows';
import { partiesCsv } from '../../../electron/core/address-book-transfer/export-parties';

describe('csvCell', () => {
  it('guards every cell a spreadsheet would read as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}HYPERLINK("http://x")`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1+1')).toBe("'=1+1");
  });

  it('leaves ordinary text alone and quotes commas, quotes and line breaks', () => {
    expect(csvCell('Antwerp Diamond Co')).toBe('Antwerp Diamond Co');
    expect(csvCell('1 Road, Antwerp')).toBe('"1 Road, Antwerp"');
    expect(csvCell('A "B"')).toBe('"A ""B"""');
    expect(csvCell("O'Brien")).toBe("O'Brien");
  });

  it('reads back what it wrote, and only takes off its own apostrophe', () => {
    for (const text of ['=SUM(A1)', '-5', '@x', "O'Brien", "'quoted'", 'plain'])
      expect(readCsvCell(csvCell(text).replace(/^"|"$/g, ''))).toBe(text);
  });

  it('an exported address book with a formula-like name imports back unchanged', () => {
    const parties = [
      {
        kind: 'consignee' as const,
        name: '=HYPERLINK("x")',
        address: '+32 Road, Antwerp, Belgium',
        country: 'BE',
      },
    ];
    const text = partiesCsv(parties);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    const table = readTableRows(Buffer.from(text), 'book.csv', {
      columns: ['kind', 'name', 'address', 'country'],
      required: ['kind', 'name'],
    });
    expect(table.rows[0]).toMatchObject({ cells: parties[0] });
  });
});
