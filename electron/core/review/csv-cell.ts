// One CSV cell of free text, safe to open in a spreadsheet. Findings quote what a record holds
// (names, reasons), which anyone who typed a certificate chose: a cell starting with = + - @,
// a tab or a carriage return would be read as a formula by Excel or LibreOffice (OWASP, "CSV
// Injection"), so it is prefixed with an apostrophe, which spreadsheets show as text. Then RFC
// 4180 quoting: a cell holding a quote, comma or line end is quoted, quotes doubled.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
