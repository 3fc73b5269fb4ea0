// review:run and review:export as the renderer reaches them (dispatchChannel → core handlers →
// vault gateway → a real vault): the signed-in user's role decides, input is parsed strictly,
// the answer parses with the contract's schema, progress is reported as tasks:progress events,
// and an export goes to the file the save dialog chose (none when cancelled or refused).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaskProgressSchema } from '../../../shared/records/task-progress';
import { ReviewReportSchema } from '../../../shared/review/review-report';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';

let h: ChannelHarness;
const events: unknown[] = [];
beforeEach(async () => {
  events.length = 0;
  h = createChannelHarness({ onProgress: (event) => events.push(event) });
  await h.firstRun();
  await h.addUser('rita', 'reviewer');
  await h.addUser('otto', 'operator');
  await h.issueFixture();
});
afterEach(() => h.dispose());

describe('review:run', () => {
  it('answers a reviewer in the contract shape, with progress through every phase', async () => {
    await h.signInAs('rita');
    const report = ReviewReportSchema.parse(await h.value('review:run', { period: '2026Q4' }));
    expect(report.checked.certificates).toBe(1);
    expect(report.vault.vaultId).toMatch(/\S/);
    // The fixture's USKPA report waits in the outbox (no recipient configured).
    expect(report.findings.map((f) => [f.code, f.certificateNumber])).toEqual([
      ['USKPA_REPORT_NOT_DELIVERED', 'US12345'],
    ]);
    const phases = events.map((event) => TaskProgressSchema.parse(event)).map((e) => e.phase);
    expect(new Set(phases)).toEqual(new Set(['verify', 'documents', 'records']));
    expect(events.every((e) => (e as { operation: string }).operation === 'review')).toBe(true);
  });

  it('refuses an operator, a bad period and an unknown field', async () => {
    await h.signInAs('otto');
    expect(await h.code('review:run', {})).toBe('FORBIDDEN');
    await h.signInAs('rita');
    expect(await h.code('review:run', { period: '2026Q9' })).toBe('INVALID_INPUT');
    expect(await h.code('review:run', { extra: 1 })).toBe('INVALID_INPUT');
  });
});

describe('review:export', () => {
  it('writes the CSV where the dialog chose, and nothing when it is cancelled', async () => {
    await h.signInAs('rita');
    const written = await h.value<{ cancelled: false; path: string; warnings: number }>(
      'review:export',
      { format: 'csv' },
    );
    expect(written).toMatchObject({ cancelled: false, warnings: 1 });
    expect(h.dialogs.asked.at(-1)).toMatchObject({
      kind: 'save',
      purpose: 'review-csv',
      defaultName: 'kpdesk-review-all-2026-11-27.csv',
    });
    expect(readFileSync(written.path, 'utf8')).toMatch(
      /\r\nwarning,USKPA_REPORT_NOT_DELIVERED,US12345,/,
    );
    h.dialogs.cancelNext();
    expect(await h.value('review:export', { format: 'pdf', period: '2026' })).toEqual({
      cancelled: true,
    });
  });

  it('refuses an operator before any dialog opens', async () => {
    await h.signInAs('otto');
    const asked = h.dialogs.asked.length;
    expect(await h.code('review:export', { format: 'csv' })).toBe('FORBIDDEN');
    expect(h.dialogs.asked).toHaveLength(asked);
  });
});
