// The vault as the app sees it: one stateful object per data folder that creates or unlocks the
// encrypted vault, signs a person in, and serves the records on their behalf. The Electron main
// process reaches it through the vault worker (worker/vault-worker.ts), the preview host and the
// tests in-process; the renderer only ever through the IPC channels, never with an actor of its
// own making: the actor is the signed-in user held here.
import { existsSync } from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import { AppFailure } from '../app-failure';
import { licenseeLocalDate } from '../issuance/licensee-local-date';
import { createAuditChecks } from '../audit-check/audit-checks';
import type { UnlockCheck } from '../audit-check/check-since-verified-head';
import { formatAnchorLine } from './audit/anchor-line';
import { checkAnchorFiles } from './audit/check-anchor-files';
import { readChainHead } from './audit/chain-head';
import type { BackupProgress } from './backup/backup-format';
import type { RekeyProgress } from './keys/rekey-vault';
import { documentGatewayGroups, documentOperationsFor } from './document-gateway-groups';
import type { DocumentOperationsOptions } from './document-operations';
import { OpenFromWorkstationSchema } from '../signing-keys/workstation-signing';
import { createVault } from './keys/create-vault';
import { keychainKeyFile } from './keys/keychain-key-file';
import type { KdfCost } from './keys/passphrase-wrap';
import { readVaultKeyFile, unlockVaultAndKey } from './keys/unlock-vault';
import { vaultLocation } from './keys/vault-location';
import { openDatabase } from './open-database';
import { EditRequestListSchema } from '../../../shared/records/issuance-inputs';
import { PartyListSchema } from '../../../shared/records/party-inputs';
import { parseInput } from './repositories/parse-input';
import type { ScryptParams } from './repositories/password-hash';
import type { User } from './repositories/user-repository';
import { settingsView } from './settings-view';
import type { SettingsBase } from './settings-view';
import { vaultBackupMethods } from './vault-backup-methods';
import { vaultKeyMethods } from './vault-key-methods';
import { statisticsExportGroup } from '../reports/statistics-export-file';
import { reviewGatewayGroup } from '../review/review-gateway-group';
import { auditPackageGatewayGroup } from '../audit-package/audit-package-gateway-group';
import type { ReviewProgress } from '../review/review-service';
import { createSubmissionDesk } from '../submission/submission-desk';
import type { SubmissionDesk } from '../submission/submission-desk';
import { submissionGatewayGroup } from '../submission/submission-gateway-group';
import { incomingGatewayGroup } from '../incoming/incoming-gateway-group';
import { createVaultServices } from './vault-services';
import type { VaultServices } from './vault-services';

const ItnLookupSchema = z.object({ itn: z.string().max(40) }).strict();

export type VaultGatewayOptions = {
  dataDir: string;
  /** Lock after this long without a call (a setting; 15 minutes by default). */
  autoLockMinutes?: number;
  now?: () => Date;
  settings?: ValidationSettings;
  /** Only tests lower these; the defaults are never weakened. */
  kdf?: KdfCost;
  passwordHashing?: ScryptParams;
  onProgress?: (
    event:
      | ({ operation: 'backup' | 'restore' | 'audit' } & BackupProgress)
      | ({ operation: 'rekey' } & RekeyProgress)
      | ({ operation: 'review' } & ReviewProgress),
  ) => void;
  /** The folder with fonts/ for the certificate documents (document-operations.ts). */
  resourcesDir?: string;
  /** The bundled audit-verify-worker.mjs: a second thread verifies a large vault's chain. */
  auditWorkerFile?: string;
  /** Tests lower the HTTPS channel's per-attempt timeout; false turns background delivery off. */
  submissions?: { timeoutMs?: number; background?: boolean };
  /** Something unexpected in the background (delivery): logged by name, never shown. */
  onBackgroundError?: (error: unknown) => void;
  /**
   * Called when a vault opens (create, unlock, key), before its first background delivery, and
   * again when first-run setup creates its first administrator (`firstAdministratorId`). Only
   * the preview host passes it, to point the vault at its demo intake (preview/demo-intake.ts);
   * the packaged app configures no recipient by itself. A failure is reported like a background
   * one and never stops the vault from opening.
   */
  afterOpen?: (opened: { desk: SubmissionDesk; firstAdministratorId: number | null }) => void;
};

type Actor = { userId: number; role: User['role'] };
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

const SecretSchema = z.union([
  z.object({ passphrase: z.string().min(1).max(1024) }).strict(),
  z.object({ recoveryKey: z.string().min(1).max(200) }).strict(),
]);
const CreateSchema = z.object({ passphrase: z.string().max(1024) }).strict();
const KeySchema = z
  .object({ keyHex: z.string().regex(/^[0-9a-fA-F]{64}$/), create: z.boolean().default(false) })
  .strict();
const IdSchema = z.object({ id: z.number().int().min(1) }).strict();
const AnchorPathsSchema = z
  .object({
    paths: z.array(z.string().min(1).max(4096)).max(100),
    /** Also the USKPA receipts stored in the vault (receipt-anchors.ts). */
    storedReceipts: z.boolean().optional(),
  })
  .strict()
  .refine((input) => input.paths.length > 0 || input.storedReceipts === true, {
    error: 'Name at least one anchor file, or check against the stored receipts.',
    path: ['paths'],
  });

export function createVaultGateway(options: VaultGatewayOptions) {
  const now = options.now ?? (() => new Date());
  const settingsBase: SettingsBase = {
    ...(options.settings === undefined ? {} : { validation: options.settings }),
    ...(options.autoLockMinutes === undefined ? {} : { autoLockMinutes: options.autoLockMinutes }),
  };
  // The vault's own auto-lock setting once it is open (read at unlock and after each save).
  let idleMs = settingsView(null, settingsBase).autoLockMinutes * 60_000;
  const location = vaultLocation(options.dataDir);
  // The document operations' options, shared by the documents, signing keys and review groups.
  const documentOptions: DocumentOperationsOptions = {
    now,
    // The vault's saved rule settings: a document is read by the rules it was issued under.
    settings: () => settingsView(open?.services ?? null, settingsBase).validation,
    resourcesDir: options.resourcesDir,
    signingKdf: options.kdf,
    vaultId: () =>
      existsSync(location.keyFilePath) ? readVaultKeyFile(options.dataDir).vaultId : null,
  };
  const keychain = keychainKeyFile(options.dataDir);
  let open: Open | null = null;
  let user: User | null = null;
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
  const thenDeliver =
    <R>(call: (input: unknown) => R) =>
    (input: unknown): R => {
      const result = call(input);
      deliverInBackground();
      return result;
    };

  function lock(): VaultStatus {
    auditChecks.stopAll();
    open?.desk.background.stop();
    open?.key.fill(0);
    open?.db.close();
    open = null;
    user = null;
    return status();
  }

  function lockIfIdle(): void {
    if (open !== null && now().getTime() - lastCall > idleMs) lock();
  }

  /** Every call passes here: an idle vault locks itself before anything is read. */
  function touch(): Open {
    lockIfIdle();
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
    services.facts.recoveryKeyConfirmation() !== null || !existsSync(location.keyFilePath);

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

  /** A call made by the signed-in user; roles are checked by the issuance service. */
  const asUser =
    <R>(call: (services: VaultServices, actor: Actor, input: unknown) => R) =>
    (input: unknown): R => {
      const { services, actor } = recordsOpen();
      return call(services, actor, input);
    };

  const stockSummary = (services: VaultServices) => ({
    counts: services.stock.counts(),
    gaps: services.stock.gaps(),
    nextAvailable: services.stock.nextAvailable(),
  });

  return {
    status,
    lock,

    /** First run: the recovery key is returned once and is never stored in clear. */
    async create(input: unknown): Promise<{ recoveryKey: string; status: VaultStatus }> {
      const { passphrase } = parseInput(CreateSchema, input);
      if (open !== null) throw new AppFailure('CONFLICT', 'A vault is already open.');
      const created = await createVault({
        dir: options.dataDir,
        passphrase,
        ...(options.kdf === undefined ? {} : { kdf: options.kdf }),
      });
      try {
        attach(created.db, created.key);
      } finally {
        created.key.fill(0);
      }
      return { recoveryKey: created.recoveryKey, status: status() };
    },

    async unlock(input: unknown): Promise<VaultStatus> {
      const secret = parseInput(SecretSchema, input);
      if (open !== null) return status();
      // unlockVaultAndKey also completes a rekey interrupted by a crash (keys/rekey-vault.ts).
      const { db, key } = await unlockVaultAndKey({ dir: options.dataDir, secret });
      try {
        attach(db, key);
      } finally {
        key.fill(0);
      }
      return status();
    },

    /** For main only, after the OS keychain unwrapped the key; never an IPC channel. */
    openWithKey(input: unknown): VaultStatus {
      const { keyHex, create } = parseInput(KeySchema, input);
      if (open !== null) throw new AppFailure('CONFLICT', 'A vault is already open.');
      const key = Buffer.from(keyHex, 'hex');
      attach(openDatabase(location.vaultPath, key, { create }), key);
      key.fill(0);
      return status();
    },

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

    licensee: {
      // A record like any other: not before sign-in (issue 13: it answered with nobody signed in).
      get: asUser((s) => s.licensee.get()),
      save: asUser((s, actor, input) => s.issuance.saveLicensee(actor, input)),
    },
    users: {
      list: asUser((s) => s.users.list()),
      create: asUser((s, actor, input) => s.issuance.createUser(actor, input)),
      update: asUser((s, actor, input) => {
        const updated = s.issuance.updateUser(actor, input);
        // One's own new role shows at once (status); a disabled account is refused at its next call.
        if (updated.id === user?.id) user = updated;
        return updated;
      }),
    },
    settings: {
      /** Answers while locked too (the defaults, read from no vault); once open, only to a
       * signed-in user (the TSA address, calibration and retention are the vault's). */
      get: () => {
        lockIfIdle();
        if (open === null) return settingsView(null, settingsBase);
        return settingsView(signedIn().services, settingsBase);
      },
      /** The rule limits alone (expiry days), for certificates:validate at any time: they
       * describe no record, and the rules run on the caller's own input. */
      rules: (): ValidationSettings => {
        lockIfIdle();
        return settingsView(open?.services ?? null, settingsBase).validation;
      },
      save: asUser((s, actor, input) => {
        s.issuance.saveSettings(actor, input);
        const view = settingsView(s, settingsBase);
        idleMs = view.autoLockMinutes * 60_000;
        return view;
      }),
    },
    parties: {
      list: asUser((s, _actor, input) => s.parties.search(parseInput(PartyListSchema, input))),
      save: asUser((s, actor, input) => s.issuance.saveParty(actor, input)),
    },
    stock: {
      register: asUser((s, actor, input) => {
        s.issuance.registerStock(actor, input);
        return stockSummary(s);
      }),
      summary: asUser((s) => stockSummary(s)),
      voidBlank: thenDeliver(
        asUser((s, actor, input) => {
          s.issuance.voidBlank(actor, input);
          return stockSummary(s);
        }),
      ),
    },
    certificates: {
      createDraft: asUser((s, actor, input) => s.issuance.createDraft(actor, input)),
      updateDraft: asUser((s, actor, input) => s.issuance.updateDraft(actor, input)),
      recordItn: asUser((s, actor, input) => s.issuance.recordItn(actor, input)),
      issue: thenDeliver(asUser((s, actor, input) => s.issuance.issue(actor, input))),
      ship: thenDeliver(asUser((s, actor, input) => s.issuance.ship(actor, input))),
      deliver: asUser((s, actor, input) => s.issuance.deliver(actor, input)),
      void: thenDeliver(asUser((s, actor, input) => s.issuance.void(actor, input))),
      get: asUser((s, _actor, input) => {
        const { id } = parseInput(IdSchema, input);
        const record = s.certificates.get(id);
        if (record === null)
          throw new AppFailure('NOT_FOUND', `There is no certificate with id ${String(id)}.`);
        return record;
      }),
      list: asUser((s, _actor, input) => s.certificates.list(input)),
      /** Numbers of the certificates (not voided) that carry this ITN, for ITN_USED_ELSEWHERE. */
      numbersWithItn: asUser((s, _actor, input) => {
        const { itn } = parseInput(ItnLookupSchema, input);
        return s.certificates
          .findByItn(itn)
          .filter((record) => record.state !== 'VOIDED')
          .map((record) => record.number);
      }),
      requestEdit: asUser((s, actor, input) => s.issuance.requestEdit(actor, input)),
      timeline: asUser((s, _actor, input) => {
        const { id } = parseInput(IdSchema, input);
        const record = s.certificates.get(id);
        if (record === null)
          throw new AppFailure('NOT_FOUND', `There is no certificate with id ${String(id)}.`);
        return s.certificates.timeline(record.id, record.number);
      }),
    },
    editRequests: {
      list: asUser((s, _actor, input) =>
        s.editRequests.list(parseInput(EditRequestListSchema, input)),
      ),
      decide: thenDeliver(asUser((s, actor, input) => s.issuance.decideEdit(actor, input))),
    },
    reports: {
      statistics: asUser((s, actor, input) => s.reports.statistics(actor, input)),
      // reports:exportStatistics (issue 14): the Statistics page's exports, to main's dialog.
      ...statisticsExportGroup(() => {
        const { services, actor } = recordsOpen();
        return { db: touch().db, services, actor };
      }, now),
    },
    // The Audit log page (issue 14): reviewers and administrators; the CSV goes to a path from
    // main's save dialog (audit-log-handlers.ts).
    auditLog: {
      list: asUser((s, actor, input) => s.auditLog.list(actor, input)),
      checkExport: asUser((s, actor, input) => {
        s.auditLog.checkExport(actor, input);
      }),
      exportCsv: asUser((s, actor, input) => s.auditLog.exportCsv(actor, input)),
    },
    audit: {
      /** Administrators: the chain's head as one line, to keep outside the vault (an anchor). */
      head: asUser((_services, actor) => {
        if (actor.role !== 'administrator')
          throw new AppFailure('FORBIDDEN', 'Only an administrator can export the audit head.');
        const head = readChainHead(touch().db);
        const vaultId = existsSync(location.keyFilePath)
          ? readVaultKeyFile(options.dataDir).vaultId
          : null;
        return { line: formatAnchorLine({ ...head, vaultId }), vaultId, ...head };
      }),
      /** `{ paths }` from main's open dialog: head files, signed PDFs, backups, receipts exports
       * (anchors); `storedReceipts`: also the USKPA receipts in the vault. */
      checkAnchors: asUser(async (_services, _actor, input) => {
        const { paths, storedReceipts } = parseInput(AnchorPathsSchema, input);
        const { db, key } = touch();
        const vaultId = existsSync(location.keyFilePath)
          ? readVaultKeyFile(options.dataDir).vaultId
          : null;
        return checkAnchorFiles(db, paths, {
          cwd: options.dataDir,
          vaultId,
          key,
          ...(storedReceipts === undefined ? {} : { storedReceipts }),
        });
      }),
      /** The full verification, on its own connection and thread: issuing goes on meanwhile. */
      verify: asUser((_services, actor) =>
        auditChecks.verify(touch(), actor.userId, (db) => open?.db === db),
      ),
      /** What the check at unlock found: the events since the last full verification's head. */
      unlockCheck: asUser(() => touch().unlockCheck),
    },
    // identity.* and documents.*: signing happens here, where the keys are (never in main).
    ...documentGatewayGroups(() => {
      const { actor } = recordsOpen();
      return { db: touch().db, actor };
    }, documentOptions),
    // review:run and review:export (issue 14): the full review, as a reviewer or administrator.
    review: reviewGatewayGroup({
      session: () => {
        const { services, actor } = recordsOpen();
        return { db: touch().db, services, actor };
      },
      documentOptions,
      now,
      vaultId: () =>
        existsSync(location.keyFilePath) ? readVaultKeyFile(options.dataDir).vaultId : null,
      onProgress: options.onProgress,
    }),
    // auditPackage:export (issue 14): the signed, encrypted package, as an administrator or reviewer.
    auditPackage: auditPackageGatewayGroup({
      session: () => {
        const { actor } = recordsOpen();
        return { db: touch().db, actor };
      },
      now,
      vaultId: () =>
        existsSync(location.keyFilePath) ? readVaultKeyFile(options.dataDir).vaultId : null,
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

    /**
     * For main only, which holds the OS keychain (signing-keys/workstation-signing.ts); never IPC
     * channels: the opened workstations' sealed keys, and opening signing with the wrapping key
     * this computer's keychain released. Before sign-in too: an opened workstation signs for
     * whoever signs in.
     */
    signingWorkstation: {
      wraps: () =>
        documentOperationsFor(touch().db, documentOptions).signingKeys.workstationWraps(),
      open: (input: unknown): boolean => {
        const { workstationId, wrappingKeyHex } = parseInput(OpenFromWorkstationSchema, input);
        const wrappingKey = Buffer.from(wrappingKeyHex, 'hex');
        try {
          return documentOperationsFor(touch().db, documentOptions).signingKeys.openFromWorkstation(
            workstationId,
            wrappingKey,
          );
        } finally {
          wrappingKey.fill(0);
        }
      },
    },

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
  };
}

export type VaultGateway = ReturnType<typeof createVaultGateway>;
