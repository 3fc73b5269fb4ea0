// The only way the vault is written. Every operation takes an actor ({ userId, role }) and runs
// in ONE transaction (BEGIN IMMEDIATE): the row change, its audit event(s) and any outbox rows
// commit together or not at all, so a failure, a refusal or a crash leaves nothing half done.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { decideEdit, requestEdit } from './edit-request-operations';
import { expireOverdueCertificates } from './expire-overdue-certificates';
import { createDraft, recordItn, updateDraft } from './draft-operations';
import type { IssuanceContext } from './issuance-context';
import {
  addAttachment,
  createFirstAdministrator,
  createParty,
  createUser,
  registerStock,
  saveLicensee,
  saveParty,
  updateParty,
} from './records-operations';
import { deliver, expire, issue, ship, voidCertificate } from './shipment-operations';
import { saveSettings } from './settings-operations';
import { updateUser } from './user-operations';
import { voidBlank } from './void-blank-operations';
import type { IssueCheck, IssueRequest } from './issue-in-one-step';
import { checkIssue, issueChecked } from './issue-in-one-step';
import {
  recordRecoveryKeyConfirmed,
  recordRecoveryKeyRotated,
  recordVaultRekeyed,
} from './vault-operations';

type Operation<R> = (context: IssuanceContext, actor: unknown, input: unknown) => R;

function inTransaction<R>(
  db: Database,
  context: IssuanceContext,
  operation: Operation<R>,
): (actor: unknown, input: unknown) => R {
  const transaction = db.transaction((actor: unknown, input: unknown) =>
    operation(context, actor, input),
  );
  // IMMEDIATE takes the write lock at the start, so two writers never deadlock on an upgrade.
  return (actor, input) => transaction.immediate(actor, input);
}

export type IssuanceService = ReturnType<typeof createIssuanceService>;

export function createIssuanceService(context: IssuanceContext) {
  const { db } = context;
  const op = <R>(operation: Operation<R>) => inTransaction(db, context, operation);
  const first = op((ctx, _actor, input) => createFirstAdministrator(ctx, input));
  const confirmed = op((ctx, _actor, userId) => {
    recordRecoveryKeyConfirmed(ctx, typeof userId === 'number' ? userId : null);
  });
  return {
    createFirstAdministrator: (input: unknown) => first(null, input),
    /** After keys/check-recovery-key.ts accepted the typed key; the user, if one is signed in. */
    recordRecoveryKeyConfirmed: (userId: number | null) => {
      confirmed(null, userId);
    },
    /**
     * keys/rotate-recovery-key.ts: the replacement is recorded (audited) and the key file
     * replaced in one transaction; if writing the key file fails, nothing is recorded.
     */
    recordRecoveryKeyRotated: (actor: unknown, replaceKeyFile: () => void) => {
      db.transaction(() => {
        recordRecoveryKeyRotated(context, actor);
        replaceKeyFile();
      }).immediate();
    },
    /** The rekey recorded (audited) and its key file put in place in one transaction. */
    recordVaultRekeyed: (actor: unknown, installKeyFile: () => void) => {
      db.transaction(() => {
        recordVaultRekeyed(context, actor);
        installKeyFile();
      }).immediate();
    },
    saveLicensee: op(saveLicensee),
    createUser: op(createUser),
    updateUser: op(updateUser),
    saveSettings: op(saveSettings),
    createParty: op(createParty),
    updateParty: op(updateParty),
    saveParty: op(saveParty),
    registerStock: op(registerStock),
    voidBlank: op(voidBlank),
    addAttachment: op(addAttachment),
    createDraft: op(createDraft),
    updateDraft: op(updateDraft),
    recordItn: op(recordItn),
    issue: op(issue),
    ship: op(ship),
    deliver: op(deliver),
    void: op(voidCertificate),
    expire: op(expire),
    /** By KP Desk itself, one transaction per certificate; `today` from main's clock. */
    expireOverdue: (today: string) => expireOverdueCertificates(context, today),
    requestEdit: op(requestEdit),
    decideEdit: op(decideEdit),
    /** Bulk issue (issue-in-one-step.ts): every rule of draft, ITN and issue, writing nothing. */
    checkIssue: (request: IssueRequest): IssueCheck => checkIssue(context, request),
    /** Writes what checkIssue accepted, ISSUED, in one transaction (a savepoint in a batch's). */
    issueChecked: op(issueChecked),
  };
}
