// Issue 13 part 5 against the record import (issue 15, `kpdesk import-records`): every cell a
// person wrote that becomes part of a record (the certificate's fields, and also the void reason
// and notes, the packaging and warranty text, the seal and invoice numbers and the reference)
// refuses control characters, direction overrides, text made only of invisible characters and
// half a surrogate pair, naming the column; the row stores nothing and the others go on. And
// accepted text is stored NFC, however it was typed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../electron/core/record-import/import-outcome';
import { importRecords } from '../../../electron/core/record-import/import-records';
import { csvLine } from '../../../electron/core/table-files/csv-cell';
import type { Staff, TestVault } from '../vault/vault-fixture';
import { openTestVault, seedVault } from '../vault/vault-fixture';
import { BULK_HEADER, bulkCells, historicalRows } from './historical-rows';

const RLO = '\u202E';
const ZWSP = '\u200B';
const BEL = '\u0007';

let vault: TestVault;
let staff: Staff;
beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
});
afterEach(() => vault.close());

const EXTRA = ['reference', 'voidNotes', 'packaging', 'sealNumbers', 'warranty', 'invoiceNumbers'];

/** Rows 0..3 (row 3 VOIDED, row 1 DELIVERED), every extra column filled; one cell replaced. */
function csvWith(index: number, column: string, value: string): string {
  const header = [...BULK_HEADER, ...EXTRA];
  let text = csvLine(header);
  historicalRows(4).forEach((row, i) => {
    const cells = [
      ...bulkCells(row),
      `REF-${String(i)}`,
      row.state === 'VOIDED' ? 'Printed on the wrong form' : '',
      'Sealed tamper-evident box',
      'S-1',
      'The diamonds herein invoiced…',
      'INV-1',
    ];
    if (i === index) cells[header.indexOf(column)] = value;
    text += csvLine(cells);
  });
  return text;
}

function run(text: string, name = 'old-records.csv'): ImportOutcome[] {
  const outcomes: ImportOutcome[] = [];
  importRecords({
    db: vault.db,
    services: vault.services,
    actor: staff.admin,
    now: () => vault.clock.now,
    file: { bytes: Buffer.from(text, 'utf8'), name },
    allOrNothing: false,
    onOutcome: (outcome) => outcomes.push(outcome),
  });
  return outcomes;
}

describe('typed text in imported records (issue 13 part 5)', () => {
  it('imports the clean file (the cases below differ from it in one cell only)', () => {
    expect(run(csvWith(-1, 'reference', '')).map((o) => o.outcome)).toEqual([
      'imported',
      'imported',
      'imported',
      'imported',
    ]);
  });

  it.each([
    [1, 'consigneeName', `Diamant${RLO}VN`, 'consigneeName'],
    [3, 'voidReason', `Printer${RLO} error`, 'voidReason'],
    [3, 'voidNotes', `Wrong form${BEL}`, 'voidNotes'],
    [1, 'packaging', ZWSP, 'packaging'],
    [1, 'packaging', `Box${RLO}`, 'packaging'],
    [1, 'sealNumbers', `S${ZWSP}1`, 'sealNumbers'],
    [1, 'warranty', `Conflict-free${BEL}`, 'warranty'],
    [1, 'invoiceNumbers', `INV${BEL}1`, 'invoiceNumbers'],
    [1, 'reference', `REF${RLO}1`, 'reference'],
  ])('refuses row %i with %s "%s", naming the column', (index, column, value, field) => {
    const outcomes = run(csvWith(index, column, value));
    const outcome = outcomes[index];
    expect(outcome?.outcome, JSON.stringify(outcome)).toBe('refused');
    const problems = outcome?.outcome === 'refused' ? outcome.problems : [];
    expect(
      problems.some((p) => (p.field ?? '').startsWith(field) && /contains/.test(p.message)),
      JSON.stringify(problems),
    ).toBe(true);
    // The other rows go on; the refused one stored nothing.
    expect(outcomes.filter((o) => o.outcome === 'imported')).toHaveLength(3);
    const number = historicalRows(4)[index]?.number ?? '';
    expect(vault.services.certificates.getByNumber(number)).toBeNull();
  });

  it('refuses half a surrogate pair, which only a JSON escape can carry into a file', () => {
    const rows = historicalRows(2);
    const objects = rows.map((row) =>
      Object.fromEntries(BULK_HEADER.map((column, i) => [column, bulkCells(row)[i] ?? ''])),
    );
    // "\uD83D" written as the six characters of a JSON escape: valid UTF-8, ill-formed UTF-16.
    const text = JSON.stringify(objects).replace(
      `"consigneeName":"${String(objects[1]?.consigneeName)}"`,
      '"consigneeName":"Dubai\\uD83D Rough"',
    );
    expect(text).toContain('\\uD83D');
    const outcomes = run(text, 'old.json');
    expect(outcomes.map((o) => o.outcome)).toEqual(['imported', 'refused']);
    const problems = outcomes[1]?.outcome === 'refused' ? outcomes[1].problems : [];
    expect(problems.some((p) => /half of a character/.test(p.message))).toBe(true);
  });

  it('stores the void notes and packaging NFC, however they were typed', () => {
    const decomposed = 'Caisse scelle\u0301e';
    run(csvWith(3, 'packaging', decomposed));
    const stored = vault.db
      .prepare<[], string>("SELECT packaging_json FROM certificates WHERE number = 'US500003'")
      .pluck()
      .get();
    expect(stored).toContain(decomposed.normalize('NFC'));
    expect(stored).not.toContain(decomposed);
  });
});
