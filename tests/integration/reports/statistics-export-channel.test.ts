// reports:exportStatistics as the renderer reaches it (dispatchChannel → core handlers → vault
// gateway → a real vault): the role and the period are checked before any save dialog opens, the
// file goes where the dialog chose (the preview host's folder dialogs here), nothing is written
// when the dialog is cancelled, and each format holds the vault's statistics of the period: the
// JSON is the report reports:statistics answers, the CSVs carry the issued fixture's figures, the
// PDF is a PDF whose text (poppler's pdftotext) shows them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatisticsReportSchema } from '../../../shared/reports/statistics-report';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';

type Written = { cancelled: false; path: string; certificates: number };

let h: ChannelHarness;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
  await h.addUser('rita', 'reviewer');
  await h.addUser('otto', 'operator');
  await h.issueFixture();
});
afterEach(() => h.dispose());

describe('reports:exportStatistics', () => {
  it('writes the JSON report reports:statistics gives, where the dialog chose', async () => {
    await h.signInAs('rita');
    const written = await h.value<Written>('reports:exportStatistics', {
      period: '2026Q4',
      top: 3,
      format: 'json',
    });
    expect(written).toMatchObject({ cancelled: false, certificates: 1 });
    expect(h.dialogs.asked.at(-1)).toEqual({
      kind: 'save',
      purpose: 'statistics-json',
      defaultName: 'kpdesk-statistics-2026Q4.json',
    });
    const saved = StatisticsReportSchema.parse(JSON.parse(readFileSync(written.path, 'utf8')));
    expect(saved).toEqual(
      StatisticsReportSchema.parse(
        await h.value('reports:statistics', { period: '2026Q4', top: 3 }),
      ),
    );
    expect(saved.exports.totals).toEqual({
      certificates: 1,
      carats: '12.50',
      valueUsd: '15000.00',
      usdPerCarat: '1200.00',
    });
  });

  it('writes the plain CSV, the USKPA layout and the PDF with the fixture’s figures', async () => {
    await h.signInAs('rita');
    const csv = await h.value<Written>('reports:exportStatistics', {
      period: '2026-10-01..2026-12-31',
      format: 'csv',
    });
    expect(h.dialogs.asked.at(-1)).toMatchObject({
      purpose: 'statistics-csv',
      defaultName: 'kpdesk-statistics-2026-10-01_to_2026-12-31.csv',
    });
    const plain = readFileSync(csv.path, 'utf8');
    expect(plain).toContain('12.50');
    expect(plain).toContain('15000.00');

    const uskpa = await h.value<Written>('reports:exportStatistics', {
      period: '2026',
      format: 'uskpa-csv',
    });
    expect(h.dialogs.asked.at(-1)).toMatchObject({
      purpose: 'statistics-csv',
      defaultName: 'kpdesk-uskpa-certificates-2026.csv',
    });
    expect(readFileSync(uskpa.path, 'utf8')).toMatch(/US12345/);

    const pdf = await h.value<Written>('reports:exportStatistics', {
      period: '2026',
      format: 'pdf',
    });
    expect(h.dialogs.asked.at(-1)).toMatchObject({ purpose: 'statistics-pdf' });
    expect(readFileSync(pdf.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
    expect(text).toContain('2026');
    expect(text).toContain('12.50');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    await h.signInAs('rita');
    h.dialogs.cancelNext();
    expect(await h.value('reports:exportStatistics', { period: '2026', format: 'pdf' })).toEqual({
      cancelled: true,
    });
    const exportsDir = join(h.dialogs.root, 'exports');
    expect(existsSync(exportsDir) ? readdirSync(exportsDir) : []).toEqual([]);
  });

  it('refuses an operator, a bad period and an unknown field before any dialog opens', async () => {
    const asked = h.dialogs.asked.length;
    await h.signInAs('otto');
    expect(await h.code('reports:exportStatistics', { period: '2026', format: 'csv' })).toBe(
      'FORBIDDEN',
    );
    await h.signInAs('rita');
    const bad = await h.call('reports:exportStatistics', { period: '2026Q5', format: 'csv' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { period: expect.any(String) as string } },
    });
    expect(await h.code('reports:exportStatistics', { period: '2026', format: 'xlsx' })).toBe(
      'INVALID_INPUT',
    );
    expect(
      await h.code('reports:exportStatistics', { period: '2026', format: 'csv', path: '/tmp/x' }),
    ).toBe('INVALID_INPUT');
    expect(h.dialogs.asked).toHaveLength(asked);
  });
});
