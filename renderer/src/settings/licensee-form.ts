// The licensee form's state and how a failed parse maps to messages at the fields.
import type { LicenseeProfile } from '../../../shared/records/licensee-profile';

export type LicenseeForm = LicenseeProfile;

export const emptyLicensee: LicenseeForm = {
  legalName: '',
  address: '',
  tin: '',
  isCommonCarrier: false,
};

/** zod issues → { field: message }, the same shape main's AppError.fields has. */
export function issuesToFieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    fields[key] ??= issue.message;
  }
  return fields;
}
