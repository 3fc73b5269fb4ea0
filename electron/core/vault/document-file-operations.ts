// The certificate documents as files and pictures: the preview of page 1, the stored documents'
// list (each current or superseded) and their saving, the print-on-form overlay and the
// calibration page. Every file is written at a path main's dialogs chose, never the renderer's.
import { z } from 'zod';
import type { StoredDocument } from '../../../shared/ipc/documents-contract';
import { documentKinds } from '../../../shared/ipc/documents-contract';
import { AppFailure } from '../app-failure';
import type { PrinterCalibration } from '../documents/layout/printer-calibration';
import { WRITERS, authorize } from '../issuance/actor';
import type { Actor } from '../issuance/actor';
import type { DocumentContext } from './document-context';
import { CertificateIdSchema, PathSchema, path } from './document-context';
import { writeFileAtomically } from './document-files';
import { renderCertificatePreview } from './document-preview';
import type { CertificateRecord } from './repositories/certificate-row';
import { parseInput } from './repositories/parse-input';
import { SIGNABLE, documentKindFor } from './signing-operations';

const StoredSchema = CertificateIdSchema.extend({
  kind: z.enum(documentKinds).default('certificate'),
});
const ChosenSchema = StoredSchema.extend({
  documentId: z.number().int().min(1).optional(),
  superseded: z.literal(true).optional(),
});
const SaveSchema = ChosenSchema.extend({ path });
// The printer's offsets come from this computer's preferences, added by main (document-handlers.ts);
// the vault no longer decides them (issue 16: a restore must not move them between computers).
const calibration = z
  .object({ offsetXPt: z.number().min(-72).max(72), offsetYPt: z.number().min(-72).max(72) })
  .strict()
  .default({ offsetXPt: 0, offsetYPt: 0 });
const OverlaySchema = CertificateIdSchema.extend({ path, calibration });
const CalibrationPageSchema = PathSchema.extend({ calibration });
const inLayoutTerms = (offsets: z.infer<typeof calibration>): PrinterCalibration => ({
  offsetX: offsets.offsetXPt,
  offsetY: offsets.offsetYPt,
});

export function createDocumentFileOperations(context: DocumentContext) {
  const {
    db,
    now,
    users,
    licensee,
    attachments,
    audit,
    notImported,
    resourcesDir,
    mustGet,
    printable,
    latestStored,
    sealPublicKey,
    status,
    voidStampOf,
    everyone,
  } = context;

  /** The stored document a save writes (signed-document-status.ts decides which). */
  const chosenForSaving = (request: z.infer<typeof ChosenSchema>) => {
    const record = mustGet(request.certificateId);
    return { record, document: status.forSaving(record, request) };
  };

  /** Only an issued certificate is printed on a form; a voided one never again. */
  const overlayRecord = (actor: Actor, certificateId: number): CertificateRecord => {
    authorize(users, actor, WRITERS, 'print certificates');
    const record = mustGet(certificateId);
    notImported(record);
    if (documentKindFor(record) !== 'certificate')
      throw new AppFailure(
        'ILLEGAL_TRANSITION',
        `Certificate ${record.number} is voided: it is never printed on a form again.`,
      );
    return record;
  };

  return {
    /** Page 1 as SVG (document-preview.ts): a draft as typed, a signed one as signed. */
    preview(actor: Actor, input: unknown): Promise<{ svg: string }> {
      everyone(actor, 'see certificates');
      const { certificateId } = parseInput(CertificateIdSchema, input);
      const record = mustGet(certificateId);
      const kind = SIGNABLE.has(record.state)
        ? 'certificate'
        : record.state === 'VOIDED'
          ? 'void'
          : null;
      return renderCertificatePreview({
        record,
        kind,
        resourcesDir: resourcesDir(),
        printable,
        latestSignedPdf: (of) => {
          const stored = latestStored(record.id, of);
          return stored === undefined ? null : attachments.read(stored.id);
        },
        sealPublicKey: sealPublicKey(),
        voidStamp: voidStampOf(record),
        licenseeName: licensee.get()?.legalName,
      });
    },

    /** What main needs before the save dialog: the name to offer. Refuses if nothing is stored. */
    savePlan(actor: Actor, input: unknown): { defaultName: string } {
      everyone(actor, 'save certificate documents');
      return { defaultName: chosenForSaving(parseInput(ChosenSchema, input)).document.fileName };
    },

    save(actor: Actor, input: unknown): { path: string } {
      const user = everyone(actor, 'save certificate documents');
      const request = parseInput(SaveSchema, input);
      const { document } = chosenForSaving(request);
      if (document.status === 'current') {
        writeFileAtomically(request.path, attachments.read(document.documentId));
        return { path: request.path };
      }
      // A superseded copy leaving the vault is worth a line in the chain: it shows old values.
      // The event is recorded in the transaction of the write: a failed write records nothing.
      db.transaction(() => {
        writeFileAtomically(request.path, attachments.read(document.documentId));
        audit.append({
          userId: user.id,
          action: 'document.save-superseded',
          entityType: 'attachment',
          entityId: document.documentId,
        });
      }).immediate();
      return { path: request.path };
    },

    /** The certificate's signed documents, each current or superseded (any signed-in role). */
    list(actor: Actor, input: unknown): { documents: StoredDocument[] } {
      everyone(actor, 'see certificate documents');
      const { certificateId } = parseInput(CertificateIdSchema, input);
      return { documents: status.list(mustGet(certificateId)) };
    },

    overlayPlan(actor: Actor, input: unknown): { defaultName: string } {
      const { certificateId } = parseInput(CertificateIdSchema, input);
      return { defaultName: `${overlayRecord(actor, certificateId).number}-overlay.pdf` };
    },

    /** The data only, for USKPA's pre-printed form, shifted by the printer's calibration. */
    async printOverlay(actor: Actor, input: unknown): Promise<{ path: string }> {
      const request = parseInput(OverlaySchema, input);
      const record = overlayRecord(actor, request.certificateId);
      const { renderOverlayPdfBytes } = await import('../documents/layout/render-overlay-pdf');
      const bytes = await renderOverlayPdfBytes(printable(record, 'certificate'), {
        resourcesDir: resourcesDir(),
        calibration: inLayoutTerms(request.calibration),
        now: now(),
      });
      writeFileAtomically(request.path, bytes);
      return { path: request.path };
    },

    async printCalibration(actor: Actor, input: unknown): Promise<{ path: string }> {
      everyone(actor, 'print the calibration page');
      const request = parseInput(CalibrationPageSchema, input);
      const { renderCalibrationPageBytes } =
        await import('../documents/layout/render-calibration-page');
      const bytes = await renderCalibrationPageBytes({
        resourcesDir: resourcesDir(),
        calibration: inLayoutTerms(request.calibration),
        now: now(),
      });
      writeFileAtomically(request.path, bytes);
      return { path: request.path };
    },
  };
}
