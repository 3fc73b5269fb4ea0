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

// Amounts and timestamps are written by renderer/src/format (one locale-aware form everywhere);
// these names stay for the record screens that import them from here.
export { formatCarats, formatUsd } from '../format/amount-format';
export { formatTimestamp } from '../format/date-format';

/** "Belgium (BE)"; an unknown or empty code is shown as typed. */
export function formatCountry(iso2: string): string {
  if (iso2 === '') return '—';
  const name = countryName(iso2);
  return name === undefined ? iso2 : `${name} (${iso2})`;
}

export function orDash(text: string | null | undefined): string {
  return text === null || text === undefined || text.trim() === '' ? '—' : text;
}
