// The scan of a received paper certificate: a PDF, PNG or JPEG, proven by its first bytes (its
// "magic"), never by the file's name or a type the caller claims, and at most SCAN_MAX_BYTES, so
// a vault holding 10 years of records (31 CFR 501.601) is not filled with one mis-chosen file.
import { AppFailure } from '../app-failure';

export const SCAN_MAX_BYTES = 20 * 1024 * 1024;

export type ScanMediaType = 'application/pdf' | 'image/png' | 'image/jpeg';

const SIGNATURES: readonly { mediaType: ScanMediaType; bytes: readonly number[] }[] = [
  { mediaType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-"
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The file's type by its first bytes, or null when it is none of the three. */
export function sniffScanType(content: Uint8Array): ScanMediaType | null {
  for (const signature of SIGNATURES) {
    if (
      content.length >= signature.bytes.length &&
      signature.bytes.every((byte, i) => content[i] === byte)
    )
      return signature.mediaType;
  }
  return null;
}

/** Refuses (field "scan", nothing stored) a file that is empty, too large or of another type. */
export function checkScanFile(content: Uint8Array): ScanMediaType {
  if (content.length === 0)
    throw new AppFailure('INVALID_INPUT', 'The scan is an empty file. Nothing was saved.', {
      scan: 'The file is empty.',
    });
  if (content.length > SCAN_MAX_BYTES) {
    const message = `The scan is ${(content.length / 1048576).toFixed(1)} MB; at most ${String(SCAN_MAX_BYTES / 1048576)} MB can be kept. Scan at a lower resolution. Nothing was saved.`;
    throw new AppFailure('INVALID_INPUT', message, { scan: message });
  }
  const type = sniffScanType(content);
  if (type === null) {
    const message =
      'The scan must be a PDF, PNG or JPEG file (checked by its content, not its name). Nothing was saved.';
    throw new AppFailure('INVALID_INPUT', message, { scan: message });
  }
  return type;
}
