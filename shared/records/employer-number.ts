// The licensee's TIN is its IRS employer identification number (EIN): nine digits, written
// NN-NNNNNNN (IRS Publication 1635, "Understanding Your EIN"; the form AES filings carry it in).
// Typed as nine digits, or with a space after the first two, it is the same number: it is
// formatted rather than refused (issue 16).

const EIN_PARTS = /^(\d{2})[-\s]?(\d{7})$/;

/** "123456789", "12 3456789" and "12-3456789" → "12-3456789"; anything else unchanged (trimmed). */
export function formatEmployerNumber(text: string): string {
  const trimmed = text.trim();
  const parts = EIN_PARTS.exec(trimmed);
  return parts === null ? trimmed : `${parts[1] ?? ''}-${parts[2] ?? ''}`;
}
