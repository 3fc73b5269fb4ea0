// `kpdesk issue <certificate.json | --draft ID>`: a certificate from file (or a vault draft) to a
// signed PDF in one step, for carriers' batch work: validate every rule, take the form number
// from stock, record the AES ITN (31 CFR 592.301(a)(5)), issue with the licensee's attestation,
// sign and seal, keep the signed PDF in the vault and write it to a file. The PDF is signed
// first, in memory; then the vault's steps (draft, ITN, issue, signed document, each with its
// audit event) commit in ONE transaction, so a refusal at any step leaves the vault unchanged.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Certificate } from '../../shared/domain/certificate';
import { readCertificate } from '../../shared/domain/certificate';
import type { CertificateDraft } from '../../shared/domain/certificate-draft';
import { normalizeCertificateNumber } from '../../shared/domain/certificate-number';
import { normalizeItn } from '../../shared/domain/itn';
import { IssueSchema } from '../../shared/records/issuance-inputs';
import { fillDraftFromTemplate } from '../../shared/templates/fill-draft';
import { AppFailure } from '../../electron/core/app-failure';
import type { Actor } from '../../electron/core/issuance/actor';
import { hasErrorsFailure } from '../../electron/core/issuance/check-certificate';
import { writeFileAtomically } from '../../electron/core/vault/document-files';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';
import type { CertificateRecord } from '../../electron/core/vault/repositories/certificate-row';
import { parseInput } from '../../electron/core/vault/repositories/parse-input';
import type { VaultServices } from '../../electron/core/vault/vault-services';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { formatFindingsTable } from '../format-findings';
import { readCertificateFile } from '../read-certificate-file';
import { signInFromOptions, signInHelp, signInOptions } from '../sign-in-from-options';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { unlockHelp } from '../unlock-from-options';
import {
  openSigningForCommand,
  signingSecretHelp,
  signingSecretOptions,
} from '../open-signing-for-command';

export const issueSummary =
  'Issue a certificate from a JSON file or a draft: sign it, save the PDF.';

export const issueHelp = `Usage:
  kpdesk issue <certificate.json> --attest --packaging <text> --warranty <text> [options]
  kpdesk issue --draft <id> --attest --packaging <text> --warranty <text> [options]
  kpdesk issue <shipment.json> --template <name> --attest --packaging <text> ... [options]

Validates the certificate against every rule, takes its form number from stock (the
file's "number", or the lowest available number when it is empty), records the AES ITN,
issues it, signs and seals it with the vault's signing identity, keeps the signed PDF in
the vault and writes it to a file. All or nothing: a refusal changes nothing.

Options:
  --draft <id>                Issue the vault's draft with this id instead of a file.
  --itn <ITN>                 The AES ITN, when the file or draft does not hold it.
  --template <name>           Fill the repeatable fields the file leaves empty (exporter,
                              consignee, origin, destination, HS code, parcels) from this saved
                              template ("kpdesk templates list"); the file's own values win.
  --attest                    Required: you attest that the shipment's application carries the
                              warranty that the diamonds are conflict-free (USKPA).
  --packaging <text>          The tamper-resistant container (31 CFR 592.314).
  --seal-number <n>           A seal number of the container; may be given again.
  --warranty <text>           The System of Warranties statement on the invoice.
  --invoice <n>               An invoice number carrying it; may be given again.
  --out <file.pdf>            Where to write the signed PDF (default <number>.pdf). An
                              existing file is never overwritten.
${signInHelp}
${signingSecretHelp}
${unlockHelp}
  --json                      Print one JSON object: { certificateId, number, state, itn,
                              file, document { documentId, sha256, bytes, pages, signedAt } }.
  -h, --help                  Show this help.

Exit codes: 0 issued and written; 1 the certificate has error-level findings (listed);
2 usage error, unreadable file, wrong passphrase or password, no signing identity,
number not in stock, or any other refusal. On 1 and 2 nothing was changed.
`;

type IssueValues = {
  draft?: string | undefined;
  template?: string | undefined;
  itn?: string | undefined;
  attest?: boolean | undefined;
  packaging?: string | undefined;
  'seal-number'?: string[] | undefined;
  warranty?: string | undefined;
  invoice?: string[] | undefined;
};

function issueRequest(values: IssueValues) {
  if (values.attest !== true)
    throw usageFailure(
      'Add --attest to confirm that the application carries the conflict-free warranty (USKPA).',
      { '--attest': 'required' },
    );
  // Parsed now, with a placeholder id: a bad packaging or warranty refuses before anything runs.
  return parseInput(IssueSchema, {
    id: 1,
    attested: true,
    packaging: { description: values.packaging ?? '', sealNumbers: values['seal-number'] ?? [] },
    warranty: { statement: values.warranty ?? '', invoiceNumbers: values.invoice ?? [] },
  });
}

/** The draft to issue: from the file (number from stock if empty) or from the vault. */
async function sourceDraft(
  io: CliIo,
  services: VaultServices,
  source: { file: string | undefined; draftId: string | undefined; template: string | undefined },
  actor: Actor,
): Promise<{ draft: CertificateDraft; record: CertificateRecord | null }> {
  const { file, draftId, template } = source;
  if (draftId !== undefined) {
    if (!/^\d{1,12}$/.test(draftId)) throw usageFailure("--draft takes the draft's id, a number.");
    const record = services.certificates.get(Number(draftId));
    if (record === null)
      throw new AppFailure('NOT_FOUND', `There is no certificate with id ${draftId}.`);
    if (record.state !== 'DRAFT' && record.state !== 'VALIDATED')
      throw new AppFailure(
        'ILLEGAL_TRANSITION',
        `Certificate ${record.number} is ${record.state.toLowerCase()}, not a draft.`,
      );
    return { draft: record.draft, record };
  }
  const read = await readCertificateFile(resolve(io.cwd, file ?? ''), file ?? '');
  if (!read.ok) throw new AppFailure(read.error.code, read.error.message, read.error.fields);
  // Issue 15 part 6: a saved template fills what the file leaves empty; the rules then run on
  // the whole draft as on any other. A party gone from the address book refuses here.
  const filled =
    template === undefined
      ? read.value
      : fillDraftFromTemplate(
          read.value,
          services.templates.apply(actor, { name: template }).fields,
        );
  let number = normalizeCertificateNumber(filled.number);
  if (number === '') {
    const next = services.stock.nextAvailable();
    if (next === null)
      throw new AppFailure('STOCK_NUMBER_UNAVAILABLE', 'No certificate form is left in stock.');
    number = next;
  }
  return { draft: { ...filled, number }, record: null };
}

const issueOptions = {
  ...signInOptions,
  ...signingSecretOptions,
  draft: { type: 'string' },
  template: { type: 'string' },
  itn: { type: 'string' },
  attest: { type: 'boolean', default: false },
  packaging: { type: 'string' },
  'seal-number': { type: 'string', multiple: true },
  warranty: { type: 'string' },
  invoice: { type: 'string', multiple: true },
  out: { type: 'string' },
} as const;

export function runIssue(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec = { name: 'issue', help: issueHelp, options: issueOptions };
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    const [file, ...extra] = positionals;
    if ((file === undefined) === (values.draft === undefined) || extra.length > 0)
      throw usageFailure('Name one certificate file, or --draft <id>, to issue.');
    if (values.template !== undefined && values.draft !== undefined)
      throw usageFailure(
        '--template fills a new certificate from a file; a draft already has its fields.',
        { '--template': 'not with --draft' },
      );
    const request = issueRequest(values);

    return withVaultForCommand(values, io, async ({ services, db }) => {
      const actor: Actor = await signInFromOptions(services, values, io);
      const operations = documentOperationsFor(db, {
        now: () => new Date(),
        resourcesDir: undefined,
      });
      // The signing keys open with the administrator's secret or on an opened computer.
      await openSigningForCommand(operations.signingKeys, actor, values, io);
      const source = await sourceDraft(
        io,
        services,
        { file, draftId: values.draft, template: values.template },
        actor,
      );
      const draft = values.itn === undefined ? source.draft : { ...source.draft, itn: values.itn };
      const number = normalizeCertificateNumber(draft.number);
      const out = resolve(io.cwd, values.out ?? `${number}.pdf`);
      if (existsSync(out))
        throw usageFailure(
          `${values.out ?? `${number}.pdf`} already exists; it is never overwritten.`,
        );

      const profile = services.licensee.get();
      const facts =
        profile === null
          ? undefined
          : { name: profile.legalName, isCommonCarrier: profile.isCommonCarrier };
      const reading = readCertificate(draft, {
        purpose: 'issue',
        // The vault's own rule settings (expiry, price ranges per HS code), as in the app.
        settings: services.settings.validation(),
        ...(facts === undefined ? {} : { licensee: facts }),
      });
      if (reading.certificate === null) {
        if (!json) io.stderr(`${formatFindingsTable(reading.report.findings, io.columns)}\n`);
        const failure = hasErrorsFailure(reading.report);
        if (json) io.stdout(`${JSON.stringify({ error: failure.error }, null, 2)}\n`);
        else io.stderr(`kpdesk issue: ${failure.error.message}\n`);
        return exitCodes.findingErrors;
      }
      const certificate: Certificate = reading.certificate;
      // Signed before anything is written: an unprintable name or a missing identity refuses here.
      const prepared = await operations.prepare(certificate, 'certificate');
      const done = db
        .transaction(() => {
          let record = source.record ?? services.issuance.createDraft(actor, { number, draft });
          if (record.state === 'DRAFT' || normalizeItn(record.draft.itn) !== certificate.itn)
            record = services.issuance.recordItn(actor, { id: record.id, itn: certificate.itn });
          record = services.issuance.issue(actor, { ...request, id: record.id });
          return { record, document: operations.store(actor, record, prepared) };
        })
        .immediate();
      writeFileAtomically(out, prepared.pdf);
      const output = {
        certificateId: done.record.id,
        number: done.record.number,
        state: done.record.state,
        itn: certificate.itn,
        file: out,
        document: {
          documentId: done.document.documentId,
          sha256: done.document.sha256,
          bytes: done.document.bytes,
          pages: done.document.pages,
          signedAt: done.document.signedAt,
        },
      };
      io.stdout(
        json
          ? `${JSON.stringify(output, null, 2)}\n`
          : `Issued ${output.number} (ITN ${output.itn}); signed PDF written to ${out}\nSHA-256 ${output.document.sha256}\n`,
      );
      return exitCodes.ok;
    });
  });
}
