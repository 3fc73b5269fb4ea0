// Who may call each channel: a signed-in user, or anybody who has the app's window (the sign-in
// screen and first run must work before anyone is signed in). The table is total over the
// channel names, so a new channel does not compile until someone decides; a channel that reads
// or changes records must never be open to nobody (issue 13: `licensee:get` answered with nobody
// signed in). The core checks it before the handler runs (electron/core/ipc/require-sign-in.ts),
// and the handlers check again with the role, in the same call that reads or writes.
import type { ChannelName } from './channels';

export type ChannelAccess =
  | { readonly needs: 'signed-in user' }
  /** Answers from no vault while there is none or it is locked; once open, a signed-in user. */
  | { readonly needs: 'signed-in user once open'; readonly why: string }
  /** `why`: what the channel reads or changes, and why that is safe before sign-in. */
  | { readonly needs: 'nobody'; readonly why: string };

const signedIn: ChannelAccess = { needs: 'signed-in user' };
const open = (why: string): ChannelAccess => ({ needs: 'nobody', why });

export const channelAccess: Record<ChannelName, ChannelAccess> = {
  'app:getInfo': open('The app name, version and reference-data date: no vault data.'),
  'settings:get': {
    needs: 'signed-in user once open',
    why: 'While locked: the defaults, read from no vault. Once open the settings (TSA address, calibration, retention) are the vault’s, and the vault gateway requires a signed-in user.',
  },
  'settings:save': signedIn,
  'certificates:validate': open(
    'Runs the rules on the certificate the caller sends, with the rule limits (expiry days); returns findings about that input only, never a stored record.',
  ),
  'vault:status': open(
    'Whether a vault exists, is open, and who is signed in: the sign-in screen.',
  ),
  'vault:create': open('First run: creates a vault where there is none (CONFLICT otherwise).'),
  'vault:unlock': open('Opens the vault with its passphrase or recovery key.'),
  'vault:lock': open('Closes the vault: it only takes access away.'),
  'vault:changePassphrase': signedIn,
  'vault:confirmRecoveryKey': open(
    'First run, before the first administrator exists: the recovery key typed back is checked against the key file; it reads no record.',
  ),
  'vault:rotateRecoveryKey': signedIn,
  'vault:rememberOnThisComputer': open(
    'Proved by the vault passphrase itself, as unlocking is; it reads no record.',
  ),
  'vault:forgetOnThisComputer': open(
    'Removes this computer’s keychain copy of the key: it only takes a way of opening away.',
  ),
  'vault:backup': signedIn,
  'vault:restore': open(
    'Replacing the vault is guarded by the restore itself: a signed-in administrator, or proof of the current vault’s passphrase or recovery key (backup/guarded-restore.ts).',
  ),
  'tasks:progress': open('The phase and counts of a running backup, restore or check: no records.'),
  'session:signIn': open('Signing in (failures back off per user and are audited).'),
  'session:signOut': open('Signing out only takes access away.'),
  'users:createFirstAdministrator': open(
    'Only while the vault has no user at all (CONFLICT otherwise).',
  ),
  'users:list': signedIn,
  'users:create': signedIn,
  'users:update': signedIn,
  'licensee:get': signedIn,
  'licensee:save': signedIn,
  'parties:list': signedIn,
  'parties:save': signedIn,
  'stock:register': signedIn,
  'stock:summary': signedIn,
  'stock:voidBlank': signedIn,
  'certificates:createDraft': signedIn,
  'certificates:updateDraft': signedIn,
  'certificates:recordItn': signedIn,
  'certificates:issue': signedIn,
  'certificates:ship': signedIn,
  'certificates:deliver': signedIn,
  'certificates:void': signedIn,
  'certificates:get': signedIn,
  'certificates:list': signedIn,
  'certificates:timeline': signedIn,
  'certificates:requestEdit': signedIn,
  'editRequests:list': signedIn,
  'editRequests:decide': signedIn,
  'audit:verify': signedIn,
  'identity:get': signedIn,
  'identity:generate': signedIn,
  'identity:import': signedIn,
  'identity:importCertificate': signedIn,
  'documents:preview': signedIn,
  'documents:sign': signedIn,
  'documents:save': signedIn,
  'documents:printOverlay': signedIn,
  'documents:printCalibration': signedIn,
  'documents:verify': signedIn,
  'trust:list': signedIn,
  'trust:add': signedIn,
  'trust:remove': signedIn,
  'vault:rekey': signedIn,
  'audit:head': signedIn,
  'reports:statistics': signedIn,
  'review:run': signedIn,
  'review:export': signedIn,
  'audit:list': signedIn,
  'audit:export': signedIn,
  'submissions:list': signedIn,
  'submissions:forCertificate': signedIn,
  'submissions:retryNow': signedIn,
  'submissions:cancel': signedIn,
  'submissions:receipt': signedIn,
  'submissions:exportReceipts': signedIn,
  'submissions:status': signedIn,
  'submissions:overdue': signedIn,
  'submissions:recipients': signedIn,
  'submissions:chooseRecipientFile': signedIn,
  'submissions:saveRecipient': signedIn,
  'documents:list': signedIn,
  'preferences:get': open(
    'This computer’s window, vault folder, printer calibration and format: no vault data.',
  ),
  'preferences:save': open(
    'This computer’s preferences, not the licensee’s record: no vault data.',
  ),
  'submissions:saveRecipientChannel': signedIn,
  'reports:exportStatistics': signedIn,
  'audit:unlockCheck': signedIn,
  'incoming:list': signedIn,
  'incoming:get': signedIn,
  'incoming:register': signedIn,
  'incoming:confirmReceiptSent': signedIn,
  'incoming:scan': signedIn,
  'incoming:saveReceiptReport': signedIn,
  'auditPackage:export': signedIn,
  'identity:signingKeys': signedIn,
  'identity:setSigningSecret': signedIn,
  'identity:unlockSigning': signedIn,
  'identity:openWorkstation': signedIn,
  'identity:closeWorkstation': signedIn,
  'identity:exportEscrow': signedIn,
  'audit:checkAnchors': signedIn,
  'auditPackage:open': open(
    'Opens a package the reviewer holds the passphrase of, read-only, in a temporary vault of its own; this computer’s vault is locked first and none of its records is read.',
  ),
  'auditPackage:current': open(
    'Which package is being read (its file, licensee, exporter and head, for the banner): no record of this computer’s vault.',
  ),
  'auditPackage:close': open('Closes the package being read and deletes its temporary vault.'),
  'templates:list': signedIn,
  'templates:get': signedIn,
  'templates:save': signedIn,
  'templates:rename': signedIn,
  'templates:delete': signedIn,
  'templates:apply': signedIn,
  'identity:replaceKeys': signedIn,
  'submissions:saveFaxPackage': signedIn,
  'submissions:confirmSent': signedIn,
};

export function needsSignedInUser(channel: ChannelName): boolean {
  return channelAccess[channel].needs === 'signed-in user';
}
