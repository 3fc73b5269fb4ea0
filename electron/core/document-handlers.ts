// The identity and document channels. The work happens in the vault (document-operations.ts),
// where the keys are; these handlers only put main's file dialogs in front of it: a path is
// chosen here, never sent by the renderer, and a cancelled dialog answers { cancelled: true }
// with nothing read or written. Where a dialog needs a name to offer (or the call would be
// refused anyway), the vault is asked first, so the user is not shown a dialog for nothing.
import type { PrinterCalibration } from '../../shared/preferences/preferences-schema';
import type { VaultAccess } from './create-core-handlers';
import type { FileDialogs } from './file-dialogs';
import type { CoreHandlers } from './ipc/core-handlers';

type DocumentChannel =
  | 'identity:get'
  | 'identity:generate'
  | 'identity:import'
  | 'identity:importCertificate'
  | 'documents:preview'
  | 'documents:sign'
  | 'documents:save'
  | 'documents:printOverlay'
  | 'documents:printCalibration'
  | 'documents:verify'
  | 'documents:list';

const cancelled = { cancelled: true } as const;

export function createDocumentHandlers(
  vault: VaultAccess,
  dialogs: FileDialogs,
  /** This computer's offsets for the current printer (preferences; never the vault's). */
  printerCalibration: () => Promise<PrinterCalibration>,
): Pick<CoreHandlers, DocumentChannel> {
  return {
    'identity:get': () => vault.identity.get(undefined),
    'identity:generate': (input) => vault.identity.generate(input),
    'identity:import': async (input) => {
      await vault.identity.checkImport(undefined);
      const path = await dialogs.chooseOpenPath({ purpose: 'pkcs12' });
      return path === null ? cancelled : vault.identity.import({ ...input, path });
    },
    'identity:importCertificate': async () => {
      await vault.identity.checkImportCertificate(undefined);
      const path = await dialogs.chooseOpenPath({ purpose: 'x509-certificate' });
      return path === null ? cancelled : vault.identity.importCertificate({ path });
    },
    'documents:preview': (input) => vault.documents.preview(input),
    'documents:sign': (input) => vault.documents.sign(input),
    'documents:save': async (input) => {
      const { defaultName } = await vault.documents.savePlan(input);
      const path = await dialogs.chooseSavePath({ purpose: 'certificate-pdf', defaultName });
      return path === null ? cancelled : vault.documents.save({ ...input, path });
    },
    // Printing itself (Electron's webContents.print) belongs to main's shell; the core writes the
    // overlay PDF the user prints at 100 % on the pre-printed form.
    'documents:printOverlay': async (input) => {
      const { defaultName } = await vault.documents.overlayPlan(input);
      const path = await dialogs.chooseSavePath({ purpose: 'overlay-pdf', defaultName });
      return path === null
        ? cancelled
        : vault.documents.printOverlay({ ...input, path, calibration: await printerCalibration() });
    },
    'documents:printCalibration': async () => {
      await vault.identity.get(undefined); // signed in (any role), before the dialog
      const path = await dialogs.chooseSavePath({
        purpose: 'calibration-pdf',
        defaultName: 'kpdesk-printer-calibration.pdf',
      });
      return path === null
        ? cancelled
        : vault.documents.printCalibration({ path, calibration: await printerCalibration() });
    },
    'documents:list': (input) => vault.documents.list(input),
    'documents:verify': async () => {
      await vault.identity.get(undefined); // signed in (any role), before the dialog
      const path = await dialogs.chooseOpenPath({ purpose: 'certificate-pdf' });
      return path === null ? cancelled : vault.documents.verify({ path });
    },
  };
}
