// Imports in the statistics once incoming certificates are recorded (issue 15): null while the
// vault holds none ("not recorded yet"), then counted by date of entry, per HS code and
// exporting Participant, with exact sums; a certificate with several HS codes counts under
// "several" (its weight has no split to guess).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Staff, TestVault } from '../vault/vault-fixture';
import { openTestVault, seedVault } from '../vault/vault-fixture';
import { botswanaCertificate } from './incoming-fixture';

let vault: TestVault;
let staff: Staff;
beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
});
afterEach(() => vault.close());

const stats = (period: string) =>
  vault.services.reports.statistics(staff.reviewer, { period, top: 5 });

describe('imports in the statistics', () => {
  it('are null before any is recorded, then summed by date of entry', () => {
    expect(stats('2026Q4').imports).toBeNull();
    const register = (number: string, overrides = {}) =>
      vault.services.incoming.register(staff.operator, {
        certificate: botswanaCertificate({ number, ...overrides }),
      });
    register('BW000001', { carats: '100.10', valueUsd: '1000.05' });
    register('BW000002', { carats: '0.01', valueUsd: '0.01' });
    register('BE000003', {
      exportingParticipant: 'EU',
      hsCodes: ['7102.10', '7102.31'],
      carats: '5.00',
      valueUsd: '50.00',
    });
    // Entered before the period: not counted in it.
    register('BW000004', { dateOfIssue: '2026-09-01', dateOfEntry: '2026-09-30' });

    const imports = stats('2026Q4').imports;
    expect(imports?.flow).toBe('imports');
    expect(imports?.totals).toMatchObject({
      certificates: 3,
      carats: '105.11',
      valueUsd: '1050.06',
    });
    expect(imports?.byHsCode.map((line) => [line.hsCode, line.certificates])).toEqual([
      ['7102.10', 2],
      ['several', 1],
    ]);
    expect(stats('2026Q3').imports?.totals.certificates).toBe(1);
  });

  it('are in the annual table, year by year by date of entry, adding up to the period', () => {
    expect(stats('2025-01-01..2026-12-31').annual.map((row) => row.imports)).toEqual([null, null]);
    const register = (number: string, overrides = {}) =>
      vault.services.incoming.register(staff.operator, {
        certificate: botswanaCertificate({ number, ...overrides }),
      });
    register('BW000011', {
      dateOfIssue: '2025-06-01',
      dateOfExpiry: '2025-07-30',
      dateOfEntry: '2025-06-10',
      carats: '0.50',
      valueUsd: '50.00',
    });
    register('BW000012', { carats: '10.00', valueUsd: '2000.00', hsCodes: ['7102.31'] });
    register('BW000013', { carats: '0.01', valueUsd: '0.01' });
    const report = stats('2025-01-01..2026-12-31');
    expect(report.imports?.totals).toEqual({
      certificates: 3,
      carats: '10.51',
      valueUsd: '2050.01',
      usdPerCarat: '195.05', // 205001 / 1051 = 195.0532…
    });
    expect(report.annual.map((row) => [row.year, row.imports?.totals])).toEqual([
      [2025, { certificates: 1, carats: '0.50', valueUsd: '50.00', usdPerCarat: '100.00' }],
      // 200001 / 1001 = 199.8011…
      [2026, { certificates: 2, carats: '10.01', valueUsd: '2000.01', usdPerCarat: '199.80' }],
    ]);
    const y2026 = report.annual[1]?.imports;
    expect(
      y2026?.byHsCode.map((line) => [line.hsCode, line.shareOfVolume, line.shareOfValue]),
    ).toEqual([
      ['7102.10', '0.10', '0.00'], // 1 / 1001 = 0.0999 %; 1 / 200001 = 0.0005 %
      ['7102.31', '99.90', '100.00'],
    ]);
    // The exports' annual rows are untouched by the imports.
    expect(report.annual.map((row) => row.exports.totals.certificates)).toEqual([0, 0]);
  });
});
