// The retention guard: nothing younger than the retention period (default ten years,
// 31 CFR 501.601) can be deleted, checked at the exact boundary and across leap days.
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/core/app-failure';
import type { RetainedRecord } from '../../../electron/core/vault/backup/retention-guard';
import {
  DEFAULT_RETENTION_YEARS,
  assertDeletable,
  retentionEndsAt,
} from '../../../electron/core/vault/backup/retention-guard';

function outcome(record: RetainedRecord, now: string, years?: number): string {
  try {
    assertDeletable(record, new Date(now), years);
    return 'deletable';
  } catch (error: unknown) {
    if (error instanceof AppFailure) return error.error.code;
    throw error;
  }
}

const ms = (iso: string, delta: number) => new Date(new Date(iso).getTime() + delta).toISOString();

describe('assertDeletable', () => {
  it('defaults to ten years, the longer of the two legal periods', () => {
    expect(DEFAULT_RETENTION_YEARS).toBe(10);
  });

  it('protects a record until exactly ten years after its creation', () => {
    const record = { createdAt: '2020-03-15T12:30:00.000Z' };
    expect(outcome(record, '2030-03-15T12:29:59.999Z')).toBe('RETENTION_PROTECTED');
    expect(outcome(record, '2030-03-15T12:30:00.000Z')).toBe('deletable');
    expect(outcome(record, '2025-01-01T00:00:00.000Z')).toBe('RETENTION_PROTECTED');
  });

  it('counts a date of issue from the start of that day (UTC)', () => {
    const record = { dateOfIssue: '2016-07-01' };
    expect(outcome(record, ms('2026-07-01T00:00:00.000Z', -1))).toBe('RETENTION_PROTECTED');
    expect(outcome(record, '2026-07-01T00:00:00.000Z')).toBe('deletable');
  });

  it('ends a period that starts on 29 February on 1 March, never on 28 February', () => {
    const record = { dateOfIssue: '2016-02-29' };
    expect(outcome(record, '2026-02-28T23:59:59.999Z')).toBe('RETENTION_PROTECTED');
    expect(outcome(record, '2026-03-01T00:00:00.000Z')).toBe('deletable');
    // Into a leap year the anniversary exists: 29 February 2028 after 12 years.
    expect(retentionEndsAt(new Date('2016-02-29T00:00:00Z'), 12).toISOString()).toBe(
      '2028-02-29T00:00:00.000Z',
    );
  });

  it('counts leap days inside the period as calendar days, not as 365-day years', () => {
    // 2019-03-01 + 10 years spans three leap days; 3650 days later is still protected.
    const record = { createdAt: '2019-03-01T00:00:00.000Z' };
    expect(outcome(record, ms('2019-03-01T00:00:00.000Z', 3650 * 86_400_000))).toBe(
      'RETENTION_PROTECTED',
    );
    expect(outcome(record, '2029-03-01T00:00:00.000Z')).toBe('deletable');
  });

  it('uses the later of the creation date and the date of issue', () => {
    const record = { createdAt: '2015-01-01T00:00:00.000Z', dateOfIssue: '2017-06-30' };
    expect(outcome(record, '2026-01-01T00:00:00.000Z')).toBe('RETENTION_PROTECTED');
    expect(outcome(record, '2027-06-30T00:00:00.000Z')).toBe('deletable');
  });

  it('honours a longer setting and reads time-zone offsets', () => {
    const record = { createdAt: '2010-01-01T00:00:00-05:00' };
    expect(outcome(record, '2025-01-01T04:59:59.999Z', 15)).toBe('RETENTION_PROTECTED');
    expect(outcome(record, '2025-01-01T05:00:00.000Z', 15)).toBe('deletable');
  });

  it('refuses a setting shorter than five years (15 CFR 30.10) or not whole', () => {
    const record = { createdAt: '1990-01-01T00:00:00.000Z' };
    expect(outcome(record, '2026-01-01T00:00:00.000Z', 4)).toBe('INVALID_INPUT');
    expect(outcome(record, '2026-01-01T00:00:00.000Z', 7.5)).toBe('INVALID_INPUT');
    expect(outcome(record, '2026-01-01T00:00:00.000Z', 5)).toBe('deletable');
  });

  it('keeps a record whose date is missing or unreadable', () => {
    const now = '2099-01-01T00:00:00.000Z';
    expect(outcome({}, now)).toBe('RETENTION_PROTECTED');
    expect(outcome({ createdAt: null, dateOfIssue: '' }, now)).toBe('RETENTION_PROTECTED');
    expect(outcome({ dateOfIssue: '2023-02-30' }, now)).toBe('RETENTION_PROTECTED');
    expect(outcome({ createdAt: '2001-01-01T00:00:00' }, now)).toBe('RETENTION_PROTECTED');
    expect(outcome({ createdAt: 'yesterday' }, now)).toBe('RETENTION_PROTECTED');
    expect(outcome({ createdAt: '2001-01-01T00:00:00Z', dateOfIssue: 'soon' }, now)).toBe(
      'RETENTION_PROTECTED',
    );
  });

  it('says until when the record is kept', () => {
    try {
      assertDeletable({ dateOfIssue: '2024-05-02' }, new Date('2026-01-01T00:00:00Z'));
      expect.unreachable();
    } catch (error: unknown) {
      expect(error).toBeInstanceOf(AppFailure);
      expect((error as AppFailure).message).toContain('until 2034-05-02');
      expect((error as AppFailure).message).toContain('10 years');
    }
  });
});
