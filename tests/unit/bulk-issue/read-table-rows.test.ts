// The CSV/JSON reader of bulk files: RFC 4180 quoting (by csv-parse), problems of the whole file
// refuse it, problems of one row stay that row's, so the other rows can still be issued.
import { describe, expect, it } from 'vitest';
import { readTableRows } from '../../../electron/core/table-files/read-table-rows';
import { isAppFailure } from '../../../electron/core/app-failure';

const shape = { columns: ['kind', 'name', 'address', 'country'], required: ['kind', 'name'] };
const csv = (text: string) => readTableRows(Buffer.from(text), 'book.csv', shape);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error: unknown) {
    if (isAppFailure(error)) return `${error.error.code}: ${error.error.message}`;
    throw error;
  }
  throw new Error('not refused');
}

describe('readTableRows', () => {
  it('reads quoted cells with commas, quotes and line breaks, a BOM and CRLF lines', () => {
    const table = csv(
      '\uFEFFkind,name,address,country\r\nconsignee,"A ""B"" C","1 Road,\nAntwerp",BE\r\n\r\nexporter,D,E,US\r\n',
    );
    expect(table.format).toBe('csv');
    expect(table.rows).toEqual([
      {
        row: 1,
        line: 3,
        cells: { kind: 'consignee', name: 'A "B" C', address: '1 Road,\nAntwerp', country: 'BE' },
      },
      { row: 2, line: 5, cells: { kind: 'exporter', name: 'D', address: 'E', country: 'US' } },
    ]);
  });

  it('keeps a row with the wrong number of cells as that row’s problem', () => {
    const table = csv('kind,name\nconsignee,A\nconsignee,B,extra\nexporter\n');
    expect(table.rows.map((row) => ('problem' in row ? row.problem : 'ok'))).toEqual([
      'ok',
      'This line has 3 cells; the header has 2.',
      'This line has 1 cells; the header has 2.',
    ]);
  });

  it('refuses the file for an unknown, repeated or missing column, broken quoting, or non-UTF-8', () => {
    expect(refusal(() => csv('kind,nme\n'))).toMatch(
      /^INVALID_INPUT: book.csv: "nme" is not a column/,
    );
    expect(refusal(() => csv('kind,name,kind\n'))).toContain('appears twice');
    expect(refusal(() => csv('kind,address\n'))).toContain('required column(s) name');
    expect(refusal(() => csv('kind,name\nconsignee,"open\n'))).toContain('cannot be read as CSV');
    expect(refusal(() => csv(''))).toContain('no header line');
    expect(
      refusal(() => readTableRows(Buffer.from([0x6b, 0x69, 0xff, 0x0a]), 'book.csv', shape)),
    ).toContain('not UTF-8');
    expect(refusal(() => readTableRows(Buffer.from('[]'), 'book.xlsx', shape))).toContain(
      '.csv or a .json',
    );
  });

  it('reads a JSON array; a non-object element or an unknown field is that row’s problem', () => {
    const table = readTableRows(
      Buffer.from(JSON.stringify([{ kind: 'consignee', name: 'A' }, 7, { kind: 'x', nam: 'B' }])),
      'book.JSON',
      shape,
    );
    expect(table.rows).toEqual([
      { row: 1, line: null, cells: { kind: 'consignee', name: 'A' } },
      { row: 2, line: null, problem: 'This element of the array is not an object.' },
      { row: 3, line: null, problem: '"nam" is not a field of this format.' },
    ]);
    expect(refusal(() => readTableRows(Buffer.from('{"rows":[]}'), 'b.json', shape))).toContain(
      'JSON array',
    );
    expect(refusal(() => readTableRows(Buffer.from('[{'), 'b.json', shape))).toContain(
      'not valid JSON',
    );
  });
});
