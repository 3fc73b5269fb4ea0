// Turns a period's cells into the statistics of one flow: totals, the voided and expired counted
// apart, each HS code and each partner with its shares, and the top N partners by volume and by
// value with "all others". Every sum is a BigInt of carat hundredths or cents; the only rounding
// is of the displayed ratios (exact-ratio.ts), so the parts add up to the totals exactly.
import {
  formatHundredthsBig,
  sharePercent,
  usdPerCarat,
} from '../../../shared/reports/exact-ratio';
import type { FlowStatistics, TradeAmounts } from '../../../shared/reports/statistics-report';
import type { TradeCell } from './read-export-cells';
import { classOfState } from './statistics-basis';

type Sums = { certificates: bigint; caratHundredths: bigint; valueCents: bigint };

const zero = (): Sums => ({ certificates: 0n, caratHundredths: 0n, valueCents: 0n });

function add(into: Sums, cell: Sums): void {
  into.certificates += cell.certificates;
  into.caratHundredths += cell.caratHundredths;
  into.valueCents += cell.valueCents;
}

function amounts(sums: Sums): TradeAmounts {
  return {
    certificates: Number(sums.certificates),
    carats: formatHundredthsBig(sums.caratHundredths),
    valueUsd: formatHundredthsBig(sums.valueCents),
    usdPerCarat: usdPerCarat(sums.valueCents, sums.caratHundredths),
  };
}

function shares(part: Sums, whole: Sums) {
  return {
    shareOfVolume: sharePercent(part.caratHundredths, whole.caratHundredths),
    shareOfValue: sharePercent(part.valueCents, whole.valueCents),
  };
}

const compare = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

/** Largest first on the key; ties by the other amount, then by country code, so order is stable. */
function rank(
  partners: Map<string, Sums>,
  key: 'caratHundredths' | 'valueCents',
): [string, Sums][] {
  const other = key === 'caratHundredths' ? 'valueCents' : 'caratHundredths';
  return [...partners].sort(
    ([codeA, a], [codeB, b]) =>
      compare(b[key], a[key]) || compare(b[other], a[other]) || codeA.localeCompare(codeB),
  );
}

function topPartners(ranked: [string, Sums][], top: number, whole: Sums) {
  const others = zero();
  for (const [, sums] of ranked.slice(top)) add(others, sums);
  return {
    partners: ranked
      .slice(0, top)
      .map(([country, sums]) => ({ country, ...amounts(sums), ...shares(sums, whole) })),
    allOthers: {
      partners: Math.max(0, ranked.length - top),
      ...amounts(others),
      ...shares(others, whole),
    },
  };
}

export function summarizeFlow(
  flow: 'exports' | 'imports',
  cells: readonly TradeCell[],
  top: number,
): FlowStatistics {
  const totals = zero();
  const voided = zero();
  const expired = zero();
  const byHsCode = new Map<string, Sums>();
  const byPartner = new Map<string, Sums>();
  for (const cell of cells) {
    const kind = classOfState(cell.state);
    if (kind === 'voided') add(voided, cell);
    else if (kind === 'expired') add(expired, cell);
    else if (kind === 'counted') {
      add(totals, cell);
      const hs = byHsCode.get(cell.hsCode) ?? zero();
      add(hs, cell);
      byHsCode.set(cell.hsCode, hs);
      const partner = byPartner.get(cell.partner) ?? zero();
      add(partner, cell);
      byPartner.set(cell.partner, partner);
    }
  }
  const byVolume = rank(byPartner, 'caratHundredths');
  return {
    flow,
    totals: amounts(totals),
    voided: amounts(voided),
    expired: amounts(expired),
    byHsCode: [...byHsCode]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([hsCode, sums]) => ({ hsCode, ...amounts(sums), ...shares(sums, totals) })),
    byPartner: byVolume.map(([country, sums]) => ({
      country,
      ...amounts(sums),
      ...shares(sums, totals),
    })),
    topByVolume: topPartners(byVolume, top, totals),
    topByValue: topPartners(rank(byPartner, 'valueCents'), top, totals),
  };
}
