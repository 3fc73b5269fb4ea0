// One CSV cell that a spreadsheet shows as text and never runs. RFC 4180 quoting (a comma, a
// quote or a line break), and CSV-injection defence (OWASP "CSV Injection"): a cell that starts
// with = + - @, a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets,
// so it gets a leading apostrophe. Audit details and user names are typed by people, and a
// reviewer opens the export on their own computer; the apostrophe is visible, so nothing is
// silently changed.
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafeCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function spreadsheetSafeRow(cells: readonly string[]): string {
  return `${cells.map(spreadsheetSafeCell).join(',')}\r\n`;
}
