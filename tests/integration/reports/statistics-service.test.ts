// The statistics service on a real vault: who may read it, what a bad period gives, the figures
// of a small hand-counted set, the CSV layout, and the query plan (one range of the covering index
// of migration 0150, no table row read).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../../shared/domain/calendar-date';
import { EXPORT_CELLS_SQL } from '../../../electron/core/reports/read-export-cells';
import { statisticsCsv } from '../../../electron/core/reports/statistics-csv';
import type { Staff, TestVault } from '../vault/vault-fixture';
import {
  dumpTables,
  failureOf,
  openTestVault,
  seedVault,
  validDraft,
} from '../vault/vault-fixture';

let vault: TestVault;
let staff: Staff;

const packaging = { description: 'Sealed tamper-evident box', sealNumbers: ['S-1'] };
const warranty = {
  statement:
    'The diamonds herein invoiced have been purchased from legitimate sources not involved in funding conflict.',
  invoiceNumbers: ['INV-1'],
};

/** Issues the fixture certificate (BE, 7102.31) with the given amounts, date and end state. */
function certificate(
  number: string,
  carats: string,
  valueUsd: string,
  dateOfIssue: string,
  end: 'ISSUED' | 'DELIVERED' | 'VOIDED',
  change: { hsCode?: string; country?: 'AE'; address?: string } = {},
): void {
  const { issuance } = vault.services;
  const base = validDraft(number);
  const draft = {
    ...base,
    carats,
    valueUsd,
    dateOfIssue,
    dateOfExpiry: formatIsoDate((parseIsoDate(dateOfIssue) ?? 0) + 60),
    exportDate: dateOfIssue,
    hsCodes: [change.hsCode ?? '7102.31'],
    itn: '',
    aes: base.aes === undefined ? undefined : { ...base.aes, licenseValue: valueUsd },
    ...(change.country === undefined
      ? {}
      : {
          destinationCountry: change.country,
          consignee: { name: 'Dubai Rough DMCC', address: change.address ?? '' },
        }),
  };
  // Issued on its date of issue: a certificate is never issued after its expiry (CERTIFICATE_EXPIRED).
  vault.clock.now = new Date(`${dateOfIssue}T10:00:00.000Z`);
  const { id } = issuance.createDraft(staff.operator, { number, draft });
  issuance.recordItn(staff.operator, {
    id,
    itn: `X${dateOfIssue.replaceAll('-', '')}1${number.slice(3)}0`,
  });
  issuance.issue(staff.operator, { id, attested: true, packaging, warranty });
  if (end === 'DELIVERED') {
    issuance.ship(staff.operator, { id, shipDate: dateOfIssue });
    issuance.deliver(staff.operator, { id, importConfirmed: true });
  }
  if (end === 'VOIDED') issuance.void(staff.operator, { id, reason: 'Printer error' });
  vault.clock.now = new Date('2026-11-27T10:00:00.000Z');
}

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
  certificate('US12340', '10.00', '1000.00', '2026-07-01', 'DELIVERED');
  certificate('US12341', '20.00', '3000.01', '2026-09-30', 'ISSUED', { hsCode: '7102.21' });
  certificate('US12342', '0.02', '0.02', '2026-08-15', 'DELIVERED', {
    country: 'AE',
    address: 'Almas Tower, Jumeirah Lakes Towers, Dubai, United Arab Emirates',
  });
  certificate('US12343', '5.00', '500.00', '2026-08-01', 'VOIDED');
  certificate('US12344', '7.00', '700.00', '2026-10-01', 'DELIVERED'); // the next quarter
});
afterEach(() => vault.close());

describe('statistics of a hand-counted quarter', () => {
  it('counts issued certificates by date of issue, voided apart, with exact sums and shares', () => {
    const report = vault.services.reports.statistics(staff.reviewer, { period: '2026Q3', top: 1 });
    expect(report.period).toEqual({
      kind: 'quarter',
      label: '2026Q3',
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(report.exports.totals).toEqual({
      certificates: 3,
      carats: '30.02',
      valueUsd: '4000.03',
      usdPerCarat: '133.25', // 400003 / 3002 = 133.2455… → 133.25
    });
    expect(report.exports.voided).toMatchObject({ certificates: 1, carats: '5.00' });
    expect(report.exports.expired).toMatchObject({ certificates: 0, usdPerCarat: null });
    expect(report.exports.byHsCode).toEqual([
      {
        hsCode: '7102.21',
        certificates: 1,
        carats: '20.00',
        valueUsd: '3000.01',
        usdPerCarat: '150.00', // 300001 / 2000 = 150.0005 → 150.00
        shareOfVolume: '66.62', // 2000 / 3002 = 66.6222…%
        shareOfValue: '75.00', // 300001 / 400003 = 74.99993…%
      },
      {
        hsCode: '7102.31',
        certificates: 2,
        carats: '10.02',
        valueUsd: '1000.02',
        usdPerCarat: '99.80', // 100002 / 1002 = 99.8024…
        shareOfVolume: '33.38',
        shareOfValue: '25.00',
      },
    ]);
    expect(report.exports.topByVolume.partners.map((p) => p.country)).toEqual(['BE']);
    expect(report.exports.topByVolume.allOthers).toMatchObject({
      partners: 1,
      certificates: 1,
      carats: '0.02',
      valueUsd: '0.02',
      shareOfVolume: '0.07', // 2 / 3002 = 0.0666…%
    });
    expect(report.annual).toHaveLength(1);
    expect(report.annual[0]).toMatchObject({
      year: 2026,
      from: '2026-07-01',
      to: '2026-09-30',
      complete: false,
    });
  });

  it('writes the CSV in the plain layout, one figure per row', () => {
    const report = vault.services.reports.statistics(staff.reviewer, { period: '2026', top: 1 });
    const lines = statisticsCsv(report).split('\r\n');
    expect(lines[0]).toBe(
      'flow,from,to,section,item,certificates,carats,value_usd,usd_per_carat,share_of_volume_pct,share_of_value_pct',
    );
    expect(lines).toContain(
      'exports,2026-01-01,2026-12-31,total,all,4,37.02,4700.03,126.96,100.00,100.00',
    );
    expect(lines).toContain('exports,2026-01-01,2026-12-31,voided,apart,1,5.00,500.00,100.00,,');
    expect(lines).toContain(
      'exports,2026-01-01,2026-12-31,top_by_value,all others (1),1,0.02,0.02,1.00,0.05,0.00',
    );
    expect(lines.at(-1)).toBe('');
  });

  it('lets an administrator read them too', () => {
    const report = vault.services.reports.statistics(staff.admin, {
      period: '2026-10-01..2026-10-01',
    });
    expect(report.exports.totals).toMatchObject({ certificates: 1, carats: '7.00' });
    expect(report.top).toBe(5);
  });
});

describe('refusals change nothing', () => {
  it('refuses an operator (FORBIDDEN, naming who may)', () => {
    const before = dumpTables(vault.db);
    const failure = failureOf(() =>
      vault.services.reports.statistics(staff.operator, { period: '2026' }),
    );
    expect(failure.code).toBe('FORBIDDEN');
    expect(failure.message).toMatch(
      /operator cannot see the statistics.*administrator or a reviewer/i,
    );
    expect(dumpTables(vault.db)).toEqual(before);
  });

  it('refuses a bad period as INVALID_INPUT naming the field and the rule', () => {
    const failure = failureOf(() =>
      vault.services.reports.statistics(staff.reviewer, { period: '2026Q5' }),
    );
    expect(failure).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { period: expect.stringContaining('quarters Q1 to Q4') as string },
    });
    expect(
      failureOf(() =>
        vault.services.reports.statistics(staff.reviewer, { period: '2026', top: 0 }),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', fields: { top: expect.any(String) as string } });
  });
});

describe('the query plan', () => {
  it('reads one range of the covering index, never the table', () => {
    const plan = vault.db
      .prepare(`EXPLAIN QUERY PLAN ${EXPORT_CELLS_SQL}`)
      .all({ from: '2026-01-01', to: '2026-12-31' }) as { detail: string }[];
    const details = plan.map((row) => row.detail).join('\n');
    expect(details).toMatch(
      /SEARCH certificates USING COVERING INDEX certificates_statistics \(date_of_issue>\? AND date_of_issue<\?\)/,
    );
  });
});
