// Rule 8 across records, on a real encrypted vault: a ship date in the future is refused (the ship
// date is the day the shipment leaves the US, 15 CFR 30.7(c); Census gets its copy after export,
// 31 CFR 592.301(a)(1)(iv)), and a delivery is never recorded before its shipment. Each refusal
// has its own code, names the field and the dates, and changes nothing (rows and audit chain).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Staff, TestVault } from './vault-fixture';
import { failureOf, openTestVault, seedVault, validDraft } from './vault-fixture';

let vault: TestVault;
let staff: Staff;

beforeEach(() => {
  vault = openTestVault(); // the clock stands at 2026-11-27 10:00 UTC
  staff = seedVault(vault);
});
afterEach(() => vault.close());

function issued(number: string): number {
  const { issuance } = vault.services;
  const created = issuance.createDraft(staff.operator, { number, draft: validDraft(number) });
  issuance.recordItn(staff.operator, { id: created.id, itn: 'X20261127123456' });
  issuance.issue(staff.operator, {
    id: created.id,
    attested: true,
    packaging: { description: 'Sealed tamper-evident box', sealNumbers: ['S-1'] },
    warranty: { statement: 'Warranty as invoiced.', invoiceNumbers: ['INV-1'] },
  });
  return created.id;
}

describe('ship and deliver dates against the clock', () => {
  it('refuses a ship date after today, naming the field, and changes nothing', () => {
    const id = issued('US12345');
    const before = vault.services.certificates.get(id);
    const future = failureOf(() =>
      vault.services.issuance.ship(staff.operator, { id, shipDate: '2026-11-28' }),
    );
    expect(future.code).toBe('SHIP_DATE_IN_FUTURE');
    expect(future.message).toContain(
      'The ship date 2026-11-28 is in the future (today is 2026-11-27)',
    );
    expect(future.message).toContain('15 CFR 30.7(c)');
    expect(future.fields?.shipDate).toContain('after today, 2026-11-27');
    expect(vault.services.certificates.get(id)).toEqual(before);
    expect(vault.services.audit.verify().ok).toBe(true);
    // Today is allowed, and so is the next day once it has come.
    expect(vault.services.issuance.ship(staff.operator, { id, shipDate: '2026-11-27' }).state).toBe(
      'SHIPPED',
    );
  });

  it('never records a delivery before its shipment', () => {
    const id = issued('US12346');
    vault.clock.now = new Date('2026-11-29T09:00:00.000Z');
    vault.services.issuance.ship(staff.operator, { id, shipDate: '2026-11-29' });
    const shipped = vault.services.certificates.get(id);
    vault.clock.now = new Date('2026-11-28T09:00:00.000Z'); // the computer's clock went back
    const early = failureOf(() =>
      vault.services.issuance.deliver(staff.operator, { id, importConfirmed: false }),
    );
    expect(early.code).toBe('DELIVERY_BEFORE_SHIPMENT');
    expect(early.message).toContain('US12346 was shipped on 2026-11-29');
    expect(early.message).toContain('today is 2026-11-28');
    expect(early.fields?.deliveredAt).toContain('before the ship date, 2026-11-29');
    expect(vault.services.certificates.get(id)).toEqual(shipped);
    vault.clock.now = new Date('2026-11-29T18:00:00.000Z');
    const delivered = vault.services.issuance.deliver(staff.operator, {
      id,
      importConfirmed: true,
    });
    expect(delivered.state).toBe('DELIVERED');
    expect(vault.services.audit.verify().ok).toBe(true);
  });
});
