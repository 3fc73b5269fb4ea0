// `kpdesk stats` on the built CLI against a real encrypted vault: the JSON is the core's report
// with exact decimal strings, the CSV and the table carry the same figures, an operator and a bad
// period are refused (exit 2, typed error naming the field), and nothing in the vault changes.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USKPA_CSV_COLUMNS } from '../../electron/core/reports/uskpa-certificates-csv';
import type { StatisticsReport } from '../../shared/reports/statistics-report';
import type { BuiltCli, Outcome } from './cli-built';
import { buildCli } from './cli-built';
import type { CliTestVault } from './cli-test-vault';
import { HUDSON_LICENSEE, errorOf, makeCliTestVault } from './cli-test-vault';
import { dumpTables, validDraft } from './vault/vault-fixture';
import { botswanaCertificate } from './incoming/incoming-fixture';

let cli: BuiltCli | undefined;
let vault: CliTestVault;

const kpdesk = (args: string[]): Promise<Outcome> => vault.kpdesk(['stats', ...args]);
const tables = () => vault.withVault((_services, db) => dumpTables(db));

const packaging = { description: 'Sealed tamper-evident box', sealNumbers: ['S-1'] };
const warranty = {
  statement:
    'The diamonds herein invoiced have been purchased from legitimate sources not involved in funding conflict.',
  invoiceNumbers: ['INV-1'],
};

beforeAll(async () => {
  // Each certificate is issued on its date of issue: never after its expiry (CERTIFICATE_EXPIRED).
  let clock = new Date();
  vault = await makeCliTestVault(() => cli, 'stats-cli', 'US12340-US12349', {
    licensee: HUDSON_LICENSEE,
    stockDescription: 'Book 1',
    now: () => clock,
    seed: (services, admin) => {
      const { issuance } = services;
      // Three certificates of 2026Q3 (the fixture: BE, 7102.31), the third voided; one of 2025.
      const amounts = [
        ['US12340', '12.50', '15000.00', '2026-07-02', 'DELIVERED'],
        ['US12341', '0.07', '10.01', '2026-09-30', 'ISSUED'],
        ['US12342', '3.00', '300.00', '2026-08-01', 'VOIDED'],
        ['US12343', '1.00', '100.00', '2025-12-31', 'ISSUED'],
      ] as const;
      for (const [number, carats, valueUsd, dateOfIssue, end] of amounts) {
        const base = validDraft(number);
        const [y, m, d] = dateOfIssue.split('-').map(Number) as [number, number, number];
        const expiry = new Date(Date.UTC(y, m - 1, d + 60)).toISOString().slice(0, 10);
        const draft = {
          ...base,
          carats,
          valueUsd,
          dateOfIssue,
          dateOfExpiry: expiry,
          exportDate: dateOfIssue,
          itn: '',
          aes: base.aes === undefined ? undefined : { ...base.aes, licenseValue: valueUsd },
        };
        clock = new Date(`${dateOfIssue}T10:00:00.000Z`);
        const { id } = issuance.createDraft(admin, { number, draft });
        issuance.recordItn(admin, {
          id,
          itn: `X${dateOfIssue.replaceAll('-', '')}1${number.slice(2)}`,
        });
        issuance.issue(admin, { id, attested: true, packaging, warranty });
        if (end === 'DELIVERED') {
          issuance.ship(admin, { id, shipDate: dateOfIssue });
          issuance.deliver(admin, { id, importConfirmed: true });
        }
        if (end === 'VOIDED') issuance.void(admin, { id, reason: 'Printer error' });
      }
      // Two incoming (import-side) certificates, entered in 2025 and in 2026Q3 (issue 15).
      clock = new Date();
      for (const [number, carats, valueUsd, dateOfIssue, dateOfExpiry, dateOfEntry] of [
        ['BW 000111', '0.50', '50.00', '2025-06-01', '2025-07-30', '2025-06-10'],
        ['BW 000112', '10.00', '2000.00', '2026-08-01', '2026-09-29', '2026-08-15'],
      ] as const)
        services.incoming.register(admin, {
          certificate: botswanaCertificate({
            number,
            carats,
            valueUsd,
            dateOfIssue,
            dateOfExpiry,
            dateOfEntry,
          }),
        });
    },
  });
  cli = await buildCli();
}, 180_000);

afterAll(async () => {
  await cli?.remove();
  await vault.remove();
});

describe('kpdesk stats (built CLI)', () => {
  it('prints the core report as JSON with exact decimal strings', async () => {
    const before = await tables();
    const outcome = await kpdesk(['--period', '2026Q3', '--format', 'json', '--user', 'rita']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout) as StatisticsReport;
    expect(report.exports.totals).toEqual({
      certificates: 2,
      carats: '12.57',
      valueUsd: '15010.01',
      usdPerCarat: '1194.11', // 1501001 / 1257 = 1194.1129…
    });
    expect(report.exports.voided).toMatchObject({ certificates: 1, carats: '3.00' });
    expect(report.exports.byHsCode).toEqual([
      expect.objectContaining({ hsCode: '7102.31', shareOfVolume: '100.00' }),
    ]);
    // The same figures as the core computes in-process on the same vault.
    const inProcess = await vault.withVault((services) => {
      const user = services.users.list().find((u) => u.username === 'rita');
      return services.reports.statistics(
        { userId: user?.id ?? 0, role: 'reviewer' },
        { period: '2026Q3' },
      );
    });
    expect(report).toEqual(inProcess);
    // A read changes nothing, not even the audit chain.
    expect(await tables()).toEqual(before);
  });

  it('prints CSV rows and a table with the same figures; an annual table over two years', async () => {
    const csv = await kpdesk([
      '--period',
      '2025-01-01..2026-12-31',
      '--format',
      'csv',
      '--user',
      'ada',
    ]);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.split('\r\n');
    expect(rows).toContain(
      'exports,2025-01-01,2026-12-31,total,all,3,13.57,15110.01,1113.49,100.00,100.00',
    );
    expect(rows).toContain(
      'exports,2025-01-01,2025-12-31,annual_total,all,1,1.00,100.00,100.00,100.00,100.00',
    );

    const table = await kpdesk([
      '--period',
      '2025-01-01..2026-12-31',
      '--top',
      '1',
      '--user',
      'ada',
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('KP statistics, exports, 2025-01-01..2026-12-31');
    expect(table.stdout).toMatch(/Exports \(counted\)\s+3\s+13\.57\s+15110\.01\s+1113\.49/);
    expect(table.stdout).toMatch(/Voided \(apart\)\s+1\s+3\.00\s+300\.00/);
    expect(table.stdout).toContain('Annual table');
    expect(table.stdout).toMatch(/^2025\s+1\s+1\.00\s+100\.00/m);
  });

  it('prints the imports, by date of entry, in the table, the annual table and the CSV', async () => {
    const period = ['--period', '2025-01-01..2026-12-31', '--user', 'ada'];
    const table = await kpdesk(period);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('KP statistics, imports, 2025-01-01..2026-12-31');
    // 205000 / 1050 = 195.238…
    expect(table.stdout).toMatch(/Imports \(received\)\s+2\s+10\.50\s+2050\.00\s+195\.24/);
    const [, annualImports = ''] = table.stdout.split('Annual table, imports');
    expect(annualImports).toMatch(/^2025\s+1\s+0\.50\s+50\.00\s+100\.00\s+100\.00%/m);
    expect(annualImports).toMatch(/^2026\s+1\s+10\.00\s+2000\.00\s+200\.00\s+100\.00%/m);
    // The exports' annual table is still the exports'.
    expect(table.stdout.split('Annual table, imports')[0]).toMatch(/^2025\s+1\s+1\.00\s+100\.00/m);

    const csv = await kpdesk([...period, '--format', 'csv']);
    const rows = csv.stdout.split('\r\n');
    expect(rows).toContain(
      'imports,2025-01-01,2026-12-31,total,all,2,10.50,2050.00,195.24,100.00,100.00',
    );
    expect(rows).toContain(
      'imports,2025-01-01,2025-12-31,annual_total,all,1,0.50,50.00,100.00,100.00,100.00',
    );
    expect(rows).toContain(
      'imports,2026-01-01,2026-12-31,annual_total,all,1,10.00,2000.00,200.00,100.00,100.00',
    );
    const json = JSON.parse(
      (await kpdesk([...period, '--format', 'json'])).stdout,
    ) as StatisticsReport;
    expect(json.annual.map((row) => row.imports?.totals.carats)).toEqual(['0.50', '10.00']);
  });

  it('lists the period’s certificates in the USKPA database’s export layout', async () => {
    const before = await tables();
    const outcome = await kpdesk(['--period', '2026Q3', '--format', 'uskpa-csv', '--user', 'rita']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    // A byte-order mark first, as USKPA's exporter (django-queryset-csv) writes it; CRLF rows.
    expect(outcome.stdout.startsWith('\ufeffnumber,AES,licensee__name,status,')).toBe(true);
    const rows = parse<Record<string, string>>(outcome.stdout, { bom: true, columns: true });
    expect(Object.keys(rows[0] ?? {})).toEqual([...USKPA_CSV_COLUMNS]);
    // Issued in 2026Q3, by number: delivered, issued (USKPA "Prepared") and voided; not 2025's.
    expect(rows.map((row) => [row.number, row.status, row['date of issue']])).toEqual([
      ['US12340', 'Delivered', '07/02/2026'],
      ['US12341', 'Prepared', '09/30/2026'],
      ['US12342', 'Void', '08/01/2026'],
    ]);
    expect(rows[0]).toMatchObject({
      AES: 'X20260702112340',
      licensee__name: 'Hudson Rough Diamond Trading LLC',
      'date of shipment': '07/02/2026',
      'shipped value': '15000.00',
      'carat weight': '12.50',
      harmonized_code__value: '7102.31',
      'date of sale': '',
      port_of_export__name: '',
    });
    expect(rows[0]?.['last modified']).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} UTC$/);
    expect(rows[2]?.notes).toBe('Voided: Printer error');
    expect(rows[2]?.['date voided']).toMatch(/^\d{2}\/\d{2}\/2026$/);
    expect(await tables()).toEqual(before);
    const operator = await kpdesk(['--period', '2026', '--format', 'uskpa-csv', '--user', 'otto']);
    expect(operator.code).toBe(2);
  });

  it('writes a printable PDF with --out, never over an existing file', async () => {
    const out = join(vault.work, 'stats-2026Q3.pdf');
    const outcome = await kpdesk(['--period', '2026Q3', '--out', out, '--user', 'rita']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(`The statistics of 2026Q3 are in ${out} (PDF).`);
    expect(execFileSync('qpdf', ['--check', out], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors found',
    );
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Exports \(counted\)\s+2\s+12\.57\s+15010\.01\s+1194\.11/);
    expect(text).toContain('Hudson Rough Diamond Trading LLC');
    const again = await kpdesk(['--period', '2026Q3', '--out', out, '--user', 'rita']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; it is never overwritten');
  });

  it('refuses an operator, a bad period and a bad --top (exit 2, the field named)', async () => {
    const operator = await kpdesk(['--period', '2026', '--json', '--user', 'otto']);
    expect(operator.code).toBe(2);
    expect(errorOf(operator).code).toBe('FORBIDDEN');
    const badPeriod = await kpdesk(['--period', '2026Q5', '--json', '--user', 'rita']);
    expect(badPeriod.code).toBe(2);
    expect(errorOf(badPeriod)).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { period: expect.stringContaining('quarters Q1 to Q4') as string },
    });
    const noPeriod = await kpdesk(['--json', '--user', 'rita']);
    expect(errorOf(noPeriod)).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { '--period': 'required' },
    });
    const badTop = await kpdesk(['--period', '2026', '--top', '0', '--user', 'rita']);
    expect(badTop.code).toBe(2);
    expect(badTop.stderr).toContain('--top must be a whole number from 1 to 100');
  });
});
