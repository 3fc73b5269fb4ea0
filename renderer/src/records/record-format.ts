// How a stored certificate's values read on screen. Carats and US$ are stored as integer
// hundredths and cents (shared/domain/decimal.ts), so they are shown exactly, never via floats
// that could round a cent away.
import type { z } from 'zod';
import type { CertificateSummarySchema } from '../../../shared/records/record-outputs';
import { countryName } from '../../../shared/reference/reference-data';

export type CertificateSummary = z.output<typeof CertificateSummarySchema>;
export type StoredState = CertificateSummary['state'];

export const storedStates: readonly StoredState[] = [
  'DRAFT',
  'VALIDATED',
  'ISSUED',
  'SHIPPED',
  'DELIVERED',
  'VOIDED',
  'EXPIRED',
];

const stateLabels: Record<StoredState, string> = {
  DRAFT: 'Draft',
  VALIDATED: 'Validated (ITN recorded)',
  ISSUED: 'Issued',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  VOIDED: 'Voided',
  EXPIRED: 'Expired',
};

export function stateLabel(state: StoredState): string {
  return stateLabels[state];
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function hundredthsText(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${groupThousands(String(whole))}.${cents}`;
}

/** "1,234.50 ct", or an em dash while the draft has no readable weight. */
export function formatCarats(hundredths: number | null): string {
  return hundredths === null ? '—' : `${hundredthsText(hundredths)} ct`;
}

/** "US$15,000.00", or an em dash. */
export function formatUsd(cents: number | null): string {
  return cents === null ? '—' : `US$${hundredthsText(cents)}`;
}

/** "Belgium (BE)"; an unknown or empty code is shown as typed. */
export function formatCountry(iso2: string): string {
  if (iso2 === '') return '—';
  const name = countryName(iso2);
  return name === undefined ? iso2 : `${name} (${iso2})`;
}

/** A stored timestamp (ISO 8601, UTC) as "2026-11-27 10:00 UTC". */
export function formatTimestamp(iso: string | null): string {
  if (iso === null || iso === '') return '—';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match === null ? iso : `${match[1] ?? ''} ${match[2] ?? ''} UTC`;
}

export function orDash(text: string | null | undefined): string {
  return text === null || text === undefined || text.trim() === '' ? '—' : text;
}
