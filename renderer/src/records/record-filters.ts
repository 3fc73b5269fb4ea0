// The records filters as the user types them, and the certificates:list query they become. What
// the list channel cannot answer is refused here, at its field, before anything is asked.
import type { CertificateListQuery } from '../../../shared/records/certificate-list-query';
import type { StoredState } from './record-format';

export type RecordFilters = {
  state: StoredState | '';
  issuedFrom: string;
  issuedTo: string;
  destination: string;
  hsCode: string;
  /** A whole certificate number or ITN (matched exactly), or any part of one or of a party's name. */
  text: string;
};

export type FilterField = keyof RecordFilters;

export const noFilters: RecordFilters = {
  state: '',
  issuedFrom: '',
  issuedTo: '',
  destination: '',
  hsCode: '',
  text: '',
};

/** The list query without paging (certificates:list adds the cursor and the page size). */
export type ListFilters = Omit<CertificateListQuery, 'cursor' | 'limit'>;

export type FilterReading =
  | { ok: true; filters: ListFilters; key: string }
  | { ok: false; errors: Partial<Record<FilterField, string>> };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_MAX = 300;

export function readFilters(input: RecordFilters): FilterReading {
  const errors: Partial<Record<FilterField, string>> = {};
  const filters: ListFilters = {};
  if (input.state !== '') filters.state = input.state;
  for (const field of ['issuedFrom', 'issuedTo'] as const) {
    const value = input[field].trim();
    if (value === '') continue;
    if (ISO_DATE.test(value)) filters[field] = value;
    else errors[field] = 'Enter the date as YYYY-MM-DD.';
  }
  if (
    filters.issuedFrom !== undefined &&
    filters.issuedTo !== undefined &&
    filters.issuedTo < filters.issuedFrom
  )
    errors.issuedTo = 'The end of the period is before its start. Swap the two dates.';
  if (input.destination !== '') filters.destination = input.destination;
  if (input.hsCode !== '') filters.hsCode = input.hsCode;
  const text = input.text.trim();
  if (text.length > TEXT_MAX)
    errors.text = `Search with at most ${String(TEXT_MAX)} characters: any part of a number, an ITN or a name.`;
  else if (text !== '') filters.text = text;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, filters, key: JSON.stringify(filters) };
}

export function hasFilters(input: RecordFilters): boolean {
  return Object.values(input).some((value) => value.trim() !== '');
}
