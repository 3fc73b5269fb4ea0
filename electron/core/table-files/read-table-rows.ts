// Reads a file of rows a shipping system or a spreadsheet wrote, CSV or JSON, into one object per
// row, numbered as a user finds them (row 1 = the first data row; for CSV also the line where the
// row ends). CSV is parsed by csv-parse (RFC 4180: quoted cells with commas, quotes and line
// breaks), with a header line naming the columns. Problems of the whole file (not CSV or JSON, an
// unknown or repeated column, a quote never closed) refuse the file; a row with the wrong number
// of cells, or a JSON element that is not an object, is a problem of that row only, so the other
// rows can still be used.
import { parse } from 'csv-parse/sync';
import { AppFailure } from '../app-failure';
import { readCsvCell } from './csv-cell';

export type TableRow =
  | { row: number; line: number | null; cells: Record<string, unknown> }
  | { row: number; line: number | null; problem: string };

export type TableFile = { format: 'csv' | 'json'; rows: TableRow[] };

export type TableShape = {
  /** Every column a row may have. */
  columns: readonly string[];
  /** Columns a CSV header must name. */
  required: readonly string[];
};

const refuse = (message: string): AppFailure =>
  new AppFailure('INVALID_INPUT', message, { file: message });

export function tableFormatOf(fileName: string): 'csv' | 'json' {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'json';
  throw refuse(`${fileName}: name a .csv or a .json file (the extension says which it is).`);
}

function readJson(text: string, fileName: string, shape: TableShape): TableRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error: unknown) {
    throw refuse(
      `${fileName} is not valid JSON (${error instanceof Error ? error.message : 'unreadable'}).`,
    );
  }
  if (!Array.isArray(parsed))
    throw refuse(`${fileName} must hold a JSON array of rows, [ { ... }, { ... } ].`);
  return parsed.map((value: unknown, index): TableRow => {
    const row = index + 1;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { row, line: null, problem: 'This element of the array is not an object.' };
    const unknown = Object.keys(value).find((key) => !shape.columns.includes(key));
    if (unknown !== undefined)
      return { row, line: null, problem: `"${unknown}" is not a field of this format.` };
    return { row, line: null, cells: value as Record<string, unknown> };
  });
}

type CsvRecord = { record: string[]; info: { lines: number } };

function readCsv(text: string, fileName: string, shape: TableShape): TableRow[] {
  let records: CsvRecord[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as CsvRecord[];
  } catch (error: unknown) {
    throw refuse(
      `${fileName} cannot be read as CSV: ${error instanceof Error ? error.message : 'unreadable'}.`,
    );
  }
  const [header, ...body] = records;
  if (header === undefined) throw refuse(`${fileName} is empty: it has no header line.`);
  const columns = header.record.map((name) => name.trim());
  const seen = new Set<string>();
  for (const column of columns) {
    if (!shape.columns.includes(column))
      throw refuse(
        `${fileName}: "${column}" is not a column of this format. The columns are: ${shape.columns.join(', ')}.`,
      );
    if (seen.has(column)) throw refuse(`${fileName}: the column "${column}" appears twice.`);
    seen.add(column);
  }
  const missing = shape.required.filter((column) => !seen.has(column));
  if (missing.length > 0)
    throw refuse(`${fileName}: the header lacks the required column(s) ${missing.join(', ')}.`);
  return body.map(({ record, info }, index): TableRow => {
    const row = index + 1;
    if (record.length !== columns.length)
      return {
        row,
        line: info.lines,
        problem: `This line has ${String(record.length)} cells; the header has ${String(columns.length)}.`,
      };
    const cells: Record<string, string> = {};
    columns.forEach((column, at) => {
      // A cell our own exports guarded against formula injection reads back as written.
      cells[column] = readCsvCell(record[at] ?? '');
    });
    return { row, line: info.lines, cells };
  });
}

/** `bytes` is the whole file (UTF-8); its name's extension says whether it is CSV or JSON. */
export function readTableRows(bytes: Buffer, fileName: string, shape: TableShape): TableFile {
  const format = tableFormatOf(fileName);
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD'))
    throw refuse(`${fileName} is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet).`);
  return {
    format,
    rows: format === 'json' ? readJson(text, fileName, shape) : readCsv(text, fileName, shape),
  };
}
