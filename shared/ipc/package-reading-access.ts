// While an audit package is open (issue 14, part 3), the app is a reviewer's reader: the channels
// below answer, over the package's read-only vault; every other channel is refused by the core
// with AUDIT_PACKAGE_READ_ONLY before it runs (electron/core/audit-package/
// refuse-while-reading.ts), and the temporary vault is query-only besides. Exports to a file of
// the reader's choosing (a review, the audit log, statistics, a stored PDF) write no record and
// stay open. Signing out or locking closes the package. "Check the record" (audit:verify) is not among them: it records a verified head in
// the vault; the package's chain was verified from its own events when it was opened, and that
// result is shown with the package (auditPackage:current). The renderer reads the same list to
// hide what would be refused.
import type { ChannelName } from './channels';

export const channelsWhileReadingPackage: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'app:getInfo',
  'settings:get',
  'certificates:validate',
  'vault:status',
  'vault:lock',
  'session:signOut',
  'tasks:progress',
  'users:list',
  'licensee:get',
  'parties:list',
  'stock:summary',
  'certificates:get',
  'certificates:list',
  'certificates:timeline',
  'editRequests:list',
  'audit:head',
  'audit:unlockCheck',
  'identity:get',
  'documents:list',
  'documents:save',
  'trust:list',
  'reports:statistics',
  'reports:exportStatistics',
  'review:run',
  'review:export',
  'audit:list',
  'audit:export',
  'submissions:list',
  'submissions:forCertificate',
  'submissions:receipt',
  'submissions:status',
  'submissions:overdue',
  'incoming:list',
  'incoming:get',
  'preferences:get',
  'preferences:save',
  'auditPackage:open',
  'auditPackage:current',
  'auditPackage:close',
]);

export function answersWhileReadingPackage(channel: ChannelName): boolean {
  return channelsWhileReadingPackage.has(channel);
}
