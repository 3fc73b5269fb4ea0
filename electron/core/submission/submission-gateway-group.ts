// The vault gateway's `submissions` group: each call made as the signed-in user (`session` throws
// VAULT_LOCKED or AUTH_FAILED otherwise) on the desk of the open vault. Paths come from main's
// dialogs (electron/core/submission-handlers.ts), never from the renderer.
import type { Actor } from '../issuance/actor';
import type { SubmissionDesk } from './submission-desk';

export function submissionGatewayGroup(session: () => { desk: SubmissionDesk; actor: Actor }) {
  const call =
    <R>(run: (desk: SubmissionDesk, actor: Actor, input: unknown) => R) =>
    (input: unknown): R => {
      const { desk, actor } = session();
      return run(desk, actor, input);
    };
  return {
    list: call((desk, _actor, input) => desk.list(input)),
    forCertificate: call((desk, _actor, input) => desk.forCertificate(input)),
    retryNow: call((desk, actor, input) => desk.retryNow(actor, input)),
    cancel: call((desk, actor, input) => desk.cancel(actor, input)),
    receipt: call((desk, _actor, input) => desk.receipt(input)),
    /** `{ ids?, path }`: path from main's save dialog. */
    exportReceipts: call((desk, _actor, input) => desk.exportReceipts(input)),
    status: call((desk) => desk.status()),
    overdue: call((desk) => desk.overdue()),
    recipients: call((desk) => desk.recipients()),
    checkConfigure: call((desk, actor) => {
      desk.checkConfigure(actor);
    }),
    /** `{ recipient, field, path }`: path from main's open dialog. */
    chooseFile: call((desk, actor, input) => desk.chooseFile(actor, input)),
    saveRecipient: call((desk, actor, input) => desk.saveRecipient(actor, input)),
    saveRecipientChannel: call((desk, actor, input) => desk.saveRecipientChannel(actor, input)),
    /** Manual channel (issue 12): the checks made before the save dialog. */
    checkManual: call((desk, actor, input) => desk.checkManual(actor, input)),
    /** `{ ids, path }`: path from main's save dialog. */
    saveFaxPackage: call((desk, actor, input) => desk.saveFaxPackage(actor, input)),
    confirmSent: call((desk, actor, input) => desk.confirmSent(actor, input)),
  };
}
