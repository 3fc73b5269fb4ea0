// When the Electronic Export Information must be in AES for a rough-diamond export: always
// before departure (predeparture filing, whatever the value, Canada included), by a lead time
// that depends on how the goods leave (15 CFR 30.4(b)(2)-(4); domain.md, "ITN").

export const transportModes = ['air', 'vessel', 'truck', 'rail', 'mail', 'other'] as const;
export type TransportMode = (typeof transportModes)[number];

type ModeRule = { label: string; hours: number; before: string };

export const transportRules: Readonly<Record<TransportMode, ModeRule>> = {
  air: { label: 'Air', hours: 2, before: 'before the flight departs' },
  vessel: { label: 'Sea (vessel)', hours: 24, before: 'before the cargo is loaded on the vessel' },
  truck: { label: 'Truck', hours: 1, before: 'before the truck arrives at the border' },
  rail: { label: 'Rail', hours: 2, before: 'before the train arrives at the border' },
  mail: { label: 'Mail', hours: 2, before: 'before the mail is exported' },
  other: { label: 'Other', hours: 2, before: 'before departure' },
};

export const FILING_SOURCE = '15 CFR 30.4(b) (predeparture filing)';

/** Local date-time of departure from "YYYY-MM-DD" and "HH:MM", or null if either is unusable. */
export function departureTime(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{2}):(\d{2})$/.exec(time.trim());
  if (d === null || t === null) return null;
  const [, y = '', mo = '', da = ''] = d;
  const [, h = '', mi = ''] = t;
  const when = new Date(Number(y), Number(mo) - 1, Number(da), Number(h), Number(mi));
  return Number.isNaN(when.getTime()) || when.getDate() !== Number(da) ? null : when;
}

/** The latest moment the EEI may be filed for this departure. */
export function filingDeadline(mode: TransportMode, departure: Date): Date {
  return new Date(departure.getTime() - transportRules[mode].hours * 3_600_000);
}
