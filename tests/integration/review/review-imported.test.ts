// Imported records (issue 15, `kpdesk import-records`) in the full review: they are reviewed like
// any other record (counted, their lifecycle checked), and each is named IMPORTED_RECORD, "not
// signed by KP Desk", instead of being reported for a signed PDF, a Census copy or a USKPA report
// that were made outside KP Desk. The clean world's own certificates still yield nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRecords } from '../../../electron/core/record-import/import-records';
import { bulkCsv, historicalRows } from '../record-import/historical-rows';
import type { ReviewWorld } from './review-world';
import { openReviewWorld } from './review-world';

let world: ReviewWorld;
beforeEach(async () => {
  world = await openReviewWorld();
}, 120_000);
afterEach(async () => {
  await world.close();
});

describe('the review of imported records', () => {
  it('names each imported record as such and reports no missing PDF, Census copy or USKPA report', async () => {
    const { vault, staff } = world;
    const rows = historicalRows(6);
    const summary = importRecords({
      db: vault.db,
      services: vault.services,
      actor: staff.admin,
      now: () => vault.clock.now,
      file: { bytes: Buffer.from(bulkCsv(rows)), name: 'paper-2016.csv' },
      allOrNothing: false,
      onOutcome: () => undefined,
    });
    expect(summary.imported).toBe(6);
    const report = await world.review();
    expect(report.checked).toMatchObject({ certificates: 9, documents: 4 });
    const imported = report.findings.filter((f) => f.code === 'IMPORTED_RECORD');
    expect(imported.map((f) => f.certificateNumber).sort()).toEqual(rows.map((r) => r.number));
    expect(imported.every((f) => f.severity === 'info')).toBe(true);
    expect(imported.find((f) => f.certificateNumber === rows[3]?.number)?.message).toBe(
      `Certificate ${rows[3]?.number ?? ''} (voided) is an imported record, not signed by KP Desk: it came from paper-2016.csv, row 4. Its paper certificate, its copies to Census and its report to USKPA were made outside KP Desk and are not checked here; keep the paper copy for the retention period.`,
    );
    // What the review still asks of them: the issued one and the expired one were never voided
    // (31 CFR 592.307(e)). Nothing else: no document, Census, USKPA or stock-gap finding.
    const others = report.findings.filter((f) => f.code !== 'IMPORTED_RECORD');
    expect(others.map((f) => [f.code, f.certificateNumber])).toEqual([
      ['EXPIRED_NOT_VOIDED', rows[4]?.number],
      ['EXPIRED_NOT_VOIDED', rows[5]?.number],
    ]);
    expect(report.counts).toEqual({ error: 0, warning: 2, info: 6 });
  });
});
