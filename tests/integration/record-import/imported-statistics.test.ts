// Imported records count in the statistics like any other record: the figures of an imported set
// equal totals computed here from the generated rows (integers, independently of the vault), and
// a vault's own certificates exported in USKPA's layout (reports/uskpa-certificates-csv.ts, the
// layout of USKPA's database export) and imported into a new vault give the same statistics.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../../shared/domain/calendar-date';
import { importRecords } from '../../../electron/core/record-import/import-records';
import type { ImportOutcome } from '../../../electron/core/record-import/import-outcome';
import { uskpaCertificatesCsv } from '../../../electron/core/reports/uskpa-certificates-csv';
import type { Staff, TestVault } from '../vault/vault-fixture';
import { openTestVault, seedVault, validDraft } from '../vault/vault-fixture';
import { bulkCsv, historicalRows } from './historical-rows';

let vault: TestVault;
let staff: Staff;
const opened: TestVault[] = [];
beforeEach(() => {
  vault = openTestVault();
  opened.push(vault);
  staff = seedVault(vault);
});
afterEach(() => {
  for (const v of opened.splice(0)) v.close();
});

function importInto(target: TestVault, actor: Staff['admin'], text: string, name: string) {
  const outcomes: ImportOutcome[] = [];
  const summary = importRecords({
    db: target.db,
    services: target.services,
    actor,
    now: () => target.clock.now,
    file: { bytes: Buffer.from(text, 'utf8'), name },
    allOrNothing: false,
    onOutcome: (outcome) => outcomes.push(outcome),
  });
  return { summary, outcomes };
}

const decimal = (hundredths: bigint): string =>
  `${String(hundredths / 100n)}.${String(hundredths % 100n).padStart(2, '0')}`;

describe('statistics of imported records', () => {
  it('equal the totals computed from the imported rows, by HS code and partner', () => {
    const rows = historicalRows(600);
    const { summary } = importInto(vault, staff.admin, bulkCsv(rows), 'history.csv');
    expect(summary.imported).toBe(600);
    const year = rows.filter((r) => r.dateOfIssue.startsWith('2017'));
    const counted = year.filter((r) => ['ISSUED', 'SHIPPED', 'DELIVERED'].includes(r.state));
    const sum = (list: typeof rows, key: 'caratHundredths' | 'valueCents') =>
      list.reduce((total, r) => total + BigInt(r[key]), 0n);
    const report = vault.services.reports.statistics(staff.reviewer, { period: '2017', top: 5 });
    expect(report.exports.totals).toMatchObject({
      certificates: counted.length,
      carats: decimal(sum(counted, 'caratHundredths')),
      valueUsd: decimal(sum(counted, 'valueCents')),
    });
    const voided = year.filter((r) => r.state === 'VOIDED');
    expect(report.exports.voided).toMatchObject({
      certificates: voided.length,
      carats: decimal(sum(voided, 'caratHundredths')),
    });
    const expired = year.filter((r) => r.state === 'EXPIRED');
    expect(report.exports.expired).toMatchObject({ certificates: expired.length });
    for (const hsCode of ['7102.10', '7102.21', '7102.31']) {
      const ofCode = counted.filter((r) => r.hsCode === hsCode);
      expect(report.exports.byHsCode.find((h) => h.hsCode === hsCode)).toMatchObject({
        certificates: ofCode.length,
        carats: decimal(sum(ofCode, 'caratHundredths')),
        valueUsd: decimal(sum(ofCode, 'valueCents')),
      });
    }
    const belgium = counted.filter((r) => r.destination === 'BE');
    const partners = [
      ...report.exports.topByVolume.partners,
      ...report.exports.topByValue.partners,
    ];
    expect(partners.find((p) => p.country === 'BE')).toMatchObject({
      certificates: belgium.length,
      carats: decimal(sum(belgium, 'caratHundredths')),
    });
  });

  it("round-trips a vault's certificates through USKPA's CSV layout with the same statistics", () => {
    const { issuance } = vault.services;
    const make = (
      number: string,
      day: string,
      carats: string,
      end: 'ISSUED' | 'DELIVERED' | 'VOIDED',
    ) => {
      vault.clock.now = new Date(`${day}T10:00:00.000Z`);
      const draft = {
        ...validDraft(number),
        carats,
        dateOfIssue: day,
        dateOfExpiry: formatIsoDate((parseIsoDate(day) ?? 0) + 60),
        exportDate: day,
        itn: `X${day.replaceAll('-', '')}1${number.slice(3)}0`,
        aes: undefined,
      };
      const { id } = issuance.createDraft(staff.operator, { number, draft });
      issuance.recordItn(staff.operator, { id, itn: draft.itn });
      issuance.issue(staff.operator, {
        id,
        attested: true,
        packaging: { description: 'Sealed box', sealNumbers: ['S-1'] },
        warranty: {
          statement: 'The diamonds herein invoiced are conflict free.',
          invoiceNumbers: [],
        },
      });
      if (end === 'DELIVERED') {
        issuance.ship(staff.operator, { id, shipDate: day });
        issuance.deliver(staff.operator, { id, importConfirmed: true });
      }
      if (end === 'VOIDED') issuance.void(staff.operator, { id, reason: 'Printer error' });
    };
    make('US12340', '2026-07-01', '10.00', 'DELIVERED');
    make('US12341', '2026-08-03', '20.50', 'ISSUED');
    make('US12342', '2026-09-10', '3.25', 'VOIDED');
    vault.clock.now = new Date('2026-11-27T10:00:00.000Z');
    const csv = uskpaCertificatesCsv(vault.db, {
      kind: 'year',
      label: '2026',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    const source = vault.services.reports.statistics(staff.reviewer, { period: '2026', top: 5 });

    const target = openTestVault();
    opened.push(target);
    const targetStaff = seedVault(target);
    const { summary, outcomes } = importInto(target, targetStaff.admin, csv, 'uskpa-export.csv');
    // US12340-US12342 are blank forms of the new vault's own stock book: refused, naming them.
    expect(summary.refused).toBe(3);
    expect(outcomes[0]).toMatchObject({ outcome: 'refused', code: 'CONFLICT' });

    const fresh = openTestVault();
    opened.push(fresh);
    fresh.services.issuance.createFirstAdministrator({
      username: 'ada',
      displayName: 'Ada Admin',
      password: 'correct horse battery',
    });
    const admin = { userId: 1, role: 'administrator' as const };
    const imported = importInto(fresh, admin, csv, 'uskpa-export.csv');
    expect(imported.summary).toMatchObject({ rows: 3, imported: 3 });
    expect(imported.outcomes.map((o) => (o.outcome === 'imported' ? o.state : o.outcome))).toEqual([
      'DELIVERED',
      'ISSUED',
      'VOIDED',
    ]);
    const copy = fresh.services.reports.statistics(admin, { period: '2026', top: 5 });
    expect(copy.exports).toEqual(source.exports);
    expect(fresh.services.certificates.getByNumber('US12340')).toMatchObject({
      shipDate: '2026-07-01',
      draft: { destinationCountry: 'BE', countryOfOrigin: 'CD', carats: '10.00' },
    });
    expect(fresh.services.audit.verify()).toMatchObject({ ok: true });
  });
});
