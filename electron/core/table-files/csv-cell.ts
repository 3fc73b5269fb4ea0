// One CSV cell for a file a person opens in a spreadsheet. RFC 4180 quoting, plus the OWASP
// "CSV injection" guard: a cell that starts with = + - @, a tab or a carriage return is read by
// Excel, LibreOffice and Google Sheets as a formula, so a consignee named "=HYPERLINK(...)" could
// run on a reviewer's computer. Such a cell is written with a leading apostrophe, which the
// spreadsheets show as text; readCsvCell takes it off again so our own imports read back exactly
// what was exported.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The text of a cell written by csvCell (after CSV parsing): the guard's apostrophe removed. */
export function readCsvCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** One CSV line (CRLF-terminated, RFC 4180) of guarded cells. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
