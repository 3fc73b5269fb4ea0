// Property test (issue 14, "Checks"): over random sets of certificates, issued through the real
// issuance service into a real encrypted vault and taken to random end states (voided before and
// after issue, expired, still drafts), the statistics of a random period equal the totals this
// test computes on its own from what it asked for: counts, exact sums, per HS code and partner,
// top N and "all others", and every displayed share and US$/ct rounded half-up.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../../shared/domain/calendar-date';
import type { FlowStatistics, TradeAmounts } from '../../../shared/reports/statistics-report';
import type { Actor } from '../../../electron/core/issuance/actor';
import type { TestVault } from '../vault/vault-fixture';
import { openTestVault, seedVault, validDraft } from '../vault/vault-fixture';

const PARTNERS = {
  BE: 'Schupstraat 21, 2018 Antwerp, Belgium',
  AE: 'Almas Tower, Jumeirah Lakes Towers, Dubai, United Arab Emirates',
  IN: 'Bharat Diamond Bourse, Bandra Kurla Complex, Mumbai 400051, India',
  IL: 'Israel Diamond Exchange, 54 Bezalel Street, Ramat Gan 52521, Israel',
  HK: 'Prince Building, 10 Chater Road, Central, Hong Kong',
  CH: 'Pelikanstrasse 37, 8001 Zurich, Switzerland',
} as const;
type Partner = keyof typeof PARTNERS;
const HS_CODES = ['7102.10', '7102.21', '7102.31'] as const;
const ENDS = [
  'DRAFT',
  'VALIDATED',
  'ISSUED',
  'SHIPPED',
  'DELIVERED',
  'VOIDED_DRAFT',
  'VOIDED_ISSUED',
  'EXPIRED',
] as const;
type End = (typeof ENDS)[number];

type Spec = {
  day: number;
  caratHundredths: number;
  valueCents: number;
  hsCode: string;
  partner: Partner;
  end: End;
};

const FIRST_DAY = parseIsoDate('2025-01-01') ?? 0;
const SPAN_DAYS = 730;

const specArb: fc.Arbitrary<Spec> = fc.record({
  day: fc.integer({ min: 0, max: SPAN_DAYS - 1 }),
  // Parcels are 2 on the fixture, and a parcel weighs at least 0.01 ct (quantity rules).
  caratHundredths: fc.oneof(
    fc.integer({ min: 2, max: 999 }),
    fc.integer({ min: 2, max: 9_999_999 }),
  ),
  valueCents: fc.oneof(
    fc.integer({ min: 1, max: 99_999 }),
    fc.integer({ min: 1, max: 9_999_999_999 }),
  ),
  hsCode: fc.constantFrom(...HS_CODES),
  partner: fc.constantFrom(...(Object.keys(PARTNERS) as Partner[])),
  end: fc.constantFrom(...ENDS),
});

// A period as a reviewer types it, drawn around the certificates' dates.
const periodArb = fc.oneof(
  { arbitrary: fc.constantFrom('2025', '2026'), weight: 3 },
  // A year without certificates: every figure zero, every share and average absent.
  { arbitrary: fc.constant('2024'), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(2025, 2026), fc.integer({ min: 1, max: 4 }))
      .map(([y, q]) => `${String(y)}Q${String(q)}`),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: -20, max: SPAN_DAYS + 20 }), fc.integer({ min: 0, max: 500 }))
      .map(
        ([start, length]) =>
          `${formatIsoDate(FIRST_DAY + start)}..${formatIsoDate(FIRST_DAY + start + length)}`,
      ),
    weight: 3,
  },
);

const money = (n: number): string =>
  `${String(Math.trunc(n / 100))}.${String(n % 100).padStart(2, '0')}`;

let vault: TestVault | undefined;
afterEach(() => {
  vault?.close();
  vault = undefined;
});

const packaging = { description: 'Sealed tamper-evident box', sealNumbers: ['S-1'] };
const warranty = {
  statement:
    'The diamonds herein invoiced have been purchased from legitimate sources not involved in funding conflict.',
  invoiceNumbers: ['INV-1'],
};

/** Writes each certificate through the issuance service, as the app would. */
function writeCertificates(v: TestVault, operator: Actor, specs: readonly Spec[]): void {
  const { issuance } = v.services;
  issuance.registerStock(operator, { numbers: 'US20000-US20099', description: 'Book 2' });
  specs.forEach((spec, index) => {
    const number = `US${String(20_000 + index)}`;
    const issueDate = formatIsoDate(FIRST_DAY + spec.day);
    const itn = `X${issueDate.replaceAll('-', '')}${String(100_000 + index)}`;
    const base = validDraft(number);
    const draft = {
      ...base,
      dateOfIssue: issueDate,
      dateOfExpiry: formatIsoDate(FIRST_DAY + spec.day + 60),
      exportDate: formatIsoDate(FIRST_DAY + spec.day + 1),
      consignee: { name: 'Consignee Ltd', address: PARTNERS[spec.partner] },
      destinationCountry: spec.partner,
      carats: money(spec.caratHundredths),
      valueUsd: money(spec.valueCents),
      hsCodes: [spec.hsCode],
      itn: '',
      aes:
        base.aes === undefined ? undefined : { ...base.aes, licenseValue: money(spec.valueCents) },
    };
    v.clock.now = new Date(`${issueDate}T10:00:00.000Z`);
    const { id } = issuance.createDraft(operator, { number, draft });
    if (spec.end === 'DRAFT') return;
    if (spec.end === 'VOIDED_DRAFT') {
      issuance.void(operator, { id, reason: 'Printer error' });
      return;
    }
    issuance.recordItn(operator, { id, itn });
    if (spec.end === 'VALIDATED') return;
    issuance.issue(operator, { id, attested: true, packaging, warranty });
    if (spec.end === 'VOIDED_ISSUED')
      issuance.void(operator, { id, reason: 'Customer canceled shipment' });
    if (spec.end === 'EXPIRED')
      issuance.expire(operator, { id, today: formatIsoDate(FIRST_DAY + spec.day + 61) });
    if (spec.end === 'SHIPPED' || spec.end === 'DELIVERED') {
      const shipDate = formatIsoDate(FIRST_DAY + spec.day + 1);
      v.clock.now = new Date(`${shipDate}T10:00:00.000Z`); // recorded the day it leaves (rule 8)
      issuance.ship(operator, { id, shipDate });
    }
    if (spec.end === 'DELIVERED') issuance.deliver(operator, { id, importConfirmed: true });
  });
}

type Sums = { n: number; carats: bigint; cents: bigint };
const none = (): Sums => ({ n: 0, carats: 0n, cents: 0n });
const plus = (a: Sums, s: Spec): Sums => ({
  n: a.n + 1,
  carats: a.carats + BigInt(s.caratHundredths),
  cents: a.cents + BigInt(s.valueCents),
});

/** "12.34" → 1234n, read digit by digit (no float). */
const hundredths = (text: string): bigint => BigInt(text.replace('.', ''));

function expectAmounts(actual: TradeAmounts, sums: Sums): void {
  expect(actual.certificates).toBe(sums.n);
  expect(hundredths(actual.carats)).toBe(sums.carats);
  expect(hundredths(actual.valueUsd)).toBe(sums.cents);
  if (sums.carats === 0n) expect(actual.usdPerCarat).toBeNull();
  // Half-up to the cent: (2k-1)·ct ≤ 2·100·cents < (2k+1)·ct, k the shown cents per carat.
  else expectHalfUp(actual.usdPerCarat, sums.cents * 100n, sums.carats);
}

/** shown = round-half-up(numerator / denominator) in hundredths, checked by cross-multiplying. */
function expectHalfUp(shown: string | null, numerator: bigint, denominator: bigint): void {
  expect(shown).not.toBeNull();
  const k = hundredths(shown ?? '');
  expect((2n * k - 1n) * denominator <= 2n * numerator).toBe(true);
  expect(2n * numerator < (2n * k + 1n) * denominator).toBe(true);
}

function expectShares(
  line: { shareOfVolume: string | null; shareOfValue: string | null },
  part: Sums,
  whole: Sums,
): void {
  expectHalfUp(line.shareOfVolume, part.carats * 10_000n, whole.carats);
  expectHalfUp(line.shareOfValue, part.cents * 10_000n, whole.cents);
}

function checkFlow(flow: FlowStatistics, inPeriod: readonly Spec[], top: number): void {
  const counted = inPeriod.filter((s) => ['ISSUED', 'SHIPPED', 'DELIVERED'].includes(s.end));
  const totals = counted.reduce(plus, none());
  expectAmounts(flow.totals, totals);
  // Voided ones count apart, whether voided as a draft or after issue (the form is spent).
  expectAmounts(
    flow.voided,
    inPeriod.filter((s) => s.end.startsWith('VOIDED')).reduce(plus, none()),
  );
  expectAmounts(flow.expired, inPeriod.filter((s) => s.end === 'EXPIRED').reduce(plus, none()));

  const group = (key: (s: Spec) => string): Map<string, Sums> => {
    const map = new Map<string, Sums>();
    for (const s of counted) map.set(key(s), plus(map.get(key(s)) ?? none(), s));
    return map;
  };
  const byHs = group((s) => s.hsCode);
  expect(flow.byHsCode.map((l) => l.hsCode)).toEqual([...byHs.keys()].sort());
  for (const line of flow.byHsCode) {
    const sums = byHs.get(line.hsCode) ?? none();
    expectAmounts(line, sums);
    expectShares(line, sums, totals);
  }
  const byPartner = group((s) => s.partner);
  expect(new Set(flow.byPartner.map((l) => l.country))).toEqual(new Set(byPartner.keys()));
  for (const line of flow.byPartner) expectAmounts(line, byPartner.get(line.country) ?? none());

  for (const [top_, key] of [
    [flow.topByVolume, 'carats'],
    [flow.topByValue, 'cents'],
  ] as const) {
    const amounts = [...byPartner.values()]
      .map((s) => s[key])
      .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    // The top N are the N largest (whichever way ties fall), and the rest sum to "all others".
    expect(top_.partners.map((p) => hundredths(key === 'carats' ? p.carats : p.valueUsd))).toEqual(
      amounts.slice(0, top),
    );
    const shown = new Set(top_.partners.map((p) => p.country));
    const others = counted.filter((s) => !shown.has(s.partner)).reduce(plus, none());
    expect(top_.allOthers.partners).toBe(Math.max(0, byPartner.size - top));
    expectAmounts(top_.allOthers, others);
    if (totals.n > 0) expectShares(top_.allOthers, others, totals);
  }
}

describe('statistics over random certificates in a real vault', () => {
  it('equal the totals computed independently, for any period and top N', () => {
    fc.assert(
      fc.property(
        fc.array(specArb, { minLength: 0, maxLength: 30 }),
        periodArb,
        fc.integer({ min: 1, max: 4 }),
        (specs, periodText, top) => {
          vault?.close();
          vault = openTestVault();
          const staff = seedVault(vault);
          writeCertificates(vault, staff.operator, specs);
          const report = vault.services.reports.statistics(staff.reviewer, {
            period: periodText,
            top,
          });
          const { from, to } = report.period;
          const inPeriod = specs.filter((s) => {
            const date = formatIsoDate(FIRST_DAY + s.day);
            return date >= from && date <= to;
          });
          checkFlow(report.exports, inPeriod, top);
          expect(report.imports).toBeNull();
          // The annual rows partition the period: their sums add up to the period's.
          const sum = (pick: (f: FlowStatistics) => TradeAmounts, field: 'carats' | 'valueUsd') =>
            report.annual.reduce((acc, row) => acc + hundredths(pick(row.exports)[field]), 0n);
          for (const pick of [(f: FlowStatistics) => f.totals, (f: FlowStatistics) => f.voided])
            for (const field of ['carats', 'valueUsd'] as const)
              expect(sum(pick, field)).toBe(hundredths(pick(report.exports)[field]));
          for (const row of report.annual)
            checkFlow(
              row.exports,
              specs.filter((s) => {
                const date = formatIsoDate(FIRST_DAY + s.day);
                return date >= row.from && date <= row.to;
              }),
              top,
            );
        },
      ),
      {
        numRuns: 40,
        // Always also one set with every end state in one quarter (fast-check starts small).
        examples: [
          [
            ENDS.map((end, i) => ({
              day: 100 + i,
              caratHundredths: 1_000 + i * 7,
              valueCents: 500_000 + i * 13,
              hsCode: HS_CODES[i % 3] ?? '7102.10',
              partner: (Object.keys(PARTNERS) as Partner[])[i % 6] ?? 'BE',
              end,
            })),
            '2025Q2',
            2,
          ],
        ],
      },
    );
  });
});
