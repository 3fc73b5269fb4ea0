// What the vault channels answer, as schemas: dispatch checks every answer against them, so the
// renderer can rely on these shapes. The core's repository types must stay assignable to these
// (tests/unit/ipc/record-outputs.test.ts checks real answers against them).
import { z } from 'zod';
import { StoredCertificateDraftSchema } from '../domain/certificate-draft';
import { certificateStates } from '../domain/lifecycle';
import { warrantyWordings } from './issuance-inputs';
import { partyKinds } from './party-inputs';
import { userRoles } from './user-inputs';

const storedStates = certificateStates.filter((state) => state !== 'IN_STOCK') as [
  'DRAFT',
  ...('VALIDATED' | 'ISSUED' | 'SHIPPED' | 'DELIVERED' | 'VOIDED' | 'EXPIRED')[],
];

export const VaultStatusSchema = z
  .object({
    /** absent: first run (create a vault); locked: unlock it; open: ready. */
    vault: z.enum(['absent', 'locked', 'open']),
    user: z
      .object({
        userId: z.number().int(),
        username: z.string(),
        displayName: z.string(),
        role: z.enum(userRoles),
      })
      .strict()
      .nullable(),
    /** True until the first administrator exists. */
    needsFirstAdministrator: z.boolean(),
    /**
     * Whether the recovery key shown at first run was typed back (vault:confirmRecoveryKey).
     * Until it is, the record channels answer RECOVERY_KEY_UNCONFIRMED. false while not open.
     */
    recoveryKeyConfirmed: z.boolean(),
    /**
     * Whether this computer's keychain keeps the vault key ("Remember on this computer": a keychain
     * wrap in the key file), open or locked alike, so the unlock screen can say it too. It does
     * not ask the keychain, which may still refuse at start-up (a changed backend). false when
     * the vault is absent or its key file cannot be read.
     */
    rememberedOnThisComputer: z.boolean(),
  })
  .strict();
export type VaultStatus = z.infer<typeof VaultStatusSchema>;

export const LicenseeSchema = z
  .object({
    legalName: z.string(),
    address: z.string(),
    tin: z.string(),
    isCommonCarrier: z.boolean(),
    updatedAt: z.string(),
  })
  .strict();

export const UserSummarySchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(userRoles),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .strict();

/** An address-book entry: an exporter or consignee. */
export const PartySchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(partyKinds),
    name: z.string(),
    address: z.string(),
    country: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();

export const StockSummarySchema = z
  .object({
    counts: z
      .object({ available: z.number().int(), used: z.number().int(), voided: z.number().int() })
      .strict(),
    gaps: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int() }).strict()),
    /** The lowest available form number (the next blank to draft on), or null when none is left. */
    nextAvailable: z.string().nullable(),
  })
  .strict();

// Packaging and warranty are recorded complete at issue (PackagingSchema, WarrantySchema); before
// that they hold what the draft saved as typed, possibly incomplete or empty ({}).
// The shapes of PackagingSchema/DraftPackagingSchema and WarrantySchema/DraftWarrantySchema
// (issuance-inputs.ts), with text as stored: a record saved before the typed-text rule
// (person-text.ts) stays readable.
export const StoredPackagingSchema = z.union([
  z.object({ description: z.string(), sealNumbers: z.array(z.string()) }).strict(),
  z
    .object({
      containerType: z.string(),
      otherDescription: z.string(),
      meetsDefinition: z.boolean(),
      parcelsInContainer: z.string(),
      seals: z.string(),
      numberOnContainer: z.boolean(),
    })
    .partial()
    .strict(),
]);
export const StoredWarrantySchema = z.union([
  z.object({ statement: z.string(), invoiceNumbers: z.array(z.string()) }).strict(),
  z
    .object({ wording: z.enum(warrantyWordings), invoices: z.string() })
    .partial()
    .strict(),
]);
export type StoredPackaging = z.output<typeof StoredPackagingSchema>;
export type StoredWarranty = z.output<typeof StoredWarrantySchema>;

/**
 * A record imported from elsewhere (issue 15 part 3): its source file and row, when and by whom;
 * never signed by KP Desk. Null for a certificate made in KP Desk.
 */
export const ImportMarkSchema = z
  .object({
    file: z.string(),
    row: z.number().int(),
    format: z.enum(['uskpa-csv', 'bulk-csv', 'bulk-json']),
    importedAt: z.string(),
    importedBy: z.string(),
  })
  .strict();
export type ImportMark = z.output<typeof ImportMarkSchema>;

export const CertificateRecordSchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    state: z.enum(storedStates),
    draft: StoredCertificateDraftSchema,
    packaging: StoredPackagingSchema,
    warranty: StoredWarrantySchema,
    attestedBy: z.number().int().nullable(),
    issuedAt: z.string().nullable(),
    shipDate: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    importConfirmed: z.boolean(),
    voidReason: z.string().nullable(),
    voidNotes: z.string().nullable(),
    voidedAt: z.string().nullable(),
    expiredAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    /** certificates:get only: the import mark of a record imported from elsewhere. */
    imported: ImportMarkSchema.nullable().optional(),
  })
  .strict();

export const CertificateSummarySchema = z
  .object({
    id: z.number().int(),
    number: z.string(),
    state: z.enum(storedStates),
    exporterName: z.string(),
    consigneeName: z.string(),
    destinationCountry: z.string(),
    hsCode: z.string(),
    itn: z.string().nullable(),
    dateOfIssue: z.string().nullable(),
    /** When it was issued; null for a draft, whose date of issue is only planned (issue 16). */
    issuedAt: z.string().nullable(),
    caratHundredths: z.number().int().nullable(),
    valueCents: z.number().int().nullable(),
    version: z.number().int(),
    /** certificates:list: true for a record imported from elsewhere (issue 15 part 3). */
    imported: z.boolean().optional(),
  })
  .strict();

/** certificates:timeline: one audit event of the certificate, its form or its edit requests. */
export const TimelineEventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    /** e.g. "certificate.issue", "stock.register", "edit-request.approve". */
    action: z.string(),
    entityType: z.enum(['certificate', 'stock', 'edit_request', 'attachment', 'stock_range']),
    userId: z.number().int().nullable(),
    /** Who acted; null for events without a user (the first administrator's creation). */
    userDisplayName: z.string().nullable(),
  })
  .strict();

/** A correction of an issued certificate, asked for and decided (never a silent edit). */
export const EditRequestSchema = z
  .object({
    id: z.number().int(),
    certificateId: z.number().int(),
    proposed: StoredCertificateDraftSchema,
    reason: z.string(),
    status: z.enum(['pending', 'approved', 'rejected']),
    requestedBy: z.number().int(),
    requestedAt: z.string(),
    decidedBy: z.number().int().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .strict();

export const CertificatePageSchema = z
  .object({
    items: z.array(CertificateSummarySchema),
    nextCursor: z
      .object({ dateOfIssue: z.string().nullable(), id: z.number().int() })
      .strict()
      .nullable(),
  })
  .strict();

export const AuditReportSchema = z
  .object({
    ok: z.boolean(),
    eventsChecked: z.number().int(),
    firstBreak: z
      .object({
        seq: z.number().int().nullable(),
        kind: z.enum(['hash', 'link', 'entity']),
        entityType: z.string().optional(),
        entityId: z.string().optional(),
        /** The record in a licensee's words, e.g. "certificate US123456 (record 4812)". */
        record: z.string().optional(),
        message: z.string(),
      })
      .strict()
      .optional(),
    /** The last event of the snapshot a full verification read (issue 13: it runs beside
     * issuing, and events written meanwhile are checked by the next check). */
    head: z
      .object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) })
      .strict()
      .optional(),
  })
  .strict();
