// The vault as the app sees it: one stateful object per data folder that creates or unlocks the
// encrypted vault, signs a person in, and serves the records on their behalf. The Electron main
// process reaches it through the vault worker (worker/vault-worker.ts), the preview host and the
// tests in-process; the renderer only ever through the IPC channels, never with an actor of its
// own making: the actor is the signed-in user held here.
import { existsSync } from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import { AppFailure } from '../app-failure';
import { licenseeLocalDate } from '../issuance/licensee-local-date';
import { createAuditChecks } from '../audit-check/audit-checks';
import type { UnlockCheck } from '../audit-check/check-since-verified-head';
import { documentGatewayGroups, documentOperationsFor } from './document-gateway-groups';
import type { DocumentOperationsOptions } from './document-operations';
import { keychainKeyFile } from './keys/keychain-key-file';
import { readVaultKeyFile } from './keys/unlock-vault';
import { vaultLocation } from './keys/vault-location';
import type { User } from './repositories/user-repository';
import { settingsView } from './settings-view';
import type { SettingsBase } from './settings-view';
import { vaultBackupMethods } from './vault-backup-methods';
import { vaultKeyMethods } from './vault-key-methods';
import { reviewGatewayGroup } from '../review/review-gateway-group';
import { auditPackageGatewayGroup } from '../audit-package/audit-package-gateway-group';
import { sealWorkerBeside } from '../audit-package/package-seal-thread';
import { createSubmissionDesk } from '../submission/submission-desk';
import type { SubmissionDesk } from '../submission/submission-desk';
import { submissionGatewayGroup } from '../submission/submission-gateway-group';
import { incomingGatewayGroup } from '../incoming/incoming-gateway-group';
import { createVaultServices } from './vault-services';
import { auditGatewayGroup } from './audit/audit-gateway-group';
import { certificateGatewayGroups } from '../issuance/certificate-gateway-groups';
import { stockGatewayGroup } from '../issuance/stock-gateway-group';
import { userGatewayGroup } from '../issuance/user-gateway-group';
import { licenseeGatewayGroups } from '../issuance/licensee-gateway-groups';
import { settingsGatewayGroup } from './settings-gateway-group';
import { signingWorkstationGatewayGroup } from '../signing-keys/signing-workstation-gateway-group';
import { replaceKeysGatewayGroup } from '../signing-keys/replace-keys-gateway-group';
import type { Actor } from '../issuance/actor';
import type { AsUser, ThenDeliver } from './gateway-calls';
import type { VaultServices } from './vault-services';
import type { VaultGatewayOptions } from './vault-gateway-options';
import { vaultOpenMethods } from './vault-open-methods';
import { auditLogGatewayGroup } from '../audit-log/audit-log-gateway-group';
import { reportsGatewayGroup } from '../reports/reports-gateway-group';
import type { PackageReading } from '../audit-package/package-reading-gateway-group';
import { packageReadingGatewayGroup } from '../audit-package/package-reading-gateway-group';
import { PACKAGE_IDLE_CHECK_MS, createPackageIdleWatch } from '../audit-package/package-idle-watch';
import {
  CLOSED_PACKAGE_FIELD,
  packageClosedText,
} from '../../../shared/audit-package/package-closed-notice';
import { templatesGatewayGroup } from '../templates/templates-gateway-group';

export type { VaultGatewayOptions } from './vault-gateway-options';

/** `key`: a copy of the vault key while it is open (the backup manifest's MAC, the audit
 * verification's helper thread), zeroed when it locks. */
type Open = {
  db: Database;
  services: VaultServices;
  key: Buffer;
  desk: SubmissionDesk;
  /** What the check at unlock found (audit-check/check-since-verified-head.ts). */
  unlockCheck: UnlockCheck;
};

export function createVaultGateway(options: VaultGatewayOptions) {
  const now = options.now ?? (() => new Date());
  const settingsBase: SettingsBase = {
    ...(options.settings === undefined ? {} : { validation: options.settings }),
    ...(options.autoLockMinutes === undefined ? {} : { autoLockMinutes: options.autoLockMinutes }),
  };
  // The vault's own auto-lock setting once it is open (read at unlock and after each save).
  let idleMs = settingsView(null, settingsBase).autoLockMinutes * 60_000;
  const location = vaultLocation(options.dataDir);
  /** The vault's id, from its key file (none for a vault opened with a bare key). */
  const vaultId = (): string | null =>
    existsSync(location.keyFilePath) ? readVaultKeyFile(options.dataDir).vaultId : null;
  // The document operations' options, shared by the documents, signing keys and review groups.
  const documentOptions: DocumentOperationsOptions = {
    now,
    // The vault's saved rule settings: a document is read by the rules it was issued under.
    settings: () => settingsView(open?.services ?? null, settingsBase).validation,
    resourcesDir: options.resourcesDir,
    signingKdf: options.kdf,
    vaultId,
  };
  const keychain = keychainKeyFile(options.dataDir);
  let open: Open | null = null;
  let user: User | null = null;
  // An audit package being read (issue 14): its query-only vault stands in for this one, which
  // stays locked; its reader is the user. Locking closes it and deletes its temporary vault.
  let reading: PackageReading | null = null;
  // A package closed by the auto-lock: every call then says so, until a vault or package opens.
  let closedForIdle: { file: string; minutes: number } | null = null;
  const packageIdle = createPackageIdleWatch(
    options.packageIdleCheckMs ?? PACKAGE_IDLE_CHECK_MS,
    () => {
      lockIfIdle();
    },
  );
  let lastCall = now().getTime();
  // The full verification beside issuing and the check at unlock (issue 13, part 6).
  const auditChecks = createAuditChecks({
    now,
    ...(options.auditWorkerFile === undefined ? {} : { workerFile: options.auditWorkerFile }),
    onProgress: (done, total) =>
      options.onProgress?.({ operation: 'audit', phase: 'verify', done, total }),
  });

  /** A copy of `key` is kept while the vault is open and zeroed when it locks. */
  function attach(db: Database, key: Buffer): void {
    const held = Buffer.from(key);
    const services = createVaultServices(db, {
      ...(options.auditWorkerFile === undefined
        ? {}
        : { auditHelper: { workerFile: options.auditWorkerFile, key: held } }),
      now,
      ...(options.settings === undefined ? {} : { settings: options.settings }),
      ...(options.passwordHashing === undefined
        ? {}
        : { passwordHashing: options.passwordHashing }),
    });
    // Copies due to Census and USKPA leave in the background while the vault is open (issue 12).
    const desk = createSubmissionDesk(db, {
      now,
      ...(options.resourcesDir === undefined ? {} : { resourcesDir: options.resourcesDir }),
      ...(options.submissions?.timeoutMs === undefined
        ? {}
        : { timeoutMs: options.submissions.timeoutMs }),
      ...(options.onBackgroundError === undefined ? {} : { onError: options.onBackgroundError }),
      mayRun: () => {
        lockIfIdle();
        return open?.db === db;
      },
    });
    // Before anything else is written: only the events since the last proved head.
    const unlockCheck = auditChecks.atUnlock(db);
    open = { db, services, key: held, desk, unlockCheck };
    closedForIdle = null;
    user = null;
    lastCall = now().getTime();
    idleMs = settingsView(services, settingsBase).autoLockMinutes * 60_000;
    // Certificates whose date of expiry passed while the vault was closed expire now.
    services.issuance.expireOverdue(licenseeLocalDate(now()));
    runAfterOpen(null);
    deliverInBackground();
  }

  function runAfterOpen(firstAdministratorId: number | null): void {
    if (options.afterOpen === undefined || open === null) return;
    try {
      options.afterOpen({ desk: open.desk, firstAdministratorId });
    } catch (error: unknown) {
      options.onBackgroundError?.(error);
    }
  }

  /** After unlocking and after each change that queues copies (issue, ship, void, correction). */
  function deliverInBackground(): void {
    if (options.submissions?.background !== false) open?.desk.background.kick();
  }

  /** A call that may queue copies, followed by a background delivery pass. */
  const thenDeliver: ThenDeliver =
    <R>(call: (input: unknown) => R) =>
    (input: unknown): R => {
      const result = call(input);
      deliverInBackground();
      return result;
    };

  /** `idle`: the auto-lock, which a reader of a package is told about at the next call. */
  function lock(idle = false): VaultStatus {
    closedForIdle =
      idle && reading !== null
        ? { file: reading.info.file, minutes: Math.round(idleMs / 60_000) }
        : null;
    packageIdle.stop();
    auditChecks.stopAll();
    open?.desk.background.stop();
    open?.key.fill(0);
    open?.db.close();
    reading?.opened.vault.close();
    reading = null;
    open = null;
    user = null;
    return status();
  }

  function lockIfIdle(): void {
    if (open !== null && now().getTime() - lastCall > idleMs) lock(true);
  }

  /** Every call passes here: an idle vault locks itself before anything is read. */
  function touch(): Open {
    lockIfIdle();
    if (open === null && closedForIdle !== null)
      throw new AppFailure(
        'VAULT_LOCKED',
        packageClosedText(closedForIdle.file, closedForIdle.minutes),
        { [CLOSED_PACKAGE_FIELD]: closedForIdle.file },
      );
    if (open === null)
      throw new AppFailure('VAULT_LOCKED', 'The vault is locked. Unlock it with your passphrase.');
    lastCall = now().getTime();
    return open;
  }

  function signedIn(): { services: VaultServices; actor: Actor } {
    const { services } = touch();
    if (user === null) throw new AppFailure('AUTH_FAILED', 'Sign in first.');
    return { services, actor: { userId: user.id, role: user.role } };
  }

  // A vault opened with a bare key and no key file beside it (openWithKey in tests and tools)
  // never showed a recovery key, so there is nothing to confirm.
  const recoveryKeyConfirmed = (services: VaultServices): boolean =>
    reading !== null ||
    services.facts.recoveryKeyConfirmation() !== null ||
    !existsSync(location.keyFilePath);

  /** The records stay closed until the recovery key shown at first run was typed back. */
  function recordsOpen(): { services: VaultServices; actor: Actor } {
    const session = signedIn();
    if (!recoveryKeyConfirmed(session.services))
      throw new AppFailure(
        'RECOVERY_KEY_UNCONFIRMED',
        'Confirm the recovery key first: type it back exactly as you wrote it down. Until then the records stay closed.',
      );
    return session;
  }

  function status(): VaultStatus {
    lockIfIdle();
    const current = user;
    const vault = open !== null ? 'open' : existsSync(location.vaultPath) ? 'locked' : 'absent';
    return {
      vault,
      user:
        current === null
          ? null
          : {
              userId: current.id,
              username: current.username,
              displayName: current.displayName,
              role: current.role,
            },
      needsFirstAdministrator: open !== null && open.services.users.count() === 0,
      recoveryKeyConfirmed: open !== null && recoveryKeyConfirmed(open.services),
      rememberedOnThisComputer: vault !== 'absent' && keychain.isRemembered(),
    };
  }

  /** The open records with their connection, as the signed-in user (reports, review). */
  const recordsSession = () => {
    const { services, actor } = recordsOpen();
    return { db: touch().db, services, actor };
  };

  /** The signed-in user over the open connection (documents, audit package). */
  const actorSession = () => {
    const { actor } = recordsOpen();
    return { db: touch().db, actor };
  };

  /** A call made by the signed-in user; roles are checked by the issuance service. */
  const asUser: AsUser =
    <R>(call: (services: VaultServices, actor: Actor, input: unknown) => R) =>
    (input: unknown): R => {
      const { services, actor } = recordsOpen();
      return call(services, actor, input);
    };

  return {
    status,
    lock: (): VaultStatus => lock(),

    // create (first run), unlock (passphrase or recovery key), openWithKey (main only).
    ...vaultOpenMethods({
      dataDir: options.dataDir,
      ...(options.kdf === undefined ? {} : { kdf: options.kdf }),
      vaultPath: location.vaultPath,
      isOpen: () => open !== null,
      attach,
      status,
    }),

    /** For main only, which holds the OS keychain (os-keychain-unlock.ts); never IPC channels. */
    keychain,

    // changePassphrase, confirmRecoveryKey, rotateRecoveryKey (administrators change secrets).
    ...vaultKeyMethods({
      dataDir: options.dataDir,
      ...(options.kdf === undefined ? {} : { kdf: options.kdf }),
      touch,
      signedIn,
      userId: () => user?.id ?? null,
      status,
      db: () => touch().db,
      lock: () => {
        lock();
      },
      onProgress: (progress) => options.onProgress?.({ operation: 'rekey', ...progress }),
    }),

    signIn(input: unknown): VaultStatus {
      const { services } = touch();
      user = services.users.signIn(input);
      // An app left open past midnight: each sign-in expires what became overdue meanwhile.
      services.issuance.expireOverdue(licenseeLocalDate(now()));
      return status();
    },

    signOut(): VaultStatus {
      // The reader of an audit package leaves by closing it (nobody can sign in to a package).
      if (reading !== null) return lock();
      user = null;
      return status();
    },

    /** Only while the vault has no user; the new administrator is signed in. */
    createFirstAdministrator(input: unknown): VaultStatus {
      user = touch().services.issuance.createFirstAdministrator(input);
      runAfterOpen(user.id);
      deliverInBackground();
      return status();
    },

    /** The guard of the channels that need a signed-in user (shared/ipc/channel-access.ts). */
    requireSignedIn(): void {
      signedIn();
    },

    // licensee and parties (the address book).
    ...licenseeGatewayGroups(asUser),
    users: userGatewayGroup(asUser, (updated) => {
      // One's own new role shows at once (status); a disabled account is refused at its next call.
      if (updated.id === user?.id) user = updated;
    }),
    settings: settingsGatewayGroup({
      asUser,
      settingsBase,
      lockIfIdle,
      openServices: () => open?.services ?? null,
      signedIn,
      onAutoLockMinutes: (minutes) => {
        idleMs = minutes * 60_000;
      },
    }),
    stock: stockGatewayGroup(asUser, thenDeliver),
    ...certificateGatewayGroups(asUser, thenDeliver),
    reports: reportsGatewayGroup(asUser, recordsSession, now),
    // The Audit log page (issue 14): reviewers and administrators; the CSV goes to a path from
    // main's save dialog (audit-log-handlers.ts).
    auditLog: auditLogGatewayGroup(asUser),
    audit: auditGatewayGroup({
      asUser,
      touch,
      isOpen: (db) => open?.db === db,
      auditChecks,
      dataDir: options.dataDir,
      vaultId,
    }),
    // identity.* and documents.*: signing happens here, where the keys are (never in main).
    ...documentGatewayGroups(actorSession, documentOptions),
    // review:run and review:export (issue 14): the full review, as a reviewer or administrator.
    review: reviewGatewayGroup({
      session: recordsSession,
      documentOptions,
      now,
      vaultId: () => reading?.opened.manifest.vaultId ?? vaultId(),
      onProgress: options.onProgress,
    }),
    // auditPackage:export (issue 14): the signed, encrypted package, as an administrator or reviewer.
    auditPackage: auditPackageGatewayGroup({
      session: actorSession,
      now,
      vaultId,
      // The sealing thread's bundle ships beside the audit thread's (scripts/build-node.mjs).
      ...(options.auditWorkerFile === undefined
        ? {}
        : { sealWorkerFile: sealWorkerBeside(options.auditWorkerFile) }),
      openSigningKey: (wrapped) =>
        documentOperationsFor(touch().db, documentOptions).signingKeys.openForSigning(
          wrapped,
          'signing_identity',
        ),
    }),

    // Foreign certificates received on an import (issue 15); registering queues a Census copy.
    incoming: incomingGatewayGroup(recordsOpen, {
      resourcesDir: options.resourcesDir,
      afterQueue: deliverInBackground,
    }),

    // Saved templates for repeat shipments (issue 15, part 6).
    templates: templatesGatewayGroup(asUser),

    submissions: {
      ...submissionGatewayGroup(() => {
        const { actor } = recordsOpen();
        return { desk: touch().desk, actor };
      }),
      /** Tests and tools: resolves when no background delivery runs. */
      idle: async (): Promise<void> => {
        await open?.desk.background.idle();
      },
    },

    // identity:replaceKeys: keys nobody can open any more (signing-keys/, issue 13 part 3).
    signingKeysReplacement: replaceKeysGatewayGroup(actorSession, documentOptions),

    // For main only (signing-keys/signing-workstation-gateway-group.ts); never IPC channels.
    signingWorkstation: signingWorkstationGatewayGroup(() => touch().db, documentOptions),

    // checkBackupAllowed, checkRestoreAllowed, restore, backup (files from main's dialogs).
    ...vaultBackupMethods({
      dataDir: options.dataDir,
      onProgress: options.onProgress,
      now,
      signedInVault: () => {
        signedIn();
        const { db, key } = touch();
        return { db, key };
      },
      session: () => {
        lockIfIdle();
        if (open === null) return { state: 'locked' };
        lastCall = now().getTime();
        return { state: 'open', db: open.db, key: open.key, user };
      },
      lock: () => {
        lock();
      },
    }),

    // Reading an audit package (issue 14, part 3): auditPackage:open, :current, :close.
    auditPackageReading: packageReadingGatewayGroup({
      now,
      ...(options.resourcesDir === undefined ? {} : { resourcesDir: options.resourcesDir }),
      lock: () => {
        lock();
      },
      enter: (entered) => {
        reading = entered;
        open = {
          db: entered.opened.vault.db,
          services: entered.services,
          key: Buffer.alloc(32),
          desk: entered.desk,
          unlockCheck: {
            state: 'unverified',
            message:
              "An audit package is open: its audit chain was verified from the package's own events when it was opened.",
          },
        };
        user = entered.reader;
        closedForIdle = null;
        lastCall = now().getTime();
        packageIdle.start();
      },
      current: () => reading,
    }),
  };
}

export type VaultGateway = ReturnType<typeof createVaultGateway>;
