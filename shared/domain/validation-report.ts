// What checking a certificate yields, and what the check needs to know beyond the certificate.
import { z } from 'zod';
import { FindingSchema } from './finding';
import type { ValidationSettings } from './validation-settings';

/**
 * "draft": the certificate is still being prepared, so what only the ITN step or issuance needs
 * (the ITN itself) is a warning. "issue": everything must be there (31 CFR 592.301(a)(5)).
 */
export const validationPurposes = ['draft', 'issue'] as const;
export type ValidationPurpose = (typeof validationPurposes)[number];

export type LicenseeFacts = {
  /** The licensee's legal name as registered with USKPA. */
  name: string;
  /** Only the common carriers may issue for third-party exporters. */
  isCommonCarrier: boolean;
};

export type ValidationContext = {
  settings: ValidationSettings;
  purpose: ValidationPurpose;
  /** When known (from the vault), a non-carrier must be its own exporter. */
  licensee?: LicenseeFacts;
  /** Numbers already used or voided: never reused (31 CFR 592.307; USKPA). */
  usedNumbers?: ReadonlySet<string>;
  /** Numbers of KP certificates received on import: never reused for an export (Census 2019). */
  importCertificateNumbers?: ReadonlySet<string>;
  /**
   * Today's date (YYYY-MM-DD, the licensee's local date) when the check is about using the
   * certificate now: issuing it (kpdesk validate --purpose issue, the app). An expired certificate
   * must not be used (31 CFR 592.307(e)). Left out when checking a record as it was (a reviewer's
   * audit, reprinting an issued certificate), where today's date says nothing.
   */
  today?: string;
  /**
   * Numbers of the vault's other (not voided) certificates by ITN, when the vault is open: an ITN
   * already on another certificate is a warning naming it (app only).
   */
  certificatesWithItn?: ReadonlyMap<string, readonly string[]>;
};

export const ValidationReportSchema = z
  .object({
    findings: z.array(FindingSchema),
    errorCount: z.number().int().min(0),
    warningCount: z.number().int().min(0),
  })
  .strict();

export type ValidationReport = z.infer<typeof ValidationReportSchema>;
