// The vault's channels: creating and unlocking the vault, signing in, and the records. Inputs are
// the same schemas the core's services parse again (shared/records); the renderer never sends an
// actor: main acts as the signed-in user. Backup and restore stay with the CLI until main's save
// and open dialogs choose their files (a path never comes from the renderer).
import { z } from 'zod';
import { CertificateListSchema } from '../records/certificate-list-query';
import {
  CreateDraftSchema,
  DecideEditSchema,
  DeliverSchema,
  EditRequestListSchema,
  IssueSchema,
  RecordItnSchema,
  RequestEditSchema,
  ShipSchema,
  UpdateDraftSchema,
  VoidSchema,
} from '../records/issuance-inputs';
import { LicenseeProfileSchema } from '../records/licensee-profile';
import { PartyListSchema, PartySaveSchema } from '../records/party-inputs';
import { UnlockCheckSchema } from '../records/unlock-check';
import {
  AuditReportSchema,
  CertificatePageSchema,
  CertificateRecordSchema,
  EditRequestSchema,
  LicenseeSchema,
  PartySchema,
  StockSummarySchema,
  TimelineEventSchema,
  UserSummarySchema,
  VaultStatusSchema,
} from '../records/record-outputs';
import { RestoreInputSchema } from '../records/restore-input';
import { RegisterStockSchema, VoidBlankSchema } from '../records/stock-inputs';
import { SettingsViewSchema, VaultSettingsSchema } from '../records/vault-settings';
import {
  BackupResultSchema,
  RestoreResultSchema,
  TaskProgressSchema,
} from '../records/task-progress';
import {
  FirstAdministratorSchema,
  NewUserSchema,
  SignInSchema,
  UpdateUserSchema,
} from '../records/user-inputs';

const noInput = z.object({}).strict();
const AuditHeadSchema = z
  .object({
    line: z.string(),
    vaultId: z.string().nullable(),
    seq: z.number().int().nonnegative(),
    hash: z.string(),
    at: z.string().nullable(),
  })
  .strict();
const id = z.object({ id: z.number().int().min(1) }).strict();
const KeychainRememberedSchema = z
  .object({ rememberedOnThisComputer: z.boolean(), backend: z.string().nullable() })
  .strict();

export const vaultContract = {
  'vault:status': { input: noInput, output: VaultStatusSchema },
  'vault:create': {
    input: z.object({ passphrase: z.string().max(1024) }).strict(),
    output: z.object({ recoveryKey: z.string(), status: VaultStatusSchema }).strict(),
  },
  'vault:unlock': {
    input: z.union([
      z.object({ passphrase: z.string().min(1).max(1024) }).strict(),
      z.object({ recoveryKey: z.string().min(1).max(200) }).strict(),
    ]),
    output: VaultStatusSchema,
  },
  'vault:lock': { input: noInput, output: VaultStatusSchema },
  /** First run: the recovery key typed back in full; VAULT_KEY_INVALID if it is not this vault's. */
  'vault:confirmRecoveryKey': {
    input: z.object({ recoveryKey: z.string().min(1).max(200) }).strict(),
    output: VaultStatusSchema,
  },
  /**
   * Administrators: a new recovery key in place of the old one (which opens nothing any more),
   * proved by the current passphrase; the data is not re-encrypted. The key is returned once;
   * the status shows it unconfirmed until it is typed back through vault:confirmRecoveryKey.
   */
  'vault:rotateRecoveryKey': {
    input: z.object({ currentPassphrase: z.string().min(1).max(1024) }).strict(),
    output: z.object({ recoveryKey: z.string(), status: VaultStatusSchema }).strict(),
  },
  /**
   * Administrators: re-encrypts the vault under a new random key and a new recovery key
   * (returned once), proved by the current passphrase; the old recovery key and old key files
   * open nothing any more. The vault is then locked; old backups keep the old key.
   */
  'vault:rekey': {
    input: z.object({ currentPassphrase: z.string().min(1).max(1024) }).strict(),
    output: z.object({ recoveryKey: z.string(), status: VaultStatusSchema }).strict(),
  },
  'vault:changePassphrase': {
    input: z
      .object({
        currentPassphrase: z.string().min(1).max(1024),
        newPassphrase: z.string().max(1024),
      })
      .strict(),
    output: VaultStatusSchema,
  },
  /**
   * Stores the database key wrapped by this computer's keychain (the passphrase proves it), so
   * the app opens the vault at start-up. KEY_UNAVAILABLE, with nothing written, when the keychain
   * is weak (Linux basic_text) or absent (the preview host).
   */
  'vault:rememberOnThisComputer': {
    input: z.object({ passphrase: z.string().min(1).max(1024) }).strict(),
    output: KeychainRememberedSchema,
  },
  /** Removes the keychain's copy; the passphrase and the recovery key still open the vault. */
  'vault:forgetOnThisComputer': { input: noInput, output: KeychainRememberedSchema },
  /** Any signed-in user; main's save dialog picks the file. Poll tasks:progress meanwhile. */
  'vault:backup': { input: noInput, output: BackupResultSchema },
  /**
   * Replaces the vault: only its administrator signed in, or (locked) whoever proves its current
   * passphrase or recovery key; main's open dialog picks the backup, unlocked with the passphrase
   * (or recovery key) the vault had when it was made. Everything is checked before anything
   * changes; another vault's backup, or one that drops events, needs its own confirmation
   * (RESTORE_NOT_CONFIRMED names it). The restore is recorded in the restored vault's chain.
   */
  'vault:restore': { input: RestoreInputSchema, output: RestoreResultSchema },
  /** The running backup or restore, or null. Answers at once, even while the task runs. */
  'tasks:progress': { input: noInput, output: TaskProgressSchema.nullable() },
  'session:signIn': { input: SignInSchema, output: VaultStatusSchema },
  'session:signOut': { input: noInput, output: VaultStatusSchema },
  'users:createFirstAdministrator': { input: FirstAdministratorSchema, output: VaultStatusSchema },
  'users:list': { input: noInput, output: z.array(UserSummarySchema) },
  'users:create': { input: NewUserSchema, output: UserSummarySchema },
  /** Administrators; never the last active administrator, never one's own account disabled. */
  'users:update': { input: UpdateUserSchema, output: UserSummarySchema },
  'licensee:get': { input: noInput, output: LicenseeSchema.nullable() },
  'licensee:save': { input: LicenseeProfileSchema, output: LicenseeSchema },
  /** Administrators; applies at once (rules at the next check, auto-lock at the next call). */
  'settings:save': { input: VaultSettingsSchema, output: SettingsViewSchema },
  'parties:list': { input: PartyListSchema, output: z.array(PartySchema) },
  'parties:save': { input: PartySaveSchema, output: PartySchema },
  'stock:register': { input: RegisterStockSchema, output: StockSummarySchema },
  'stock:summary': { input: noInput, output: StockSummarySchema },
  /** A spoiled blank form never drafted: voided for good, audited, queued for Census and USKPA. */
  'stock:voidBlank': { input: VoidBlankSchema, output: StockSummarySchema },
  'certificates:createDraft': { input: CreateDraftSchema, output: CertificateRecordSchema },
  'certificates:updateDraft': { input: UpdateDraftSchema, output: CertificateRecordSchema },
  'certificates:recordItn': { input: RecordItnSchema, output: CertificateRecordSchema },
  'certificates:issue': { input: IssueSchema, output: CertificateRecordSchema },
  'certificates:ship': { input: ShipSchema, output: CertificateRecordSchema },
  'certificates:deliver': { input: DeliverSchema, output: CertificateRecordSchema },
  'certificates:void': { input: VoidSchema, output: CertificateRecordSchema },
  'certificates:get': { input: id, output: CertificateRecordSchema },
  'certificates:list': { input: CertificateListSchema, output: CertificatePageSchema },
  'certificates:timeline': { input: id, output: z.array(TimelineEventSchema) },
  /** Operators and administrators, for an issued (shipped, delivered, expired) certificate. */
  'certificates:requestEdit': { input: RequestEditSchema, output: EditRequestSchema },
  'editRequests:list': { input: EditRequestListSchema, output: z.array(EditRequestSchema) },
  /** Administrators and reviewers; an approval applies the correction and queues the amendment. */
  'editRequests:decide': { input: DecideEditSchema, output: EditRequestSchema },
  'audit:verify': { input: noInput, output: AuditReportSchema },
  /**
   * Administrators: the audit chain's head as one line (docs/audit-anchors.md) to e-mail, print
   * or file away; any later rewrite or removal of events up to it contradicts it.
   */
  'audit:head': { input: noInput, output: AuditHeadSchema },
  /**
   * What the check at unlock found: the events since the head the last full verification proved
   * (issue 13, part 6), or that no full verification is recorded yet.
   */
  'audit:unlockCheck': { input: noInput, output: UnlockCheckSchema },
} as const;
