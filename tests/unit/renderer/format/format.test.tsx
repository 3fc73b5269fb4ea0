// @vitest-environment jsdom
// One written form for numbers, amounts, dates and times (issue 16, "formatted three different
// ways"): grouped, exact, and in the locale of the nearest LocaleProvider.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatCarats,
  formatCaratsText,
  formatUsd,
  formatUsdText,
} from '../../../../renderer/src/format/amount-format';
import {
  formatDate,
  formatMoment,
  formatTimeOfDay,
  formatTimestamp,
} from '../../../../renderer/src/format/date-format';
import { LocaleProvider } from '../../../../renderer/src/format/locale-context';
import {
  formatCount,
  formatDecimalText,
  formatFileSize,
  formatHundredths,
} from '../../../../renderer/src/format/number-format';
import { useFormat } from '../../../../renderer/src/format/use-format';

describe('numbers', () => {
  it('groups counts and exact decimals the same way (412,500.00 and 12,500)', () => {
    expect(formatCount(12500)).toBe('12,500');
    expect(formatDecimalText('412500.00', 2)).toBe('412,500.00');
    expect(formatDecimalText('12500', 2)).toBe('12,500.00');
    expect(formatDecimalText('0.5', 2)).toBe('0.50');
    expect(formatDecimalText('-1234.5', 2)).toBe('-1,234.50');
  });

  it('never rounds a cent away, even beyond what a float holds exactly', () => {
    // 2^53 + 1 cents: a float would print ...992 or ...994.
    expect(formatDecimalText('90071992547409.93', 2)).toBe('90,071,992,547,409.93');
    expect(formatHundredths(9007199254740993n)).toBe('90,071,992,547,409.93');
    expect(formatHundredths(1)).toBe('0.01');
    expect(formatHundredths(-250)).toBe('-2.50');
  });

  it('refuses to reformat text that is not a plain decimal, or that has more decimals than shown', () => {
    expect(formatDecimalText('12,500.00', 2)).toBeNull();
    expect(formatDecimalText('1e5', 2)).toBeNull();
    expect(formatDecimalText('12.345', 2)).toBeNull();
    expect(formatDecimalText('', 2)).toBeNull();
  });

  it('follows the locale', () => {
    expect(formatDecimalText('412500.00', 2, 'de-DE')).toBe('412.500,00');
    expect(formatCount(12500, 'fr-FR')).toMatch(/^12\s500$/u);
  });

  it('writes file sizes with one decimal', () => {
    expect(formatFileSize(812)).toBe('812 bytes');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });
});

describe('amounts', () => {
  it('writes carats as "1,234.50 ct" and US dollars as "US$15,000.00"', () => {
    expect(formatCarats(123450)).toBe('1,234.50 ct');
    expect(formatUsd(1500000)).toBe('US$15,000.00');
    expect(formatCarats(null)).toBe('—');
    expect(formatUsd(null)).toBe('—');
  });

  it('formats typed amounts when they are decimals and shows anything else as typed', () => {
    expect(formatCaratsText('12.5')).toBe('12.50 ct');
    expect(formatUsdText('412500.00')).toBe('US$412,500.00');
    expect(formatUsdText('about 400k')).toBe('about 400k');
    expect(formatUsdText('')).toBe('—');
  });
});

describe('dates and times', () => {
  it('writes a calendar date as "Nov 27, 2026" whatever the time zone', () => {
    expect(formatDate('2026-11-27')).toBe('Nov 27, 2026');
    expect(formatDate('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
  });

  it('shows an impossible or unreadable date as typed, and an empty one as a dash', () => {
    expect(formatDate('2026-02-31')).toBe('2026-02-31');
    expect(formatDate('11/27/2026')).toBe('11/27/2026');
    expect(formatDate('')).toBe('—');
    expect(formatDate(null)).toBe('—');
  });

  it('writes every time of day in one clock: 12-hour with AM/PM in en-US, 24-hour in en-GB', () => {
    const afternoon = new Date('2026-11-27T14:30:00Z');
    const night = new Date('2026-11-27T02:05:00Z');
    expect(formatTimeOfDay(afternoon, 'en-US', 'UTC')).toBe('2:30 PM');
    expect(formatTimeOfDay(night, 'en-US', 'UTC')).toBe('2:05 AM');
    expect(formatTimeOfDay(afternoon, 'en-GB', 'UTC')).toBe('14:30');
    expect(formatMoment(afternoon, 'en-US', { timeZone: 'UTC' })).toBe('Nov 27, 2026, 2:30 PM');
  });

  it('writes a stored timestamp in the given zone and names the zone', () => {
    expect(formatTimestamp('2026-11-27T10:00:00.000Z', 'en-US', 'UTC')).toBe(
      'Nov 27, 2026, 10:00 AM UTC',
    );
    expect(formatTimestamp('2026-11-27T14:30:00Z', 'en-US', 'America/New_York')).toBe(
      'Nov 27, 2026, 9:30 AM EST',
    );
    expect(formatTimestamp(null)).toBe('—');
    expect(formatTimestamp('not a time')).toBe('not a time');
  });
});

function Amount() {
  const format = useFormat();
  return (
    <p>
      {format.usd(41250000)} · {format.date('2026-11-27')}
    </p>
  );
}

describe('the locale context', () => {
  afterEach(cleanup);

  it('is en-US without a provider', () => {
    render(<Amount />);
    expect(screen.getByText('US$412,500.00 · Nov 27, 2026')).toBeTruthy();
  });

  it('switches every formatter below a provider', () => {
    render(
      <LocaleProvider locale="de-DE">
        <Amount />
      </LocaleProvider>,
    );
    expect(screen.getByText('US$412.500,00 · 27. Nov. 2026')).toBeTruthy();
  });
});
