// The review's exports from a real review: the CSV (parsed back with csv-parse, formula cells
// neutralised, the context on every row) and the printable PDF (qpdf --check, its text read back
// with pdftotext, and a PNG of page 1 for a person to look at).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewReport } from '../../../shared/review/review-report';
import { REVIEW_CSV_COLUMNS, reviewCsv } from '../../../electron/core/review/review-csv';
import { renderReviewPdf } from '../../../electron/core/review/review-pdf';
import { findResourcesDir } from '../../../electron/core/documents/find-resources-dir';
import type { Actor } from '../../../electron/core/issuance/actor';
import { PASSWORD, validDraft } from '../vault/vault-fixture';
import type { ReviewWorld } from './review-world';
import { itnOf, openReviewWorld } from './review-world';

let world: ReviewWorld;
let report: ReviewReport;
let reviewer: Actor;
const out = mkdtempSync(join(tmpdir(), 'kp-review-export-'));

beforeAll(async () => {
  world = await openReviewWorld();
  const { issuance } = world.vault.services;
  // A reviewer's name and a correction reason a spreadsheet would run as formulas.
  const formulaUser = issuance.createUser(world.staff.admin, {
    username: 'eve',
    displayName: '=HYPERLINK("http://example.invalid","Eve")',
    role: 'reviewer',
    password: PASSWORD,
  });
  reviewer = { userId: formulaUser.id, role: 'reviewer' };
  issuance.requestEdit(world.staff.operator, {
    id: world.idOf('US12341'),
    proposed: { ...validDraft('US12341'), itn: itnOf('US12341'), parcels: '3' },
    reason: '@SUM(1+1) three parcels',
  });
  world.vault.services.issuance.ship(world.staff.operator, {
    id: world.idOf('US12341'),
    shipDate: '2026-11-28',
  });
  report = await world.review({ period: '2026Q4' }, {}, reviewer);
}, 120_000);
afterAll(async () => {
  await world.close();
  rmSync(out, { recursive: true, force: true });
});

describe('CSV', () => {
  it('has one row per finding, the context on every row, and no live formula', () => {
    const text = reviewCsv(report);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows: string[][] = parse(text);
    expect(rows[0]).toEqual([...REVIEW_CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + report.findings.length);
    expect(report.findings.map((f) => f.code).sort()).toEqual([
      'CENSUS_EXPORT_COPY_NOT_DELIVERED',
      'CORRECTION_PENDING',
    ]);
    for (const row of rows.slice(1)) {
      expect(row[10]).toBe(`'=HYPERLINK("http://example.invalid","Eve") (eve, reviewer)`);
      expect(row[7]).toBe('Hudson Rough Diamond Trading LLC');
      expect(row[8]).toBe('2026Q4 (2026-10-01..2026-12-31)');
      expect(row[11]).toBe(String(report.auditHead.seq));
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const correction = rows.find((row) => row[1] === 'CORRECTION_PENDING');
    expect(correction?.[0]).toBe('warning');
    expect(correction?.[2]).toBe('US12341');
    expect(correction?.[5]).toMatch(/"@SUM\(1\+1\) three parcels"/);
  });

  it('says "No finding" with the context when there is none', () => {
    const rows: string[][] = parse(reviewCsv({ ...report, findings: [] }));
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(0, 6)).toEqual(['none', '', '', '', '', 'No finding.']);
  });
});

describe('PDF', () => {
  it('passes qpdf --check and prints what was reviewed and every finding', async () => {
    const resourcesDir = findResourcesDir(undefined, import.meta.dirname) ?? '';
    const bytes = await renderReviewPdf(report, { resourcesDir });
    const file = join(out, 'review.pdf');
    writeFileSync(file, bytes);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(
      /No syntax or stream encoding errors found/,
    );
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Hudson Rough Diamond Trading LLC');
    expect(text).toContain('2026Q4 (2026-10-01..2026-12-31)');
    expect(text).toContain(report.ranAt);
    expect(text).toContain('=HYPERLINK("http://example.invalid","Eve") (eve, reviewer)');
    expect(text).toContain(report.auditHead.hash);
    expect(text).toMatch(/Warnings \(2\)/);
    expect(text).toMatch(/US12341 — CORRECTION_PENDING/);
    expect(text).toMatch(/US12341 — CENSUS_EXPORT_COPY_NOT_DELIVERED/);
    expect(text).toMatch(/page 1 of 1\b/);
    // A picture of page 1 for a person to look at (kept only while the test runs).
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(out, 'page')]);
    expect(readFileSync(join(out, 'page-1.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
    if (process.env.KP_KEEP_REVIEW_PDF !== undefined)
      writeFileSync(process.env.KP_KEEP_REVIEW_PDF, bytes);
  });
});
