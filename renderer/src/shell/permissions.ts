// What each role may do, as the UI shows it. Main enforces the same rules (the issuance service
// checks the actor's role on every write); the UI only hides or disables what would be refused,
// so that a reviewer never meets a button that can only fail. One module, imported by every screen.
import type { UserRole } from '../../../shared/records/user-inputs';

/** A reviewer sees everything and changes nothing (USKPA reviewers audit licensees' records). */
export function isReadOnly(role: UserRole): boolean {
  return role === 'reviewer';
}

/** Drafting, issuing, shipping, voiding and registering stock: operators and administrators. */
export function canWriteRecords(role: UserRole): boolean {
  return role === 'operator' || role === 'administrator';
}

/** Creating users, changing roles, disabling accounts. */
export function canManageUsers(role: UserRole): boolean {
  return role === 'administrator';
}

/** The signing identity, the vault passphrase, backup restore and the vault-wide settings. */
export function canManageKeys(role: UserRole): boolean {
  return role === 'administrator';
}

/** The licensee profile and the settings that change what the rules accept. */
export function canChangeSettings(role: UserRole): boolean {
  return role === 'administrator';
}

/** Approving or rejecting a correction of an issued certificate: administrators only (a reviewer
 * is read-only), and never the person who asked for it (mayDecideEditRequest). */
export function canDecideEditRequests(role: UserRole): boolean {
  return role === 'administrator';
}

/** Four eyes: an administrator decides another person's correction request, never their own. */
export function mayDecideEditRequest(
  user: { userId: number; role: UserRole },
  request: { requestedBy: number },
): boolean {
  return canDecideEditRequests(user.role) && request.requestedBy !== user.userId;
}

/** The KP statistics (issue 14): reviewers and administrators; the core refuses operators. */
export function canSeeStatistics(role: UserRole): boolean {
  return role === 'administrator' || role === 'reviewer';
}

/** The full review (issue 14): reviewers and administrators; the core refuses operators. */
export function canRunReview(role: UserRole): boolean {
  return role === 'administrator' || role === 'reviewer';
}

/** The audit log (issue 14): every event of the chain, for reviewers and administrators; the
 * core refuses operators (AUDIT_LOG_READERS in electron/core/audit-log/). */
export function canReadAuditLog(role: UserRole): boolean {
  return role === 'administrator' || role === 'reviewer';
}

/** Exporting the audit package (issue 14): administrators (the licensee hands its record over)
 * and reviewers (a USKPA reviewer takes it away); not operators, since the package holds every
 * record of the vault (AUDIT_PACKAGE_EXPORTERS in electron/core/audit-package/). */
export function canExportAuditPackage(role: UserRole): boolean {
  return role === 'administrator' || role === 'reviewer';
}

export const roleLabels: Record<UserRole, string> = {
  operator: 'Operator',
  administrator: 'Administrator',
  reviewer: 'Reviewer (read-only)',
};

export const roleExplanations: Record<UserRole, string> = {
  operator:
    'Prepares, issues, ships and voids certificates, registers stock and asks for corrections; an administrator decides them.',
  administrator:
    'Everything an operator does, plus users, the signing identity, settings, and deciding corrections that others asked for (never their own).',
  reviewer:
    'Sees every record, setting, the statistics and the audit log, checks the record, makes backups and exports the audit package; changes nothing and decides no correction.',
};

/** One line of "What each role may do" (Settings → Users and roles). Each answer is the same
 * function the screens use, so the table cannot say more than the buttons do; the core checks
 * the same lists again (tests/unit/renderer/shell/permissions.test.ts compares them). */
export type RoleCapability = { what: string; allowed: (role: UserRole) => boolean };

export const roleCapabilities: readonly RoleCapability[] = [
  { what: 'See records, stock, settings; verify a file; check the record', allowed: () => true },
  { what: 'Prepare, issue, ship and void certificates; register stock', allowed: canWriteRecords },
  { what: 'Ask for a correction of an issued certificate', allowed: canWriteRecords },
  {
    what: 'Approve or reject a correction someone else asked for',
    allowed: canDecideEditRequests,
  },
  { what: 'See the statistics', allowed: canSeeStatistics },
  { what: 'Run the full review and export its findings', allowed: canRunReview },
  { what: 'Read and export the audit log', allowed: canReadAuditLog },
  { what: 'Export the audit package (signed, encrypted)', allowed: canExportAuditPackage },
  { what: 'Manage users, the signing identity and settings', allowed: canManageUsers },
];
