// The submissions channels. The vault does the work (submission/submission-desk.ts); this only
// puts main's dialogs in front of the two that touch files: the receipts export (save dialog) and
// a recipient's CA, client certificate or key (open dialog). The vault is asked first whether the
// user may configure recipients, so nobody is shown a dialog for nothing; a cancelled dialog
// answers { cancelled: true } with nothing read or written.
import type { VaultAccess } from './create-core-handlers';
import type { FileDialogs, OpenPurpose } from './file-dialogs';
import type { CoreHandlers } from './ipc/core-handlers';

type SubmissionChannel =
  | 'submissions:list'
  | 'submissions:forCertificate'
  | 'submissions:retryNow'
  | 'submissions:cancel'
  | 'submissions:receipt'
  | 'submissions:exportReceipts'
  | 'submissions:status'
  | 'submissions:overdue'
  | 'submissions:recipients'
  | 'submissions:chooseRecipientFile'
  | 'submissions:saveRecipient'
  | 'submissions:saveRecipientChannel'
  | 'submissions:saveFaxPackage'
  | 'submissions:confirmSent';

const purposeOf: Record<'caPem' | 'clientCertPem' | 'clientKeyPem', OpenPurpose> = {
  caPem: 'recipient-ca',
  clientCertPem: 'client-certificate',
  clientKeyPem: 'client-key',
};

const cancelled = { cancelled: true } as const;

export function createSubmissionHandlers(
  vault: VaultAccess,
  dialogs: FileDialogs,
): Pick<CoreHandlers, SubmissionChannel> {
  return {
    'submissions:list': (input) => vault.submissions.list(input),
    'submissions:forCertificate': (input) => vault.submissions.forCertificate(input),
    'submissions:retryNow': (input) => vault.submissions.retryNow(input),
    'submissions:cancel': (input) => vault.submissions.cancel(input),
    'submissions:receipt': (input) => vault.submissions.receipt(input),
    'submissions:exportReceipts': async (input) => {
      await vault.submissions.status(undefined); // signed in (any role), before the dialog
      const day = new Date().toISOString().slice(0, 10);
      const path = await dialogs.chooseSavePath({
        purpose: 'submission-receipts',
        defaultName: `kpdesk-receipts-${day}.json`,
      });
      return path === null ? cancelled : vault.submissions.exportReceipts({ ...input, path });
    },
    'submissions:status': () => vault.submissions.status(undefined),
    'submissions:overdue': () => vault.submissions.overdue(undefined),
    'submissions:recipients': () => vault.submissions.recipients(undefined),
    'submissions:chooseRecipientFile': async (input) => {
      await vault.submissions.checkConfigure(undefined);
      const path = await dialogs.chooseOpenPath({ purpose: purposeOf[input.field] });
      return path === null ? cancelled : vault.submissions.chooseFile({ ...input, path });
    },
    'submissions:saveRecipient': (input) => vault.submissions.saveRecipient(input),
    'submissions:saveRecipientChannel': (input) => vault.submissions.saveRecipientChannel(input),
    // The manual channel: role and channel checked before the dialog shows, so a reviewer or a
    // row KP Desk sends itself gets a clear refusal, not a dialog for nothing.
    'submissions:saveFaxPackage': async (input) => {
      const { recipient } = await vault.submissions.checkManual(input);
      const day = new Date().toISOString().slice(0, 10);
      const path = await dialogs.chooseSavePath({
        purpose: 'fax-package-pdf',
        defaultName: `kp-copies-for-${recipient}-${day}.pdf`,
      });
      return path === null ? cancelled : vault.submissions.saveFaxPackage({ ...input, path });
    },
    'submissions:confirmSent': (input) => vault.submissions.confirmSent(input),
  };
}
