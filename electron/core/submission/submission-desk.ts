// The submissions as the app serves them over one open vault (the vault gateway's `submissions`
// group): the queue and its receipts to read (any signed-in user: reviewers read), the user's
// moves (operators and administrators, checked by the submission service), the recipients
// (administrators), the overdue Census duties, and the background delivery that runs while the
// vault is open. Built when the vault opens and stopped when it locks (vault-gateway.ts).
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type {
  DeliveryState,
  RecipientView,
  SubmissionItem,
} from '../../../shared/records/submission-views';
import {
  ChooseRecipientFileInputSchema,
  ReceiptExportInputSchema,
  SaveRecipientChannelInputSchema,
  SaveRecipientInputSchema,
  SubmissionListInputSchema,
} from '../../../shared/records/submission-views';
import type { SaveRecipientChannelInput } from '../../../shared/records/submission-views';
import type { RecipientSettings } from '../../../shared/records/submission-recipient-settings';
import { AppFailure } from '../app-failure';
import type { Actor } from '../issuance/actor';
import { ADMINISTRATORS, authorize } from '../issuance/actor';
import { createAuditWriter } from '../vault/audit/audit-chain';
import { parseInput } from '../vault/repositories/parse-input';
import { createUserRepository } from '../vault/repositories/user-repository';
import { createBackgroundDelivery } from './background-delivery';
import { createDemoRecipients } from './demo-recipients';
import { createOutboxDeliveries } from './outbox-deliveries';
import { createOverdueDuties } from './overdue-duties';
import { describeReceipt } from './receipt-view';
import { describeManualConfirmation } from './confirmation-receipt-view';
import type { DeliveryReceipt } from './delivery-receipt';
import { isManualConfirmation } from './delivery-receipt';
import {
  createRecipientFileDraft,
  describeCertificate,
  readRecipientFile,
} from './recipient-files';
import { createRecipientSettingsStore } from './recipient-settings-store';
import { createSubmissionQueries } from './submission-queries';
import { createSubmissionService } from './submission-service';
import { findResourcesDir } from '../documents/find-resources-dir';
import { manualMethods } from './delivery-receipt';

const IdSchema = z.object({ id: z.number().int().min(1) }).strict();
const CertificateSchema = z.object({ certificateId: z.number().int().min(1) }).strict();
const StageSchema = ChooseRecipientFileInputSchema.extend({ path: z.string().min(1) }).strict();
const ExportSchema = ReceiptExportInputSchema.extend({ path: z.string().min(1) }).strict();

export type SubmissionDeskOptions = {
  now: () => Date;
  /** Per-attempt timeout of the HTTPS channel (tests lower it). */
  timeoutMs?: number;
  onError?: (error: unknown) => void;
  /** Whether the vault is still open (the gateway's auto-lock), asked before each pass. */
  mayRun?: () => boolean;
  /** Holds fonts/DejaVuSans*.ttf for the fax package (found from here when not given). */
  resourcesDir?: string;
};

const FaxPackageSchema = z
  .object({
    ids: z.array(z.number().int().min(1)).min(1).max(500),
    path: z.string().min(1),
  })
  .strict();
const ConfirmSentSchema = z
  .object({
    id: z.number().int().min(1),
    method: z.enum(manualMethods),
    sentAt: z.string().max(40),
    reference: z.string().max(400),
    note: z.string().max(2000).optional(),
  })
  .strict();

export type SubmissionDesk = ReturnType<typeof createSubmissionDesk>;

export function createSubmissionDesk(db: Database, options: SubmissionDeskOptions) {
  const { now } = options;
  const service = createSubmissionService(db, {
    now,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const audit = createAuditWriter(db, now);
  const settings = createRecipientSettingsStore(db, now, audit);
  const deliveries = createOutboxDeliveries(db, now, audit);
  const queries = createSubmissionQueries(db);
  const overdue = createOverdueDuties(db);
  const users = createUserRepository(db, now);
  const draft = createRecipientFileDraft();
  const background = createBackgroundDelivery({
    drain: (request) => service.drain(request),
    nextDueAt: () => deliveries.earliestDue(service.sendingRecipients()),
    hasSender: () => service.sendingRecipients().length > 0,
    now,
    ...(options.onError === undefined ? {} : { onError: options.onError }),
    ...(options.mayRun === undefined ? {} : { mayRun: options.mayRun }),
  });

  const item = (id: number): SubmissionItem => {
    const record = queries.get(id);
    if (record === null) throw new AppFailure('NOT_FOUND', `There is no submission ${String(id)}.`);
    return record.item;
  };

  const pinnedCa = (recipient: string): string | null => {
    const found = settings.all().find((entry) => entry.recipient === recipient);
    return found?.channel === 'https' ? found.caPem : null;
  };

  const receipt = (id: number) => {
    const record = queries.get(id);
    const stored = queries.receiptJson(id);
    if (record === null || stored === null)
      throw new AppFailure(
        'NOT_FOUND',
        `Submission ${String(id)} has no receipt: it was not delivered through a channel that returns one.`,
      );
    const parsed = JSON.parse(stored) as DeliveryReceipt;
    if (isManualConfirmation(parsed)) return describeManualConfirmation(record, parsed);
    return describeReceipt(record, stored, pinnedCa(record.item.recipient));
  };

  const recipients = () => {
    const demo = new Set(settings.demoRecipients());
    return {
      recipients: settings.all().map((entry): RecipientView => {
        const summary = service.recipients().find((s) => s.recipient === entry.recipient);
        const https = entry.channel === 'https' ? entry : null;
        const mail = entry.channel === 'smtp' ? entry : null;
        const ca = describeCertificate(https?.caPem ?? mail?.caPem ?? null);
        const client = describeCertificate(https?.clientCertPem ?? null);
        return {
          recipient: entry.recipient,
          channel: entry.channel,
          url: https?.url ?? mail?.url ?? null,
          updatedAt: summary?.updatedAt ?? '',
          caSubject: ca.subject,
          caValidTo: ca.validTo,
          clientSubject: client.subject,
          clientValidTo: client.validTo,
          demo: demo.has(entry.recipient),
          mailTo: mail?.to ?? null,
          mailLogin: mail?.username ?? null,
          passwordSet: mail?.password !== undefined,
        };
      }),
      chosen: draft.list(),
    };
  };

  /** E-mail or manual from Settings: the saved password is kept when none is typed again. */
  const otherChannel = (input: SaveRecipientChannelInput): RecipientSettings => {
    if (input.channel === 'manual') return input;
    const saved = settings.all().find((entry) => entry.recipient === input.recipient);
    const kept = saved?.channel === 'smtp' ? saved : null;
    const username = input.username.trim();
    const password =
      input.password !== ''
        ? input.password
        : username !== '' && username === kept?.username
          ? (kept.password ?? '')
          : '';
    const caPem = draft.get(input.recipient, 'caPem')?.pem ?? kept?.caPem;
    return {
      recipient: input.recipient,
      channel: 'smtp',
      url: input.url.trim(),
      to: input.to.trim(),
      ...(caPem === undefined ? {} : { caPem }),
      // Empty fields are left out, so the schema's "both or neither" rule names what is missing.
      ...(username === '' ? {} : { username }),
      ...(password === '' ? {} : { password }),
    };
  };

  const checkConfigure = (actor: Actor) =>
    authorize(users, actor, ADMINISTRATORS, 'configure where copies are sent');

  const fonts = async () => {
    // From the module's URL (import.meta.dirname is missing in some test hosts).
    const here = dirname(fileURLToPath(import.meta.url));
    const dir = findResourcesDir(options.resourcesDir, here);
    if (dir === undefined)
      throw new AppFailure('INTERNAL', 'The fonts of KP Desk are missing (resources/fonts).');
    const [regular, bold] = await Promise.all([
      readFile(join(dir, 'fonts', 'DejaVuSans.ttf')),
      readFile(join(dir, 'fonts', 'DejaVuSans-Bold.ttf')),
    ]);
    // Plain Uint8Arrays, not Buffers: pdf-lib checks the type by realm, and a Buffer from
    // another realm (a jsdom test host) is refused.
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  };

  return {
    background,
    /** The preview's demo intake (demo-recipients.ts); only the preview host calls it. */
    demoRecipients: createDemoRecipients(settings),
    list: (input: unknown) => {
      const filter = parseInput(SubmissionListInputSchema, input ?? {});
      return {
        items: queries.list({
          limit: filter.limit,
          ...(filter.status === undefined ? {} : { status: filter.status }),
          ...(filter.certificateId === undefined ? {} : { certificateId: filter.certificateId }),
        }),
        needsUser: queries.needsUser(),
      };
    },
    forCertificate: (input: unknown) =>
      queries.forCertificate(parseInput(CertificateSchema, input).certificateId),
    retryNow: (actor: Actor, input: unknown) => {
      const { id } = parseInput(IdSchema, input);
      service.retryNow(actor, id);
      background.kick();
      return item(id);
    },
    cancel: (actor: Actor, input: unknown) => {
      const { id } = parseInput(IdSchema, input);
      service.cancel(actor, id);
      return item(id);
    },
    receipt: (input: unknown) => receipt(parseInput(IdSchema, input).id),
    /**
     * Manual channel: may this user prepare or confirm copies (operators and administrators, as
     * the CLI), and are these rows to a manual recipient? Asked before main shows a dialog.
     */
    checkManual: (actor: Actor, input: unknown) => {
      const { ids } = parseInput(FaxPackageSchema.pick({ ids: true }), input);
      service.checkManual(actor, ids);
      const first = ids[0] === undefined ? null : queries.get(ids[0]);
      return { recipient: first?.item.recipient ?? 'census' };
    },
    /** The fax-ready PDF (cover sheet, then the copies) written to the path main's dialog gave. */
    saveFaxPackage: async (actor: Actor, input: unknown) => {
      const { ids, path } = parseInput(FaxPackageSchema, input);
      service.checkManual(actor, ids);
      const bytes = await service.faxPackage(actor, ids, await fonts());
      writeFileSync(path, bytes, { mode: 0o600 });
      return { cancelled: false as const, path, submissions: ids.length, bytes: bytes.length };
    },
    /** The user's record that a manual copy went out: the row becomes Delivered (confirmed). */
    confirmSent: (actor: Actor, input: unknown) => {
      const { id, ...confirmation } = parseInput(ConfirmSentSchema, input);
      service.confirm(actor, id, confirmation);
      return item(id);
    },
    /** Writes the receipts (all, or the ids given) with today's checks to the chosen file. */
    exportReceipts: (input: unknown) => {
      const { ids, path } = parseInput(ExportSchema, input);
      const chosen = ids ?? queries.withReceipts();
      const receipts = chosen.map((id) => {
        const stored = queries.receiptJson(id);
        const record = queries.get(id);
        if (record === null || stored === null)
          throw new AppFailure('NOT_FOUND', `Submission ${String(id)} has no receipt.`);
        return {
          submission: record.item,
          checkedToday: describeReceipt(record, stored, pinnedCa(record.item.recipient)),
          signedReceipt: JSON.parse(stored) as unknown,
        };
      });
      const document = { format: 'kpdesk-receipts/1', exportedAt: now().toISOString(), receipts };
      writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o600 });
      return { cancelled: false as const, path, receipts: receipts.length };
    },
    status: (): DeliveryState => ({
      ...background.state(),
      needsUser: queries.needsUser(),
      overdue: overdue(now()).length,
    }),
    overdue: () => overdue(now()),
    recipients,
    checkConfigure: (actor: Actor) => {
      checkConfigure(actor);
    },
    /** `{ recipient, field, path }`: path from main's open dialog. */
    chooseFile: (actor: Actor, input: unknown) => {
      checkConfigure(actor);
      const { recipient, field, path } = parseInput(StageSchema, input);
      const file = readRecipientFile(path, field);
      draft.put(recipient, field, file);
      return { field, fileName: file.fileName, description: file.description };
    },
    /** E-mail (SMTP, STARTTLS) or manual: checked whole as the CLI's are, then saved. */
    saveRecipientChannel: (actor: Actor, input: unknown) => {
      checkConfigure(actor);
      const request = parseInput(SaveRecipientChannelInputSchema, input);
      service.configureRecipient(actor, otherChannel(request));
      draft.clear(request.recipient);
      background.kick();
      return recipients();
    },
    /** The URL with the files chosen (or those already saved): checked whole, then saved. */
    saveRecipient: (actor: Actor, input: unknown) => {
      checkConfigure(actor);
      const { recipient, url } = parseInput(SaveRecipientInputSchema, input);
      const saved = settings.all().find((entry) => entry.recipient === recipient);
      const kept = saved?.channel === 'https' ? saved : null;
      service.configureRecipient(actor, {
        recipient,
        channel: 'https',
        url,
        caPem: draft.get(recipient, 'caPem')?.pem ?? kept?.caPem,
        clientCertPem: draft.get(recipient, 'clientCertPem')?.pem ?? kept?.clientCertPem,
        clientKeyPem: draft.get(recipient, 'clientKeyPem')?.pem ?? kept?.clientKeyPem,
      });
      draft.clear(recipient);
      background.kick();
      return recipients();
    },
  };
}
