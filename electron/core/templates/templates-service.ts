// Saved templates for repeat shipments (issue 15, part 6) over one open vault. Operators and
// administrators save, rename, delete and apply; reviewers read (they audit the records, they do
// not prepare shipments). Every change is ONE transaction with its audit event ('template.save',
// 'template.rename', 'template.delete'), as every record of the vault. Applying changes nothing:
// it answers the draft fields the template fills, and the wizard or `kpdesk issue` then runs the
// certificate rules on the whole draft as usual.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type {
  AppliedTemplate,
  ShipmentTemplate,
} from '../../../shared/templates/shipment-template';
import {
  TemplateNameInputSchema,
  TemplateRenameSchema,
  TemplateSaveSchema,
} from '../../../shared/templates/shipment-template';
import { AppFailure } from '../app-failure';
import { authorize, WRITERS } from '../issuance/actor';
import type { AuditWriter } from '../vault/audit/audit-chain';
import { parseInput } from '../vault/repositories/parse-input';
import type { UserRepository } from '../vault/repositories/user-repository';
import type { TemplateRow } from './template-repository';
import { createTemplateRepository } from './template-repository';
import { createTemplateViews } from './template-view';

const READERS = ['operator', 'administrator', 'reviewer'] as const;

/**
 * The fields of one shipment, refused by name with the rule that makes them its own, rather than
 * as an unknown key: a caller who sends them expects them kept, and must learn why they are not.
 */
const SHIPMENT_OWN: Readonly<Record<string, string>> = {
  number:
    'A template never holds a certificate number: each form number is used once (31 CFR 592.307(c)).',
  dateOfIssue:
    'A template never holds dates: each certificate has its own (31 CFR 592.307(d)-(e)).',
  dateOfExpiry:
    'A template never holds dates: each certificate has its own (31 CFR 592.307(d)-(e)).',
  exportDate: 'A template never holds dates: each shipment has its own.',
  itn: 'A template never holds an ITN: each export files its own EEI (31 CFR 592.301(a)(5)).',
  aes: 'A template never holds the AES licence entries: they are the form number and the value of one shipment.',
  carats: 'A template never holds the carat weight: the values of a shipment are its own.',
  valueUsd: 'A template never holds the value: the values of a shipment are its own.',
  domesticRecovery:
    'A template never holds a domestic-recovery declaration: it is made for one certificate (31 CFR 592.307(b)).',
};

function refuseShipmentOwnFields(input: unknown): void {
  if (typeof input !== 'object' || input === null) return;
  const fields: Record<string, string> = {};
  for (const key of Object.keys(input)) {
    const reason = SHIPMENT_OWN[key];
    if (reason !== undefined) fields[key] = reason;
  }
  if (Object.keys(fields).length > 0)
    throw new AppFailure(
      'INVALID_INPUT',
      `The template was not saved: ${Object.values(fields)[0] ?? ''} Nothing was changed.`,
      fields,
    );
}

export type TemplatesService = ReturnType<typeof createTemplatesService>;

export function createTemplatesService(deps: {
  db: Database;
  users: UserRepository;
  audit: AuditWriter;
  now: () => Date;
}) {
  const templates = createTemplateRepository(deps.db, deps.now);
  const views = createTemplateViews(deps.db);
  const partyByText = deps.db.prepare<[string, string, string], { id: number }>(
    `SELECT id FROM parties WHERE kind = ? AND name = ? AND replace(address, char(13), '') = ?
      ORDER BY id LIMIT 1`,
  );
  const read = (actor: unknown) => authorize(deps.users, actor, READERS, 'read templates');
  const write = (actor: unknown, what: string) => authorize(deps.users, actor, WRITERS, what);
  const inTransaction = <A extends unknown[], R>(operation: (...args: A) => R) => {
    const transaction = deps.db.transaction(operation);
    return (...args: A): R => transaction.immediate(...args);
  };

  const mustGet = (name: string): TemplateRow => {
    const row = templates.byName(name);
    if (row === null)
      throw new AppFailure('NOT_FOUND', `There is no template named "${name.trim()}".`, {
        name: `There is no template named "${name.trim()}".`,
      });
    return row;
  };

  const refuseTaken = (name: string, except?: number): void => {
    const existing = templates.byName(name);
    if (existing !== null && existing.id !== except) {
      const message = `A template named "${existing.name}" already exists. Template names are unique (letter case ignored): choose another name, or delete or rename the old one.`;
      throw new AppFailure('CONFLICT', message, { name: message });
    }
  };

  /** The address-book entry this draft party is, or null when the party is empty. */
  const partyId = (
    kind: 'exporter' | 'consignee',
    party: { name: string; address: string },
  ): number | null => {
    const name = party.name.trim();
    const address = party.address.replace(/\r/g, '').trim();
    if (name === '' && address === '') return null;
    const found = partyByText.get(kind, name, address);
    if (found === undefined) {
      const message = `The ${kind} "${name}" with this address is not in your address book. Save it there first ("Save in address book" in the wizard, or kpdesk parties import): a template refers to address-book entries, so a changed address reaches the next shipment.`;
      throw new AppFailure('INVALID_INPUT', message, { [kind]: message });
    }
    return found.id;
  };

  const save = inTransaction((actor: unknown, input: unknown): ShipmentTemplate => {
    const user = write(actor, 'save templates');
    refuseShipmentOwnFields(input);
    const request = parseInput(TemplateSaveSchema, input);
    refuseTaken(request.name);
    const id = templates.insert(
      {
        name: request.name,
        exporterPartyId: partyId('exporter', request.exporter),
        consigneePartyId: partyId('consignee', request.consignee),
        countryOfOrigin: request.countryOfOrigin,
        destinationCountry: request.destinationCountry,
        hsCodes: request.hsCodes,
        portOfExit: request.portOfExit,
        carrier: request.carrier,
        usualParcels: request.usualParcels === '' ? null : Number(request.usualParcels),
      },
      user.id,
    );
    deps.audit.append({
      userId: user.id,
      action: 'template.save',
      entityType: 'shipment_template',
      entityId: id,
    });
    return views.view(mustGet(request.name));
  });

  const rename = inTransaction((actor: unknown, input: unknown): ShipmentTemplate => {
    const user = write(actor, 'rename templates');
    const request = parseInput(TemplateRenameSchema, input);
    const row = mustGet(request.name);
    refuseTaken(request.newName, row.id);
    templates.rename(row.id, request.newName, user.id);
    deps.audit.append({
      userId: user.id,
      action: 'template.rename',
      entityType: 'shipment_template',
      entityId: row.id,
    });
    return views.view(mustGet(request.newName));
  });

  const remove = inTransaction((actor: unknown, input: unknown): { deleted: string } => {
    const user = write(actor, 'delete templates');
    const row = mustGet(parseInput(TemplateNameInputSchema, input).name);
    templates.remove(row.id);
    // The event's digest is that of the absent row (null): the deletion is a change like any other.
    deps.audit.append({
      userId: user.id,
      action: 'template.delete',
      entityType: 'shipment_template',
      entityId: row.id,
    });
    return { deleted: row.name };
  });

  /** The draft fields the template fills; refused when an address-book entry is gone. */
  const apply = (actor: unknown, input: unknown): AppliedTemplate => {
    write(actor, 'start a certificate from a template');
    const row = mustGet(parseInput(TemplateNameInputSchema, input).name);
    const party = (kind: 'exporter' | 'consignee', id: number | null) => {
      if (id === null) return null;
      const found = views.partyNow(id);
      if (found === null || found.kind !== kind) {
        const message = `Template "${row.name}" names ${kind === 'exporter' ? 'an' : 'a'} ${kind} (address-book entry ${String(id)}) that is no longer in your address book. Nothing was filled in: pick the ${kind} again in the wizard and save the template anew (then delete this one).`;
        throw new AppFailure('NOT_FOUND', message, { [kind]: message });
      }
      return { name: found.name, address: found.address };
    };
    const exporter = party('exporter', row.exporter_party_id);
    const consignee = party('consignee', row.consignee_party_id);
    const template = views.view(row);
    return {
      template,
      fields: {
        exporter,
        consignee,
        countryOfOrigin: template.countryOfOrigin,
        destinationCountry: template.destinationCountry,
        hsCodes: template.hsCodes,
        parcels: template.usualParcels === null ? '' : String(template.usualParcels),
      },
    };
  };

  return {
    save,
    rename,
    delete: remove,
    apply,
    list: (actor: unknown): ShipmentTemplate[] => {
      read(actor);
      return templates.list().map(views.view);
    },
    get: (actor: unknown, input: unknown): ShipmentTemplate => {
      read(actor);
      return views.view(mustGet(parseInput(TemplateNameInputSchema, input).name));
    },
  };
}
