// Composes the core services into the channel table. Plain Node: main (with the vault in a worker
// thread), the preview host (vault in-process) and the tests all build the core through this one
// function, so every transport serves the same behaviour.
import { basename } from 'node:path';
import { ITN_PATTERN, normalizeItn } from '../../shared/domain/itn';
import { validateCertificate } from '../../shared/domain/validate-certificate';
import { participantsAsOf } from '../../shared/reference/reference-data';
import { createAuditLogHandlers } from './audit-log/audit-log-handlers';
import { createDocumentHandlers } from './document-handlers';
import type { FileDialogs } from './file-dialogs';
import type { PreferencesService } from './preferences/preferences-service';
import { createPreferencesService } from './preferences/preferences-service';
import { createMemoryPreferencesStore } from './preferences/preferences-store';
import { currentPrinterCalibration } from './preferences/current-printer-calibration';
import { licenseeLocalDate } from './issuance/licensee-local-date';
import type { CoreHandlers } from './ipc/core-handlers';
import { requireSignIn } from './ipc/require-sign-in';
import type { TaskProgressTracker } from './tasks/task-progress';
import { createTaskProgressTracker } from './tasks/task-progress';
import { backupWithDialog, restoreWithDialog } from './tasks/vault-file-tasks';
import { createSubmissionHandlers } from './submission-handlers';
import { createIncomingHandlers } from './incoming/incoming-handlers';
import { createSigningKeysHandlers } from './signing-keys/signing-keys-handlers';
import { openSigningOnThisWorkstation } from './signing-keys/workstation-signing';
import { createTrustHandlers } from './trust-handlers';
import { createReviewHandlers } from './review-handlers';
import { createStatisticsExportHandlers } from './reports/statistics-export-handlers';
import { createAuditPackageHandlers } from './audit-package-handlers';
import { createPackageReadingHandlers } from './audit-package/package-reading-handlers';
import { refuseWhileReadingPackage } from './audit-package/refuse-while-reading';
import type { OsKeychain } from './vault/keys/os-keychain';
import { forgetOnThisComputer, rememberOnThisComputer } from './vault/os-keychain-unlock';
import type { VaultGateway } from './vault/vault-gateway';
import type { Rpc } from './vault/worker/rpc';

/** The vault as the handlers reach it: through the worker, or in-process with the same shape. */
export type VaultAccess = Rpc<Omit<VaultGateway, 'openWithKey'>>;

export type CoreOptions = {
  runtime: 'electron' | 'preview';
  version: string;
  vault: VaultAccess;
  /** Where a file to save or open is chosen: main's dialogs, or the preview host's folders. */
  fileDialogs: FileDialogs;
  /** Fed by the vault's progress events (worker messages or the gateway's onProgress). */
  taskProgress?: TaskProgressTracker;
  /** This computer's keychain (Electron main only); absent in the preview host. */
  keychain?: OsKeychain;
  /**
   * The keychain that opens this computer for signing, when it is not `keychain`: the preview
   * host's file keychain (signing-keys/file-keychain.ts), which must not also remember the vault
   * key (the preview keeps "remember on this computer" unavailable).
   */
  signingKeychain?: OsKeychain;
  /** main's clock, for "today" in the rules (an expired certificate); tests inject one. */
  now?: () => Date;
  /** This computer's preferences (electron-store in main, conf in the preview host); in memory
   * when absent (nothing is remembered between runs). */
  preferences?: PreferencesService;
  /** Preview only: its vault is in a temporary folder (said on the first screen). */
  temporaryVault?: boolean;
};

export function createCoreHandlers(options: CoreOptions): CoreHandlers {
  const { vault, fileDialogs } = options;
  const progress = options.taskProgress ?? createTaskProgressTracker();
  const preferences =
    options.preferences ?? createPreferencesService(createMemoryPreferencesStore());
  const signingKeychain = options.signingKeychain ?? options.keychain;
  const handlers: CoreHandlers = {
    'app:getInfo': () =>
      Promise.resolve({
        name: 'KP Desk',
        version: options.version,
        runtime: options.runtime,
        participantsAsOf,
        ...(options.temporaryVault === undefined ? {} : { temporaryVault: options.temporaryVault }),
      }),
    'settings:get': () => vault.settings.get(),
    'settings:save': (input) => vault.settings.save(input),
    // The rules run with the vault's saved settings (the defaults while it is locked), and, to
    // issue, against today's date on main's clock (never a date the renderer sends).
    // The rule limits only (settings.rules): this channel is open before sign-in.
    'certificates:validate': async ({ certificate, purpose }) =>
      validateCertificate(certificate, {
        settings: await vault.settings.rules(),
        purpose,
        ...(purpose === 'issue' ? { today: licenseeLocalDate(options.now?.() ?? new Date()) } : {}),
        certificatesWithItn: await certificatesWithItn(vault, certificate.itn),
      }),
    'vault:status': () => vault.status(),
    'vault:create': (input) => vault.create(input),
    // An unlock on a computer opened for signing opens signing too (its keychain holds the key).
    'vault:unlock': async (input) => {
      const status = await vault.unlock(input);
      await openSigningOnThisWorkstation(vault, signingKeychain);
      return status;
    },
    'vault:lock': () => vault.lock(),
    'vault:changePassphrase': (input) => vault.changePassphrase(input),
    'vault:confirmRecoveryKey': (input) => vault.confirmRecoveryKey(input),
    'vault:rotateRecoveryKey': (input) => vault.rotateRecoveryKey(input),
    // Progress (wrap, re-encrypt, record) is polled through tasks:progress meanwhile.
    'vault:rekey': (input) => progress.run(() => vault.rekey(input)),
    'vault:rememberOnThisComputer': (input) =>
      rememberOnThisComputer(vault, options.keychain, input),
    'vault:forgetOnThisComputer': () => forgetOnThisComputer(vault, options.keychain),
    'vault:backup': () => backupWithDialog(vault, fileDialogs, progress),
    'vault:restore': (input) => restoreWithDialog(vault, fileDialogs, progress, input),
    'tasks:progress': () => Promise.resolve(progress.current()),
    'session:signIn': (input) => vault.signIn(input),
    'session:signOut': () => vault.signOut(),
    'users:createFirstAdministrator': (input) => vault.createFirstAdministrator(input),
    'users:list': () => vault.users.list(undefined),
    'users:create': (input) => vault.users.create(input),
    'users:update': (input) => vault.users.update(input),
    'licensee:get': () => vault.licensee.get(undefined),
    'licensee:save': (input) => vault.licensee.save(input),
    'parties:list': (input) => vault.parties.list(input),
    'parties:save': (input) => vault.parties.save(input),
    'stock:register': (input) => vault.stock.register(input),
    'stock:summary': () => vault.stock.summary(undefined),
    'reports:statistics': (input) => vault.reports.statistics(input),
    ...createAuditLogHandlers(vault, fileDialogs, options.now),
    'stock:voidBlank': (input) => vault.stock.voidBlank(input),
    'certificates:createDraft': (input) => vault.certificates.createDraft(input),
    'certificates:updateDraft': (input) => vault.certificates.updateDraft(input),
    'certificates:recordItn': (input) => vault.certificates.recordItn(input),
    'certificates:issue': (input) => vault.certificates.issue(input),
    'certificates:ship': (input) => vault.certificates.ship(input),
    'certificates:deliver': (input) => vault.certificates.deliver(input),
    'certificates:void': (input) => vault.certificates.void(input),
    'certificates:get': (input) => vault.certificates.get(input),
    'certificates:list': (input) => vault.certificates.list(input),
    'certificates:timeline': (input) => vault.certificates.timeline(input),
    'certificates:requestEdit': (input) => vault.certificates.requestEdit(input),
    'editRequests:list': (input) => vault.editRequests.list(input),
    'editRequests:decide': (input) => vault.editRequests.decide(input),
    'audit:verify': () => progress.run(() => vault.audit.verify(undefined)),
    'audit:head': () => vault.audit.head(undefined),
    'audit:unlockCheck': () => vault.audit.unlockCheck(undefined),
    // "Check the record" against an anchor: the file comes from main's open dialog.
    // Or against the USKPA receipts stored in the vault (storedReceipts), with no file at all.
    'audit:checkAnchors': async (input) => {
      let paths: string[] = [];
      if (input.storedReceipts !== true) {
        const path = await fileDialogs.chooseOpenPath({ purpose: 'audit-anchor' });
        if (path === null) return { cancelled: true };
        paths = [path];
      }
      const report = await vault.audit.checkAnchors({
        paths,
        ...(input.storedReceipts === true ? { storedReceipts: true } : {}),
      });
      return {
        cancelled: false,
        ok: report.ok,
        vaultHeadSeq: report.vaultHead.seq,
        verdicts: report.verdicts.map(({ anchor, status, message }) => ({
          source: basename(anchor.source),
          kind: anchor.kind,
          seq: anchor.seq,
          status,
          message,
        })),
        firstDifference:
          report.firstDifference === undefined
            ? null
            : {
                from: report.firstDifference.from,
                to: report.firstDifference.to,
                message: report.firstDifference.message,
              },
        problems: report.problems.map(({ path: file, reason }) => ({
          file: basename(file),
          reason,
        })),
        ignored: report.ignored.map(({ path: file, reason }) => ({ file: basename(file), reason })),
      };
    },
    ...createSigningKeysHandlers(vault, options.fileDialogs, signingKeychain),
    ...createDocumentHandlers(vault, options.fileDialogs, () =>
      currentPrinterCalibration(preferences, vault),
    ),
    'preferences:get': () => Promise.resolve(preferences.get()),
    'preferences:save': (input) => Promise.resolve(preferences.save(input)),
    ...createTrustHandlers(vault, options.fileDialogs),
    ...createReviewHandlers(vault, options.fileDialogs, progress),
    ...createAuditPackageHandlers(vault, options.fileDialogs, progress),
    ...createSubmissionHandlers(vault, options.fileDialogs),
    ...createStatisticsExportHandlers(vault, options.fileDialogs),
    ...createIncomingHandlers(vault, options.fileDialogs, options.now),
    ...createPackageReadingHandlers(vault, options.fileDialogs, progress),
    // Issue 15 part 6: saved templates for repeat shipments.
    'templates:list': () => vault.templates.list(undefined),
    'templates:get': (input) => vault.templates.get(input),
    'templates:save': (input) => vault.templates.save(input),
    'templates:rename': (input) => vault.templates.rename(input),
    'templates:delete': (input) => vault.templates.delete(input),
    'templates:apply': (input) => vault.templates.apply(input),
    // Keys nobody can open any more (signing-keys/replace-signing-keys.ts, issue 13 part 3).
    // This computer's keychain is asked once more first: keys it opens need no replacement.
    'identity:replaceKeys': async (input) => {
      await openSigningOnThisWorkstation(vault, signingKeychain);
      return vault.signingKeysReplacement.replace(input);
    },
  };
  // Channels that read or change records need a signed-in user (shared/ipc/channel-access.ts);
  // while an audit package is read, only the channels that read answer (issue 14).
  return refuseWhileReadingPackage(
    requireSignIn(handlers, () => vault.requireSignedIn()),
    async () => (await vault.auditPackageReading.current()) !== null,
  );
}

/**
 * The vault's certificates that carry this ITN (ITN_USED_ELSEWHERE). Empty when the ITN is not
 * complete yet, or the vault is locked or nobody is signed in: the check then runs on the
 * certificate alone, as `kpdesk validate` does.
 */
async function certificatesWithItn(
  vault: VaultAccess,
  typed: string,
): Promise<ReadonlyMap<string, readonly string[]>> {
  const itn = normalizeItn(typed);
  if (!ITN_PATTERN.test(itn)) return new Map();
  try {
    return new Map([[itn, await vault.certificates.numbersWithItn({ itn })]]);
  } catch {
    return new Map();
  }
}
