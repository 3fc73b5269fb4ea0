// Roles are enforced by the service, and every refused call (bad input, wrong role, lifecycle
// refusal) leaves every table exactly as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Staff, TestVault } from './vault-fixture';
import { dumpTables, failureOf, openTestVault, seedVault, validDraft } from './vault-fixture';

let vault: TestVault;
let staff: Staff;
let draftId: number;

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
  draftId = vault.services.issuance.createDraft(staff.operator, {
    number: 'US12340',
    draft: validDraft('US12340'),
  }).id;
});
afterEach(() => vault.close());

function expectRefusedUnchanged(call: () => unknown, code: string): void {
  const before = dumpTables(vault.db);
  expect(failureOf(call).code).toBe(code);
  expect(dumpTables(vault.db)).toEqual(before);
}

describe('roles', () => {
  it('lets a reviewer write nothing', () => {
    const { issuance } = vault.services;
    const { reviewer } = staff;
    const calls: (() => unknown)[] = [
      () => issuance.createDraft(reviewer, { number: 'US12341', draft: validDraft('US12341') }),
      () => issuance.recordItn(reviewer, { id: draftId, itn: 'X20261127123456' }),
      () => issuance.void(reviewer, { id: draftId, reason: 'Other (notes required)', notes: 'x' }),
      () => issuance.registerStock(reviewer, { numbers: 'US20000' }),
      () =>
        issuance.createParty(reviewer, {
          kind: 'consignee',
          name: 'X',
          address: 'Antwerp, Belgium',
          country: 'BE',
        }),
      () =>
        issuance.createUser(reviewer, {
          username: 'eve',
          displayName: 'Eve',
          role: 'administrator',
          password: 'long enough password',
        }),
    ];
    for (const call of calls) expectRefusedUnchanged(call, 'FORBIDDEN');
  });

  it('does not let an operator manage users or the licensee profile', () => {
    const { issuance } = vault.services;
    expectRefusedUnchanged(
      () =>
        issuance.createUser(staff.operator, {
          username: 'mallory',
          displayName: 'Mallory',
          role: 'administrator',
          password: 'long enough password',
        }),
      'FORBIDDEN',
    );
    expectRefusedUnchanged(
      () =>
        issuance.saveLicensee(staff.operator, {
          legalName: 'Other LLC',
          address: 'Somewhere',
          tin: '98-7654321',
          isCommonCarrier: true,
        }),
      'FORBIDDEN',
    );
  });

  it('trusts the stored role, not the one the caller claims', () => {
    const forged = { userId: staff.reviewer.userId, role: 'administrator' as const };
    expectRefusedUnchanged(
      () => vault.services.issuance.registerStock(forged, { numbers: 'US20000' }),
      'FORBIDDEN',
    );
    expectRefusedUnchanged(
      () =>
        vault.services.issuance.registerStock(
          { userId: 999, role: 'operator' },
          { numbers: 'US20000' },
        ),
      'FORBIDDEN',
    );
  });

  it('allows only one first administrator', () => {
    expectRefusedUnchanged(
      () =>
        vault.services.issuance.createFirstAdministrator({
          username: 'second',
          displayName: 'Second',
          password: 'long enough password',
        }),
      'FORBIDDEN',
    );
  });
});

describe('rejected input changes nothing', () => {
  const op = () => staff.operator;
  const cases: [string, () => unknown][] = [
    [
      'unknown draft key',
      () =>
        vault.services.issuance.createDraft(op(), {
          number: 'US12341',
          draft: { ...validDraft('US12341'), consigne: 'typo' },
        }),
    ],
    [
      'extra top-level key',
      () =>
        vault.services.issuance.createDraft(op(), {
          number: 'US12341',
          draft: validDraft('US12341'),
          force: true,
        }),
    ],
    [
      'malformed number',
      () =>
        vault.services.issuance.createDraft(op(), { number: 'US012341', draft: validDraft('') }),
    ],
    [
      'draft naming another number',
      () =>
        vault.services.issuance.createDraft(op(), {
          number: 'US12341',
          draft: validDraft('US12342'),
        }),
    ],
    [
      'wrong types in update',
      () =>
        vault.services.issuance.updateDraft(op(), {
          id: String(draftId),
          draft: {},
          expectedVersion: 1,
        }),
    ],
    [
      'ship date not a date',
      () => vault.services.issuance.ship(op(), { id: draftId, shipDate: 'tomorrow' }),
    ],
    [
      'issue without packaging',
      () => vault.services.issuance.issue(op(), { id: draftId, attested: true }),
    ],
    [
      'bad TIN',
      () =>
        vault.services.issuance.saveLicensee(staff.admin, {
          legalName: 'Hudson',
          address: 'NY',
          // Eight digits: nine are formatted as an EIN (NN-NNNNNNN), never refused (issue 16).
          tin: '12345678',
          isCommonCarrier: false,
        }),
    ],
    [
      'short password',
      () =>
        vault.services.issuance.createUser(staff.admin, {
          username: 'bob',
          displayName: 'Bob',
          role: 'operator',
          password: 'short',
        }),
    ],
    [
      'bad stock range',
      () => vault.services.issuance.registerStock(op(), { numbers: 'US20010-US20000' }),
    ],
    [
      'stock number without enough digits',
      () => vault.services.issuance.registerStock(op(), { numbers: 'US123' }),
    ],
    [
      'actor with extra keys',
      () =>
        vault.services.issuance.registerStock(
          { ...op(), role: 'operator', admin: true },
          { numbers: 'US20000' },
        ),
    ],
    [
      'unknown edit decision',
      () => vault.services.issuance.decideEdit(staff.admin, { requestId: 1, decision: 'maybe' }),
    ],
  ];

  it.each(cases)('%s → INVALID_INPUT with fields, and no table changes', (_name, call) => {
    const before = dumpTables(vault.db);
    const failure = failureOf(call);
    expect(failure.code).toBe('INVALID_INPUT');
    expect(Object.keys(failure.fields ?? {}).length).toBeGreaterThan(0);
    expect(dumpTables(vault.db)).toEqual(before);
  });

  it('rolls back an operation that fails part-way: stock, certificate and audit together', () => {
    // A failure injected at the very last write (the certificate's audit event), after the
    // stock number was taken and the certificate inserted: none of it may remain.
    vault.db.exec(`CREATE TRIGGER fail_create BEFORE INSERT ON audit_events_compact
      WHEN json_extract(NEW.body, '$.action') = 'certificate.create'
      BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    const before = dumpTables(vault.db);
    expect(() =>
      vault.services.issuance.createDraft(op(), {
        number: 'US12341',
        draft: validDraft('US12341'),
      }),
    ).toThrow(/injected/);
    expect(dumpTables(vault.db)).toEqual(before);
    expect(vault.services.stock.get('US12341')?.status).toBe('available');
  });

  it('rejects a registration that overlaps registered numbers as a whole', () => {
    // The last number of the range is already registered: nothing of the range may remain.
    expectRefusedUnchanged(
      () => vault.services.issuance.registerStock(op(), { numbers: 'US12300-US12340' }),
      'CONFLICT',
    );
  });
});
