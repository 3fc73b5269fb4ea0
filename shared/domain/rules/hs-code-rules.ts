import { hsCodes } from '../../reference/reference-data';
import type { CertificateDraft } from '../certificate-draft';
import type { Finding } from '../finding';
import { sources } from '../sources';
import { error } from './finding-builder';

const KNOWN = hsCodes.map((entry) => entry.code);
const LIST = KNOWN.join(', ');

/** "7102.31", "710231" and "7102.31.00.00" all name subheading 7102.31. */
export function normalizeHsCode(text: string): string {
  const digits = text.replace(/[\s.]/g, '');
  return /^\d{6}(\d{4})?$/.test(digits)
    ? `${digits.slice(0, 4)}.${digits.slice(4, 6)}`
    : text.trim();
}

export function checkHsCode(draft: CertificateDraft): Finding[] {
  const codes = [...new Set(draft.hsCodes.map(normalizeHsCode).filter((code) => code !== ''))];
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
