import { hsCodes } from '../../reference/reference-data';
import type { CertificateDraft } from '../certificate-draft';
import type { Finding } from '../finding';
import { sources } from '../sources';
import { error } from './finding-builder';

const KNOWN = hsCodes.map((entry) => entry.code);
const LIST = KNOWN.join(', ');

/**
 * Every common written form of one code reads as its 6-digit HS subheading, which is what the
 * certificate carries (31 CFR 592.307(k)): "7102.31" and "710231" (the HS), "7102.31.00" and
 * "71023100" (the 8-digit HTSUS line), "7102.31.0000", "7102.31.00.00" and "7102310000" (the
 * 10-digit statistical line of Schedule B / HTSUS), with or without dots, spaces or hyphens, and
 * an "HS" or "HTS" label in front. Any other text is returned trimmed, for HS_UNKNOWN to name.
 */
export function normalizeHsCode(text: string): string {
  const digits = text
    .trim()
    .replace(/^(HTSUS|HTS|HS|Schedule\s*B)\s*(code)?\s*:?\s*/i, '')
    .replace(/[\s.-]/g, '');
  return /^\d{6}(\d{2}|\d{4})?$/.test(digits)
    ? `${digits.slice(0, 4)}.${digits.slice(4, 6)}`
    : text.trim();
}

/** "7102.31, 7102.21" typed into one entry is two codes, as two entries would be. */
function splitCodes(entry: string): string[] {
  return entry.split(/[,;/&+]|\s+and\s+/i).map((part) => part.trim());
}

export function checkHsCode(draft: CertificateDraft): Finding[] {
  const codes = [
    ...new Set(
      draft.hsCodes
        .flatMap(splitCodes)
        .map(normalizeHsCode)
        .filter((code) => code !== ''),
    ),
  ];
  if (codes.length === 0) {
    return [error('HS_MISSING', 'hsCodes', `Choose the HS code: one of ${LIST}.`, sources.hsCode)];
  }
  // One HS code per certificate; a shipment under several codes needs one certificate per code.
  if (codes.length > 1) {
    return [
      error(
        'HS_MULTIPLE',
        'hsCodes',
        `This certificate lists ${codes.length} HS codes (${codes.join(', ')}). Issue one certificate per HS code.`,
        sources.hsOnePerCertificate,
      ),
    ];
  }
  const [code = ''] = codes;
  if (!KNOWN.includes(code)) {
    return [
      error(
        'HS_UNKNOWN',
        'hsCodes',
        `"${code}" is not a rough-diamond HS code; use one of ${LIST}.`,
        sources.hsCode,
      ),
    ];
  }
  return [];
}
