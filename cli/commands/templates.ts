// `kpdesk templates list|show|save|rename|delete`: saved templates for repeat shipments (issue 15,
// part 6), the same core as the app's Templates page and the wizard. A template keeps only what
// repeats from one shipment to the next; `kpdesk issue <shipment.json> --template NAME` fills a
// new certificate from it. Operators and administrators save, rename and delete; every role lists.
import { resolve } from 'node:path';
import { normalizeCertificateNumber } from '../../shared/domain/certificate-number';
import type { ShipmentTemplate } from '../../shared/templates/shipment-template';
import { AppFailure } from '../../electron/core/app-failure';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { readBoundedFile } from '../read-bounded-file';
import {
  requireActingUser,
  signInFromOptions,
  signInHelp,
  signInOptions,
} from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';

const MAX_JSON_BYTES = 64 * 1024;

export const templatesSummary = 'Saved templates for repeat shipments: list, show, save, delete.';

export const templatesHelp = `Usage:
  kpdesk templates list [--json] --user <username>
  kpdesk templates show <name> [--json] --user <username>
  kpdesk templates save <name> --from <certificate number> [--port <text>] [--carrier <text>]
                        --user <username>
  kpdesk templates save <name> --file <template.json> --user <username>
  kpdesk templates rename <name> --to <new name> --user <username>
  kpdesk templates delete <name> --user <username>

A template holds only what repeats from one shipment to the next: the exporter and consignee
(entries of the address book), the country of origin, the destination, the HS code, the port of
exit, the carrier and the usual number of parcels. Never the number, the dates, the ITN, the AES
licence, the carats or the value: they belong to one shipment (31 CFR 592.307(c)). Names are
unique regardless of letter case. Use one with: kpdesk issue <shipment.json> --template <name>.

save --from  Takes the repeatable fields of a certificate already in the vault (its parties
             must be in the address book).
save --file  A JSON object: { "exporter": {"name","address"}, "consignee": {...},
             "countryOfOrigin", "destinationCountry", "hsCodes": [...], "portOfExit",
             "carrier", "usualParcels" } (docs/cli.md).
Operators and administrators save, rename and delete; every role may list and show.

Options:
  --from <number>             save: the certificate whose repeatable fields to keep.
  --file <template.json>      save: the template's fields from a JSON file.
  --port <text>               save --from: the port of exit.
  --carrier <text>            save --from: the carrier.
  --to <new name>             rename: the new name.
${signInHelp}
${unlockHelp}
  --json                      Print JSON: { templates } (list), the template (show, save,
                              rename), { deleted } (delete).
  -h, --help                  Show this help.

Exit codes: 0 done; 2 usage error or refused (a name already taken, a party not in the address
book, a field of one shipment, not allowed for your role): nothing was changed.
`;

const templatesOptions = {
  ...signInOptions,
  from: { type: 'string' },
  file: { type: 'string' },
  port: { type: 'string' },
  carrier: { type: 'string' },
  to: { type: 'string' },
} as const;

export function formatTemplates(items: readonly ShipmentTemplate[]): string {
  if (items.length === 0) return 'No templates are saved.\n';
  const rows = items.map((item) => [
    item.name,
    item.exporter === null ? '-' : (item.exporter.name ?? '(not in the address book)'),
    item.consignee === null ? '-' : (item.consignee.name ?? '(not in the address book)'),
    item.destinationCountry || '-',
    item.hsCodes.join(' ') || '-',
    item.countryOfOrigin || '-',
  ]);
  const head = ['Name', 'Exporter', 'Consignee', 'To', 'HS code', 'Origin'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}

function describe(item: ShipmentTemplate): string {
  const party = (ref: ShipmentTemplate['exporter']) =>
    ref === null
      ? '(none)'
      : (ref.name ?? `address-book entry ${String(ref.id)}, no longer in the address book`);
  return [
    `Template "${item.name}"`,
    `  Exporter:     ${party(item.exporter)}`,
    `  Consignee:    ${party(item.consignee)}`,
    `  Origin:       ${item.countryOfOrigin || '(none)'}`,
    `  Destination:  ${item.destinationCountry || '(none)'}`,
    `  HS code:      ${item.hsCodes.join(', ') || '(none)'}`,
    `  Port of exit: ${item.portOfExit || '(none)'}`,
    `  Carrier:      ${item.carrier || '(none)'}`,
    `  Parcels:      ${item.usualParcels === null ? '(none)' : String(item.usualParcels)}`,
    `  Saved by ${item.createdBy} on ${item.createdAt.slice(0, 10)}`,
    '',
  ].join('\n');
}

export function runTemplates(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec = { name: 'templates', help: templatesHelp, options: templatesOptions };
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    const [action, name, ...rest] = positionals;
    const actions = ['list', 'show', 'save', 'rename', 'delete'];
    if (action === undefined || !actions.includes(action))
      throw usageFailure(`Say what to do: kpdesk templates ${actions.join('|')}.`);
    if (rest.length > 0 || (action === 'list' && name !== undefined))
      throw usageFailure(`Too many arguments for "kpdesk templates ${action}".`);
    if (action !== 'list' && name === undefined)
      throw usageFailure(`Name the template: kpdesk templates ${action} "Antwerp weekly".`);
    if (action === 'save' && (values.from === undefined) === (values.file === undefined))
      throw usageFailure('Save from one source: --from <certificate number> or --file <json>.', {
        '--from': 'one of --from or --file',
      });
    if (action === 'rename' && values.to === undefined)
      throw usageFailure('Give the new name with --to <name>.', { '--to': 'required' });
    requireActingUser(values, io);

    let fromFile: Record<string, unknown> | undefined;
    if (action === 'save' && values.file !== undefined) {
      const bytes = readBoundedFile(resolve(io.cwd, values.file), values.file, MAX_JSON_BYTES);
      try {
        const parsed: unknown = JSON.parse(bytes.toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not an object');
        fromFile = parsed as Record<string, unknown>;
      } catch {
        throw usageFailure(`${values.file} is not a JSON object.`, { '--file': 'not JSON' });
      }
    }

    type Output =
      { templates: ShipmentTemplate[] } | { template: ShipmentTemplate } | { deleted: string };
    const output = await withVaultForCommand(values, io, async ({ services }): Promise<Output> => {
      const actor = await signInFromOptions(services, values, io);
      const { templates } = services;
      const subject = name ?? '';
      switch (action) {
        case 'show':
          return { template: templates.get(actor, { name: subject }) };
        case 'save': {
          if (fromFile !== undefined)
            return { template: templates.save(actor, { ...fromFile, name: subject }) };
          const number = normalizeCertificateNumber(values.from ?? '');
          const record = services.certificates.getByNumber(number);
          if (record === null)
            throw new AppFailure('NOT_FOUND', `There is no certificate ${number} in the vault.`, {
              '--from': `There is no certificate ${number} in the vault.`,
            });
          const { draft } = record;
          return {
            template: templates.save(actor, {
              name: subject,
              exporter: draft.exporter,
              consignee: draft.consignee,
              countryOfOrigin: draft.countryOfOrigin,
              destinationCountry: draft.destinationCountry,
              hsCodes: draft.hsCodes.filter((code) => code.trim() !== ''),
              portOfExit: values.port ?? '',
              carrier: values.carrier ?? '',
              usualParcels: draft.parcels,
            }),
          };
        }
        case 'rename':
          return { template: templates.rename(actor, { name: subject, newName: values.to }) };
        case 'delete':
          return templates.delete(actor, { name: subject });
        default:
          return { templates: templates.list(actor) };
      }
    });
    if (json)
      io.stdout(`${JSON.stringify('template' in output ? output.template : output, null, 2)}\n`);
    else if ('templates' in output) io.stdout(formatTemplates(output.templates));
    else if ('deleted' in output) io.stdout(`Deleted template "${output.deleted}".\n`);
    else io.stdout(describe(output.template));
    return exitCodes.ok;
  });
}
