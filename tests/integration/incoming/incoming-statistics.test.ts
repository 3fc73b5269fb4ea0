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
});
