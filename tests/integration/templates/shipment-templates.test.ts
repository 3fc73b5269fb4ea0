// Issue 15 part 6 on a real encrypted vault: a template for repeat shipments is saved from a
// draft's repeatable fields (parties as address-book entries), listed, renamed, applied and
// deleted, each change audited and covered by the digests; it never holds what belongs to one
// shipment (number, dates, ITN, AES licence, carats, value); names are unique regardless of case
// and refuse control characters; reviewers read only; a template whose party left the address
// book is refused at apply with the party named; every refusal changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Staff, TestVault } from '../vault/vault-fixture';
import { createVaultServices } from '../../../electron/core/vault/vault-services';
import {
  TEST_SCRYPT,
  dumpTables,
  failureOf,
  openTestVault,
  seedVault,
  tamperWithVault,
} from '../vault/vault-fixture';

let vault: TestVault;
let staff: Staff;

const EXPORTER = {
  name: 'Hudson Rough Diamond Trading LLC',
  address: '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States',
};
const CONSIGNEE = {
  name: 'Schupstraat Diamonds BV',
  address: 'Schupstraat 21\n2018 Antwerp\nBelgium',
};

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
  const { issuance } = vault.services;
  issuance.createParty(staff.operator, { kind: 'exporter', ...EXPORTER, country: 'US' });
  issuance.createParty(staff.operator, { kind: 'consignee', ...CONSIGNEE, country: 'BE' });
});
afterEach(() => vault.close());

const templates = () => vault.services.templates;

function antwerpWeekly(name = 'Antwerp weekly, 7102.31') {
  return {
    name,
    exporter: EXPORTER,
    // As the wizard's textarea may hold it (CRLF): the same address-book entry.
    consignee: { name: CONSIGNEE.name, address: CONSIGNEE.address.replace(/\n/g, '\r\n') },
    countryOfOrigin: 'cd',
    destinationCountry: 'BE',
    hsCodes: ['7102.31'],
    portOfExit: 'New York (JFK)',
    carrier: 'Malca-Amit',
    usualParcels: '2',
  };
}

function lastEvents(count: number) {
  return vault.db
    .prepare<[number], { action: string; entity_type: string; entity_id: string }>(
      'SELECT action, entity_type, entity_id FROM audit_events ORDER BY seq DESC LIMIT ?',
    )
    .all(count)
    .reverse();
}

describe('saving and applying a template', () => {
  it('keeps only what repeats, by address-book entry, audited; apply fills the draft fields', () => {
    const saved = templates().save(staff.operator, antwerpWeekly());
    expect(saved).toMatchObject({
      name: 'Antwerp weekly, 7102.31',
      exporter: { name: EXPORTER.name },
      consignee: { name: CONSIGNEE.name },
      countryOfOrigin: 'CD',
      destinationCountry: 'BE',
      hsCodes: ['7102.31'],
      portOfExit: 'New York (JFK)',
      carrier: 'Malca-Amit',
      usualParcels: 2,
      createdBy: 'Otto Operator',
    });
    expect(lastEvents(1)).toEqual([
      { action: 'template.save', entity_type: 'shipment_template', entity_id: String(saved.id) },
    ]);
    // The stored row has no column for a number, date, ITN, AES licence, carats or value.
    const columns = vault.db
      .prepare<[], string>("SELECT name FROM pragma_table_info('shipment_templates')")
      .pluck()
      .all();
    for (const forbidden of ['number', 'itn', 'carat', 'value', 'date_of', 'license', 'aes'])
      expect(columns.filter((column) => column.includes(forbidden))).toEqual([]);

    // The address book changes; the next shipment takes the entry as it is now.
    const consigneeId = saved.consignee?.id ?? 0;
    vault.services.issuance.updateParty(staff.operator, {
      id: consigneeId,
      party: {
        kind: 'consignee',
        name: CONSIGNEE.name,
        address: 'Hoveniersstraat 2\n2018 Antwerp\nBelgium',
        country: 'BE',
      },
    });
    const applied = templates().apply(staff.admin, { name: 'ANTWERP WEEKLY, 7102.31' });
    expect(applied.fields).toEqual({
      exporter: EXPORTER,
      consignee: { name: CONSIGNEE.name, address: 'Hoveniersstraat 2\n2018 Antwerp\nBelgium' },
      countryOfOrigin: 'CD',
      destinationCountry: 'BE',
      hsCodes: ['7102.31'],
      parcels: '2',
    });
    expect(vault.services.audit.verify().ok).toBe(true);
  });

  it('refuses the fields of one shipment by name and rule, and stores nothing', () => {
    const before = dumpTables(vault.db);
    const failure = failureOf(() =>
      templates().save(staff.operator, {
        ...antwerpWeekly(),
        number: 'US12345',
        itn: 'X20261127123456',
        carats: '12.50',
        valueUsd: '15000.00',
        dateOfIssue: '2026-11-27',
      }),
    );
    expect(failure.code).toBe('INVALID_INPUT');
    expect(Object.keys(failure.fields ?? {}).sort()).toEqual([
      'carats',
      'dateOfIssue',
      'itn',
      'number',
      'valueUsd',
    ]);
    expect(failure.fields?.number).toContain('592.307(c)');
    expect(failure.fields?.itn).toContain('592.301(a)(5)');
    expect(dumpTables(vault.db)).toEqual(before);
  });

  it('keeps names unique regardless of case, refuses control characters, and NFC-folds', () => {
    templates().save(staff.operator, antwerpWeekly('Café run'));
    const before = dumpTables(vault.db);
    // "Café" with e + U+0301 is the same name once normalised (NFC), in another case.
    const duplicate = failureOf(() =>
      templates().save(staff.admin, antwerpWeekly('CAFE\u0301 RUN')),
    );
    expect(duplicate.code).toBe('CONFLICT');
    expect(duplicate.fields?.name).toContain('Café run');
    const control = failureOf(() => templates().save(staff.admin, antwerpWeekly('Antwerp\u0007')));
    expect(control.code).toBe('INVALID_INPUT');
    expect(control.fields?.name).toMatch(/control character/);
    const rtl = failureOf(() => templates().save(staff.admin, antwerpWeekly('Antwerp \u202E')));
    expect(rtl.code).toBe('INVALID_INPUT');
    expect(failureOf(() => templates().save(staff.admin, antwerpWeekly('  '))).code).toBe(
      'INVALID_INPUT',
    );
    expect(dumpTables(vault.db)).toEqual(before);
  });

  it('refuses a party that is not in the address book, naming it', () => {
    const before = dumpTables(vault.db);
    const failure = failureOf(() =>
      templates().save(staff.operator, {
        ...antwerpWeekly(),
        consignee: { name: 'Unknown Diamonds Ltd', address: 'Somewhere\nBelgium' },
      }),
    );
    expect(failure.code).toBe('INVALID_INPUT');
    expect(failure.fields?.consignee).toContain('"Unknown Diamonds Ltd"');
    expect(failure.fields?.consignee).toContain('address book');
    expect(dumpTables(vault.db)).toEqual(before);
  });

  it('lets reviewers read but not save, rename, delete or apply', () => {
    templates().save(staff.operator, antwerpWeekly());
    const before = dumpTables(vault.db);
    expect(
      templates()
        .list(staff.reviewer)
        .map((t) => t.name),
    ).toEqual(['Antwerp weekly, 7102.31']);
    expect(templates().get(staff.reviewer, { name: 'antwerp weekly, 7102.31' }).carrier).toBe(
      'Malca-Amit',
    );
    const name = 'Antwerp weekly, 7102.31';
    for (const attempt of [
      () => templates().save(staff.reviewer, antwerpWeekly('Other')),
      () => templates().rename(staff.reviewer, { name, newName: 'Other' }),
      () => templates().delete(staff.reviewer, { name }),
      () => templates().apply(staff.reviewer, { name }),
    ])
      expect(failureOf(attempt).code).toBe('FORBIDDEN');
    expect(dumpTables(vault.db)).toEqual(before);
  });
});

describe('renaming and deleting', () => {
  it('renames and deletes with one audit event each; the chain verifies', () => {
    const saved = templates().save(staff.operator, antwerpWeekly());
    templates().save(staff.operator, antwerpWeekly('Dubai monthly'));
    const taken = failureOf(() =>
      templates().rename(staff.operator, { name: saved.name, newName: 'dubai MONTHLY' }),
    );
    expect(taken.code).toBe('CONFLICT');
    const renamed = templates().rename(staff.operator, {
      name: saved.name,
      newName: 'Antwerp (Malca-Amit)',
    });
    expect(renamed.id).toBe(saved.id);
    // Renaming to the same name in another case is allowed (it is the same template).
    templates().rename(staff.operator, {
      name: 'Antwerp (Malca-Amit)',
      newName: 'ANTWERP (Malca-Amit)',
    });
    expect(templates().delete(staff.admin, { name: 'antwerp (malca-amit)' })).toEqual({
      deleted: 'ANTWERP (Malca-Amit)',
    });
    expect(lastEvents(3).map((event) => event.action)).toEqual([
      'template.rename',
      'template.rename',
      'template.delete',
    ]);
    expect(
      templates()
        .list(staff.operator)
        .map((t) => t.name),
    ).toEqual(['Dubai monthly']);
    const gone = failureOf(() => templates().apply(staff.operator, { name: saved.name }));
    expect(gone.code).toBe('NOT_FOUND');
    expect(vault.services.audit.verify().ok).toBe(true);
  });
});

describe('a template whose party left the address book', () => {
  it('is refused at apply with the party named, and nothing is filled', () => {
    const saved = templates().save(staff.operator, antwerpWeekly());
    const consigneeId = saved.consignee?.id ?? 0;
    // KP Desk has no "delete from the address book" yet: the entry is removed as another tool
    // (or a future version) would, under the key.
    tamperWithVault(vault, `DELETE FROM parties WHERE id = ${String(consigneeId)}`);
    const again = reopened().templates;
    const failure = failureOf(() =>
      again.apply(staff.operator, { name: 'Antwerp weekly, 7102.31' }),
    );
    expect(failure.code).toBe('NOT_FOUND');
    expect(failure.message).toContain('Antwerp weekly, 7102.31');
    expect(failure.message).toContain(`address-book entry ${String(consigneeId)}`);
    expect(failure.fields?.consignee).toBeDefined();
    // The list still shows the template, with the entry marked as gone.
    expect(again.get(staff.reviewer, { name: saved.name }).consignee).toEqual({
      id: consigneeId,
      name: null,
    });
  });
});

describe('audit coverage', () => {
  it('breaks the verification when a template row is changed behind KP Desk', () => {
    const saved = templates().save(staff.operator, antwerpWeekly());
    expect(vault.services.audit.verify().ok).toBe(true);
    tamperWithVault(
      vault,
      `UPDATE shipment_templates SET carrier = 'Someone else' WHERE id = ${String(saved.id)}`,
    );
    const report = reopened().audit.verify();
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toContain(`shipment template ${String(saved.id)}`);
  });
});

/** The services over the connection tamperWithVault opened again, as the app would. */
function reopened(): TestVault['services'] {
  vault.services = createVaultServices(vault.db, {
    now: () => vault.clock.now,
    passwordHashing: TEST_SCRYPT,
  });
  return vault.services;
}
