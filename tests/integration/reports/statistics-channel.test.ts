// reports:statistics as the renderer reaches it (dispatchChannel → core handlers → vault gateway
// → a real vault): the signed-in user's role decides, the input is parsed strictly, and the
// answer parses with the contract's output schema.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatisticsReportSchema } from '../../../shared/reports/statistics-report';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';

let h: ChannelHarness;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
  await h.addUser('rita', 'reviewer');
  await h.addUser('otto', 'operator');
  await h.issueFixture();
});
afterEach(() => h.dispose());

describe('reports:statistics', () => {
  it('answers a reviewer with the period of the issued fixture, in the contract shape', async () => {
    await h.signInAs('rita');
    const report = StatisticsReportSchema.parse(
      await h.value('reports:statistics', { period: '2026Q4', top: 3 }),
    );
    expect(report.exports.totals).toEqual({
      certificates: 1,
      carats: '12.50',
      valueUsd: '15000.00',
      usdPerCarat: '1200.00',
    });
    expect(report.top).toBe(3);
  });

  it('refuses an operator, a bad period and an unknown field', async () => {
    await h.signInAs('otto');
    expect(await h.code('reports:statistics', { period: '2026' })).toBe('FORBIDDEN');
    await h.signInAs('rita');
    const bad = await h.call('reports:statistics', { period: '2026-02-30..2026-03-01' });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: {
          period: expect.stringContaining('"2026-02-30" is not a calendar date') as string,
        },
      },
    });
    expect(await h.code('reports:statistics', { period: '2026', extra: 1 })).toBe('INVALID_INPUT');
  });
});
