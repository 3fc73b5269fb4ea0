// Periods as a reviewer types them for `kpdesk stats --period` and the Statistics page.
import { describe, expect, it } from 'vitest';
import { parseStatisticsPeriod, yearsOf } from '../../../shared/reports/statistics-period';

const period = (text: string) => {
  const reading = parseStatisticsPeriod(text);
  if (!reading.ok) throw new Error(`refused: ${reading.message}`);
  return reading.period;
};
const refusal = (text: string) => {
  const reading = parseStatisticsPeriod(text);
  if (reading.ok) throw new Error(`accepted: ${JSON.stringify(reading.period)}`);
  return reading;
};

describe('parseStatisticsPeriod', () => {
  it('reads a year as 1 January to 31 December', () => {
    expect(period('2018')).toEqual({
      kind: 'year',
      label: '2018',
      from: '2018-01-01',
      to: '2018-12-31',
    });
  });

  it('reads each quarter with its real last day, leap years included', () => {
    expect(period('2026Q1')).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(period('2026Q2')).toMatchObject({ from: '2026-04-01', to: '2026-06-30' });
    expect(period('2026q3')).toMatchObject({
      label: '2026Q3',
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(period('2026Q4')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(period(' 2024-Q1 ')).toMatchObject({
      kind: 'quarter',
      label: '2024Q1',
      to: '2024-03-31',
    });
  });

  it('reads an inclusive range of calendar dates, one day included', () => {
    expect(period('2026-01-01..2026-06-30')).toEqual({
      kind: 'range',
      label: '2026-01-01..2026-06-30',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(period('2024-02-29..2024-02-29')).toMatchObject({
      from: '2024-02-29',
      to: '2024-02-29',
    });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['18', 'format'],
    ['last year', 'format'],
    ['2026Q5', 'quarter'],
    ['2026Q0', 'quarter'],
    ['1899', 'year'],
    ['0000Q1', 'year'],
    ['2025-02-29..2025-03-01', 'date'],
    ['2026-01-01..2026-13-01', 'date'],
    ['2026-06-30..2026-01-01', 'order'],
    ['2026-01-01..', 'format'],
  ])('refuses "%s" naming the rule %s, with a message that says what to type', (text, rule) => {
    const reading = refusal(text);
    expect(reading.rule).toBe(rule);
    expect(reading.message.length).toBeGreaterThan(10);
  });

  it('lists the calendar years a period touches', () => {
    expect(yearsOf(period('2026Q3'))).toEqual([2026]);
    expect(yearsOf(period('2016-07-01..2018-03-31'))).toEqual([2016, 2017, 2018]);
  });
});
