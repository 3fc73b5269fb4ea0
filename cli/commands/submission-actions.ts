// The user's moves on submissions (issue 12), for `kpdesk submissions <action>`: retry now or
// cancel one; record a manual one's confirmation (fax confirmation or transfer reference; it
// becomes Delivered with that as its receipt, "confirmed by <user>", not proven by the
// recipient); write the fax-ready package; export every receipt with its verification state.
// Operators and administrators act (the core checks the role); files written are always new.
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppFailure } from '../../electron/core/app-failure';
import { findResourcesDir } from '../../electron/core/documents/find-resources-dir';
import type { ManualMethod } from '../../electron/core/submission/delivery-receipt';
import { manualMethodWords } from '../../electron/core/submission/delivery-receipt';
import { statusLabel } from '../../electron/core/submission/delivery-status';
import type { ConfirmationInput } from '../../electron/core/submission/manual-confirmations';
import { createSubmissionService } from '../../electron/core/submission/submission-service';
import type { CliIo } from '../cli-io';
import { usageFailure } from '../command-outcome';
import type { OpenVault } from '../open-vault-for-command';
import { signInFromOptions } from '../sign-in-from-options';
import type { SignInValues } from '../sign-in-from-options';

export type ActionValues = SignInValues & {
  reference?: string | undefined;
  date?: string | undefined;
  method?: string | undefined;
  'sent-at'?: string | undefined;
  note?: string | undefined;
  out?: string | undefined;
};

/** The CLI's short words for the app's "How it was sent" choices (delivery-receipt.ts). */
const METHOD_WORDS: Readonly<Record<string, ManualMethod>> = {
  fax: 'fax',
  sft: 'secure-file-transfer',
  other: 'other',
};

/**
 * The same fields as the app's "Record confirmation…" form: --method and --sent-at go together
 * (the core stores them as one record of how and when it went out); --date is the older, shorter
 * form (the day only). Either way the core checks the values again and says which is wrong.
 */
function confirmationInput(values: ActionValues): ConfirmationInput {
  if (values.reference === undefined)
    throw usageFailure('Give the fax confirmation or transfer reference with --reference.', {
      '--reference': 'required',
    });
  const note = values.note === undefined ? {} : { note: values.note };
  if (values.method === undefined && values['sent-at'] === undefined)
    return {
      reference: values.reference,
      ...(values.date === undefined ? {} : { sentOn: values.date }),
      ...note,
    };
  if (values.date !== undefined)
    throw usageFailure('Give either --date or --sent-at (with --method), not both.', {
      '--date': 'conflicts with --sent-at',
    });
  if (values.method === undefined)
    throw usageFailure('With --sent-at, say how it was sent: --method fax, sft or other.', {
      '--method': 'required',
    });
  const method = METHOD_WORDS[values.method];
  if (method === undefined)
    throw usageFailure(
      `--method "${values.method}" is not fax, sft (Census's secure file transfer) or other.`,
      { '--method': 'invalid' },
    );
  if (values['sent-at'] === undefined)
    throw usageFailure(
      'With --method, give the date and time it was sent: --sent-at 2026-12-07T14:30Z.',
      { '--sent-at': 'required' },
    );
  return { reference: values.reference, method, sentAt: values['sent-at'], ...note };
}

export type ActionResult = { json: unknown; text: string };

export function submissionIds(args: readonly string[], action: string): number[] {
  if (args.length === 0) throw usageFailure(`Name the submission for "${action}" (its #id).`);
  return args.map((arg) => {
    const id = Number(arg.replace(/^#/, ''));
    if (!Number.isInteger(id) || id < 1)
      throw usageFailure(`"${arg}" is not a submission id (a whole number, as listed).`);
    return id;
  });
}

function fileError(path: string, option: string, error: unknown): AppFailure {
  const code = (error as { code?: unknown }).code;
  const message =
    code === 'EEXIST'
      ? `${path} already exists; it is never overwritten. Choose a new file name.`
      : `${path} cannot be written (${typeof code === 'string' ? code : 'error'}).`;
  return new AppFailure('INVALID_INPUT', message, { [option]: message });
}

function requireOut(values: ActionValues, io: CliIo): string {
  if (values.out === undefined)
    throw usageFailure('Give the file to write with --out <file>.', { '--out': 'required' });
  return resolve(io.cwd, values.out);
}

export async function runAction(
  action: 'retry' | 'cancel' | 'confirm' | 'package' | 'export-receipts',
  args: readonly string[],
  values: ActionValues,
  io: CliIo,
  vault: OpenVault,
): Promise<ActionResult> {
  const service = createSubmissionService(vault.db);
  if (action === 'export-receipts') {
    if (args.length > 0) throw usageFailure('export-receipts takes no submission ids.');
    const out = requireOut(values, io);
    let fd: number;
    try {
      fd = openSync(out, 'wx', 0o600);
    } catch (error) {
      throw fileError(out, '--out', error);
    }
    let count: number;
    try {
      count = service.exportReceipts((line) => {
        writeSync(fd, `${JSON.stringify(line)}\n`);
      });
    } finally {
      closeSync(fd);
    }
    return {
      json: { exported: count, file: out },
      text: `${String(count)} receipt(s) written to ${out} (JSON lines, each with its verification state).\n`,
    };
  }
  const actor = await signInFromOptions(vault.services, values, io);
  if (action === 'package') {
    const out = requireOut(values, io);
    const resources = findResourcesDir(undefined, import.meta.dirname);
    if (resources === undefined)
      throw new AppFailure('INTERNAL', 'The fonts of KP Desk are missing (resources/fonts).');
    const fonts = {
      regular: await readFile(join(resources, 'fonts', 'DejaVuSans.ttf')),
      bold: await readFile(join(resources, 'fonts', 'DejaVuSans-Bold.ttf')),
    };
    const ids = submissionIds(args, 'package');
    const bytes = await service.faxPackage(actor, ids, fonts);
    try {
      await writeFile(out, bytes, { flag: 'wx' });
    } catch (error) {
      throw fileError(out, '--out', error);
    }
    return {
      json: { package: out, submissions: ids, bytes: bytes.length },
      text: `Fax package written to ${out} (${String(ids.length)} submission(s)). Send it, then record the confirmation: kpdesk submissions confirm <id> --reference ...\n`,
    };
  }
  const [id, ...extra] = submissionIds(args, action);
  if (id === undefined || extra.length > 0)
    throw usageFailure(`"${action}" takes one submission id.`);
  if (action === 'confirm') {
    const receipt = service.confirm(actor, id, confirmationInput(values));
    const how = receipt.method === undefined ? '' : `${manualMethodWords[receipt.method]}, `;
    const when =
      receipt.sentAt === undefined
        ? `sent on ${receipt.sentOn}`
        : `sent ${receipt.sentAt.slice(0, 16).replace('T', ' ')} UTC`;
    return {
      json: { confirmed: id, status: 'delivered', receipt },
      text: `#${String(id)} Delivered: confirmed by ${receipt.confirmedBy.username} (${how}${when}, reference ${receipt.reference}); recorded by you, not proven by the recipient.\n`,
    };
  }
  const status = action === 'retry' ? service.retryNow(actor, id) : service.cancel(actor, id);
  const done = action === 'retry' ? status === 'pending' : status === 'cancelled';
  if (!done)
    throw new AppFailure(
      'ILLEGAL_TRANSITION',
      `Submission ${String(id)} is ${statusLabel[status]}; ${action === 'retry' ? 'only a Failed or Rejected one can be retried' : 'a delivered or sending one cannot be cancelled'}.`,
    );
  return {
    json: { id, status },
    text: `#${String(id)} ${statusLabel[status]}${action === 'retry' ? ': it is sent at the next "kpdesk submit".' : '.'}\n`,
  };
}
