// The seal also travels as text in the document information dictionary (/KPDeskSeal), the same
// string the QR code carries, so the verifier reads it without decoding an image. It is written
// before signing, so the signature covers it like everything else (issue-signed-certificate.ts
// writes it as a literal string; the seal's alphabet needs no escaping, which is checked here).
export const SEAL_INFO_KEY = 'KPDeskSeal';

export function assertSealText(seal: string): void {
  if (!/^[A-Za-z0-9_.-]+$/.test(seal)) throw new Error('A seal is base64url text and dots.');
}
