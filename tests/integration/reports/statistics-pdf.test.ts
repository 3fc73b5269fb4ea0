// The statistics PDF checked by independent tools: qpdf finds the file sound, and pdftotext
// (poppler) reads back the exact figures of the report, the annual table's rows, the HS shares
// and the top partners with "all others".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TradeCell } from '../../../electron/core/reports/read-export-cells';
import { buildStatisticsReport } from '../../../electron/core/reports/statistics-service';
import { statisticsPdf } from '../../../electron/core/reports/statistics-pdf';
import { parseStatisticsPeriod } from '../../../shared/reports/statistics-period';

const dir = mkdtempSync(join(tmpdir(), 'kp-stats-pdf-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cell = (
  state: string,
  hsCode: string,
  partner: string,
  ct: bigint,
  cents: bigint,
): TradeCell => ({
  state,
  hsCode,
  partner,
  certificates: 1n,
  caratHundredths: ct,
  valueCents: cents,
});

describe('statisticsPdf', () => {
  it('is a sound PDF whose text carries the report’s exact figures', async () => {
    const reading = parseStatisticsPeriod('2025-01-01..2026-12-31');
    if (!reading.ok) throw new Error(reading.message);
    // The cells of each year; the whole period has both years'.
    const of2025 = [cell('ISSUED', '7102.31', 'BE', 100n, 10_000n)];
    const of2026 = [
      cell('DELIVERED', '7102.31', 'BE', 1_250n, 1_500_000n),
      cell('SHIPPED', '7102.21', 'AE', 750n, 500_000n),
      cell('ISSUED', '7102.21', 'IN', 1n, 1n),
      cell('VOIDED', '7102.31', 'BE', 300n, 30_000n),
    ];
    const report = buildStatisticsReport(
      (from, to) => [
        ...(from <= '2025-12-31' ? of2025 : []),
        ...(to >= '2026-01-01' ? of2026 : []),
      ],
      reading.period,
      1,
    );
    const bytes = await statisticsPdf(
      report,
      'Hudson Rough Trading LLC',
      new Date('2026-12-07T12:00:00Z'),
    );
    const path = join(dir, 'stats.pdf');
    writeFileSync(path, bytes);
    expect(execFileSync('qpdf', ['--check', path], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors found',
    );
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('KP statistics, exports, 2025-01-01..2026-12-31');
    expect(text).toContain('Hudson Rough Trading LLC');
    expect(text).toMatch(/Exports \(counted\)\s+4\s+21\.01\s+20100\.01\s+956\.69/);
    expect(text).toMatch(/Voided \(apart\)\s+1\s+3\.00\s+300\.00\s+100\.00/);
    expect(text).toMatch(/^\s*2025\s+1\s+1\.00\s+100\.00\s+100\.00/m);
    expect(text).toMatch(/^\s*2026\s+3\s+20\.01\s+20000\.01\s+999\.50/m);
    expect(text).toMatch(
      /2026\s+7102\.21 37\.53 %; 7102\.31 62\.47 %\s+7102\.21 25\.00 %; 7102\.31 75\.00 %/,
    );
    expect(text).toMatch(/All others \(2\)/);
    expect(text).toContain('page 1 of');
    // Rendered by poppler too; the first page is kept for a person to look at.
    execFileSync('pdftoppm', [
      '-r',
      '70',
      '-png',
      '-singlefile',
      '-f',
      '1',
      path,
      'docs/screenshots/statistics-pdf-page1',
    ]);
  });
});

describe('statisticsPdf with imports (issue 15)', () => {
  it('carries the imports by date of entry, by HS code and by exporting Participant', async () => {
    const reading = parseStatisticsPeriod('2026');
    if (!reading.ok) throw new Error(reading.message);
    const report = buildStatisticsReport(
      () => [cell('DELIVERED', '7102.31', 'BE', 1_250n, 1_500_000n)],
      reading.period,
      5,
      () => [
        cell('ISSUED', '7102.10', 'BW', 123_456n, 45_678_900n),
        cell('ISSUED', '7102.31', 'ZA', 10_000n, 2_000_000n),
      ],
    );
    const path = join(dir, 'stats-imports.pdf');
    writeFileSync(path, await statisticsPdf(report, 'Hudson', new Date('2026-12-07T12:00:00Z')));
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('KP statistics, exports and imports, 2026');
    expect(text).toMatch(/Imports\s+2\s+1334\.56\s+476789\.00/);
    expect(text).toContain('Imports by HS code');
    expect(text).toMatch(/7102\.10\s+1\s+1234\.56\s+456789\.00/);
    expect(text).toContain('Imports by partner (the exporting Participant)');
    expect(text).toMatch(/^\s*BW\s+1\s+1234\.56/m);
    expect(text).toMatch(/^\s*ZA\s+1\s+100\.00/m);
    // The imports' annual table, as the US annual report shows it beside the exports'.
    expect(text).toContain('Imports, annual table (by date of entry)');
    expect(text).toMatch(/^\s*2026\s+2\s+1334\.56\s+476789\.00/m);
  });
});
