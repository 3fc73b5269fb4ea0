// Which form number each batch row gets (electron/core/bulk-issue/stock-numbers.ts), on a real
// encrypted vault: a row's own number when it is available; else the lowest available number
// that no row of the file names for itself; never a used or voided number (31 CFR 592.307(c)).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNumberSource } from '../../../electron/core/bulk-issue/stock-numbers';
import type { TableRow } from '../../../electron/core/table-files/read-table-rows';
import type { Staff, TestVault } from './vault-fixture';
import { openTestVault, seedVault, validDraft } from './vault-fixture';

let vault: TestVault;
let staff: Staff;
beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault); // stock US12340-US12359
});
afterEach(() => {
  vault.close();
});

const rows = (...numbers: string[]): TableRow[] =>
  numbers.map((number, index) => ({ row: index + 1, line: null, cells: { number } }));

describe('batch form numbers', () => {
  it('skips numbers other rows name, and used or voided ones', () => {
    vault.services.issuance.createDraft(staff.operator, {
      number: 'US12340',
      draft: validDraft('US12340'),
    });
    vault.services.issuance.voidBlank(staff.operator, {
      number: 'US12342',
      reason: 'Printer error',
    });
    const source = createNumberSource(vault.db, rows('', 'US12341', '', 'us 12344'), false);
    expect(source.take('')).toEqual({ ok: true, number: 'US12343' });
    expect(source.take('US12341')).toEqual({ ok: true, number: 'US12341' });
    // Row by row, nothing is held: until a row commits, its number is offered again.
    expect(source.take('')).toEqual({ ok: true, number: 'US12343' });
    expect(source.take('US12340')).toMatchObject({
      ok: false,
      message: expect.stringContaining('used') as string,
    });
    expect(source.take('US12342')).toMatchObject({
      ok: false,
      message: expect.stringContaining('voided') as string,
    });
    expect(source.take('US99999')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not in your stock') as string,
    });
  });

  it('row by row: a number is held from check to commit, and a refused row gives it back', () => {
    // Rows are checked while earlier ones are still being signed (bulk-issue/issue-row-by-row.ts).
    const source = createNumberSource(vault.db, rows('', '', '', 'US12343'), true);
    expect(source.take('')).toEqual({ ok: true, number: 'US12340' });
    expect(source.take('')).toEqual({ ok: true, number: 'US12341' });
    source.release('US12340');
    expect(source.take('')).toEqual({ ok: true, number: 'US12340' });
    // US12343 is named by a row for itself: never handed to a row without a number.
    expect(source.take('')).toEqual({ ok: true, number: 'US12342' });
    expect(source.take('')).toEqual({ ok: true, number: 'US12344' });
    // A number given back but used meanwhile by someone else is not handed out again.
    source.release('US12341');
    vault.services.issuance.createDraft(staff.operator, {
      number: 'US12341',
      draft: validDraft('US12341'),
    });
    expect(source.take('')).toEqual({ ok: true, number: 'US12345' });
    expect(source.take('US12343')).toEqual({ ok: true, number: 'US12343' });
    source.release('US12343');
    expect(source.take('')).toEqual({ ok: true, number: 'US12346' });
    expect(source.take('US12343')).toEqual({ ok: true, number: 'US12343' });
  });

  it('all or nothing: a number handed out stays taken for the rest of the batch', () => {
    const source = createNumberSource(vault.db, rows('', '', 'US12340', 'US12341'), true);
    expect(source.take('')).toEqual({ ok: true, number: 'US12342' });
    expect(source.take('')).toEqual({ ok: true, number: 'US12343' });
    expect(source.take('US12340')).toEqual({ ok: true, number: 'US12340' });
    expect(source.take('US12340')).toMatchObject({ ok: false });
    const small = createNumberSource(vault.db, rows(), true);
    for (let i = 0; i < 20; i += 1) expect(small.take('').ok).toBe(true);
    expect(small.take('')).toEqual({ ok: false, message: 'No certificate form is left in stock.' });
  });
});
