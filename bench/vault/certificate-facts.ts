// What certificate i of the benchmark vault is: its number, parties, goods, dates, ITN and how
// far its life went. Pure and seeded by i, so the measuring process can name a real number or
// ITN without reading the vault. Ten years of trade: certificate i starts at an even step
// through 2016-01-04 … 2025-12-31, numbers are used in order, as forms are.
import type { CertificateDraft } from '../../shared/domain/certificate-draft';
import type { StoredState } from '../../electron/core/vault/repositories/certificate-row';
import type { PartyPool } from './party-pool';
import type { Random } from './random';
import { pickSkewed, pickWeighted, randomFor } from './random';

export const FIRST_NUMBER = 100_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const START_MS = Date.UTC(2016, 0, 4, 9, 0, 0);
const SPAN_MS = Date.UTC(2025, 11, 31, 17, 0, 0) - START_MS;

export type CertificateFacts = {
  index: number;
  number: string;
  createdAt: number;
  finalState: StoredState;
  /** The state a voided certificate was in when it was voided. */
  voidedFrom: StoredState | null;
  /** The draft as last saved; its ITN is '' while the certificate is a draft. */
  draft: CertificateDraft;
};

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function numberOf(index: number): string {
  return `US${String(FIRST_NUMBER + index)}`;
}

/** "X" + the filing date + 6 digits; a bijection of i mod 10^6, so no two certificates share one. */
export function itnOf(index: number, createdAt: number): string {
  const digits = (index * 7_919 + 12_345) % 1_000_000;
  return `X${isoDate(createdAt).replaceAll('-', '')}${String(digits).padStart(6, '0')}`;
}

export function createdAtOf(index: number, total: number): number {
  return START_MS + Math.floor((index * SPAN_MS) / total);
}

/** The newest certificates are still in progress; older ones ended delivered, voided or expired. */
function finalStateOf(random: Random, index: number, total: number): StoredState {
  const fromEnd = total - index;
  if (fromEnd <= total * 0.003)
    return pickWeighted<StoredState>(random, [
      ['DRAFT', 35],
      ['VALIDATED', 25],
      ['ISSUED', 30],
      ['VOIDED', 10],
    ]);
  if (fromEnd <= total * 0.015)
    return pickWeighted<StoredState>(random, [
      ['ISSUED', 10],
      ['SHIPPED', 80],
      ['VOIDED', 10],
    ]);
  return pickWeighted<StoredState>(random, [
    ['DELIVERED', 84],
    ['SHIPPED', 6],
    ['VOIDED', 6],
    ['EXPIRED', 4],
  ]);
}

const ORIGINS: readonly (readonly [string, number])[] = [
  ['****', 40],
  ['BW', 15],
  ['ZA', 10],
  ['RU', 8],
  ['CA', 8],
  ['AO', 6],
  ['NA', 5],
  ['CD', 4],
  ['SL', 2],
  ['AU', 2],
];
const HS_CODES: readonly (readonly [string, number])[] = [
  ['7102.10', 10],
  ['7102.21', 60],
  ['7102.31', 30],
];

const money = (hundredths: number): string =>
  `${String(Math.floor(hundredths / 100))}.${String(hundredths % 100).padStart(2, '0')}`;

export function factsOf(index: number, total: number, pool: PartyPool): CertificateFacts {
  const random = randomFor(1, index);
  const createdAt = createdAtOf(index, total);
  const finalState = finalStateOf(random, index, total);
  const voidedFrom =
    finalState === 'VOIDED'
      ? pickWeighted<StoredState>(random, [
          ['DRAFT', 40],
          ['VALIDATED', 30],
          ['ISSUED', 20],
          ['SHIPPED', 10],
        ])
      : null;
  const number = numberOf(index);
  const exporter = pickSkewed(random, pool.exporters);
  const consignee = pickSkewed(random, pool.consignees);
  const caratHundredths = 50 + Math.floor(random() * 500_000);
  const valueCents = Math.floor((caratHundredths * (5_000 + Math.floor(random() * 500_000))) / 100);
  const hasItn = finalState !== 'DRAFT' && voidedFrom !== 'DRAFT';
  const dateOfIssue = isoDate(createdAt);
  const draft: CertificateDraft = {
    number,
    countryOfOrigin: pickWeighted(random, ORIGINS),
    dateOfIssue,
    dateOfExpiry: isoDate(createdAt + 60 * DAY_MS),
    exportDate: isoDate(createdAt + DAY_MS),
    exporter: { name: exporter.name, address: exporter.address },
    consignee: { name: consignee.name, address: consignee.address },
    destinationCountry: consignee.country,
    carats: money(caratHundredths),
    valueUsd: money(valueCents),
    parcels: String(1 + Math.floor(random() * 12)),
    hsCodes: [pickWeighted(random, HS_CODES)],
    itn: hasItn ? itnOf(index, createdAt) : '',
    aes: {
      licenseType: 'T12',
      licenseNumber: number.slice(2),
      licenseValue: money(valueCents),
      fromForeignTradeZone: false,
      ftzNumber: '',
    },
  };
  return { index, number, createdAt, finalState, voidedFrom, draft };
}
