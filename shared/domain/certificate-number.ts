// The unique number: "US" + the digits of the purchased USKPA form, at least five digits, with
// no zero padding (31 CFR 592.307(c): unique numbering with the ISO 3166-1 alpha-2 code).

export const CERTIFICATE_NUMBER = /^US[1-9]\d{4,}$/;

/** Spaces and dashes people type ("US 12345", "us-12345") are not part of the number. */
export function normalizeCertificateNumber(text: string): string {
  return text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '');
}

/** What goes into AES's licence-number field: the digits only, without "US" (Census 2019). */
export function aesLicenseNumber(certificateNumber: string): string {
  return normalizeCertificateNumber(certificateNumber).replace(/^US/, '');
}
