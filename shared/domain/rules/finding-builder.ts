import type { CertificateField } from '../certificate-draft';
import type { Finding, FindingCode, Severity } from '../finding';

export function finding(
  severity: Severity,
  code: FindingCode,
  field: CertificateField,
  message: string,
  source: string,
): Finding {
  return { code, field, severity, message, source };
}

export const error = (
  code: FindingCode,
  field: CertificateField,
  message: string,
  source: string,
) => finding('error', code, field, message, source);

export const warning = (
  code: FindingCode,
  field: CertificateField,
  message: string,
  source: string,
) => finding('warning', code, field, message, source);
