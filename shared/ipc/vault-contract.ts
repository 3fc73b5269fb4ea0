// The vault's channels: creating and unlocking the vault, signing in, and the records. Inputs are
// the same schemas the core's services parse again (shared/records); the renderer never sends an
// actor: main acts as the signed-in user. Backup and restore stay with the CLI until main's save
// and open dialogs choose their files (a path never comes from the renderer).
import { z } from 'zod';
import { CertificateListSchema } from '../records/certificate-list-query';
import {
  CreateDraftSchema,
  DeliverSchema,
  IssueSchema,
  RecordItnSchema,
  ShipSchema,
  UpdateDraftSchema,
  VoidSchema,
} from '../records/issuance-inputs';
import { LicenseeProfileSchema } from '../records/licensee-profile';
import {
  AuditReportSchema,
  CertificatePageSchema,
  CertificateRecordSchema,
  LicenseeSchema,
  StockSummarySchema,
  UserSummarySchema,
  VaultStatusSchema,
} from '../records/record-outputs';
import { RegisterStockSchema } from '../records/stock-inputs';
import { FirstAdministratorSchema, NewUserSchema, SignInSchema } from '../records/user-inputs';

const noInput = z.object({}).strict();
const id = z.object({ id: z.number().int().min(1) }).strict();

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
  'vault:changePassphrase': {
    input: z
      .object({
        currentPassphrase: z.string().min(1).max(1024),
        newPassphrase: z.string().max(1024),
      })
      .strict(),
    output: VaultStatusSchema,
  },
  'session:signIn': { input: SignInSchema, output: VaultStatusSchema },
  'session:signOut': { input: noInput, output: VaultStatusSchema },
  'users:createFirstAdministrator': { input: FirstAdministratorSchema, output: VaultStatusSchema },
  'users:list': { input: noInput, output: z.array(UserSummarySchema) },
  'users:create': { input: NewUserSchema, output: UserSummarySchema },
  'licensee:get': { input: noInput, output: LicenseeSchema.nullable() },
  'licensee:save': { input: LicenseeProfileSchema, output: LicenseeSchema },
  'stock:register': { input: RegisterStockSchema, output: StockSummarySchema },
  'stock:summary': { input: noInput, output: StockSummarySchema },
  'certificates:createDraft': { input: CreateDraftSchema, output: CertificateRecordSchema },
  'certificates:updateDraft': { input: UpdateDraftSchema, output: CertificateRecordSchema },
  'certificates:recordItn': { input: RecordItnSchema, output: CertificateRecordSchema },
  'certificates:issue': { input: IssueSchema, output: CertificateRecordSchema },
  'certificates:ship': { input: ShipSchema, output: CertificateRecordSchema },
  'certificates:deliver': { input: DeliverSchema, output: CertificateRecordSchema },
  'certificates:void': { input: VoidSchema, output: CertificateRecordSchema },
  'certificates:get': { input: id, output: CertificateRecordSchema },
  'certificates:list': { input: CertificateListSchema, output: CertificatePageSchema },
  'audit:verify': { input: noInput, output: AuditReportSchema },
} as const;
