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

export const roleLabels: Record<UserRole, string> = {
  operator: 'Operator',
  administrator: 'Administrator',
  reviewer: 'Reviewer (read-only)',
};

export const roleExplanations: Record<UserRole, string> = {
  operator: 'Prepares, issues, ships and voids certificates and registers stock.',
  administrator:
    'Everything an operator does, plus users, the signing identity, settings, and deciding corrections that others asked for.',
  reviewer: 'Sees every record and setting but cannot change anything.',
};
