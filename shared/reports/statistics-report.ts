// The statistics report as it leaves the core (IPC, the preview bridge, `kpdesk stats --format
// json`): every amount an exact decimal string ("1234.50"), never a float; shares and US$ per
// carat rounded half-up to two decimals for display only (exact-ratio.ts). The shape follows
// what KP Participants report (KPCS Annex III; the KP statistics guidelines) and the US annual
// report to the KP: KPC count, volume in carats, value in US$, US$/ct, shares of each HS code by
// volume and by value, top partners by volume and by value.
import { z } from 'zod';

const decimal = z.string().regex(/^\d+\.\d{2}$/);
const percent = decimal.nullable();

export const StatisticsPeriodSchema = z
  .object({
    kind: z.enum(['year', 'quarter', 'range']),
    label: z.string(),
    from: z.string(),
    to: z.string(),
  })
  .strict();

export const TradeAmountsSchema = z
  .object({
    certificates: z.number().int().min(0),
    carats: decimal,
    valueUsd: decimal,
    /** null when no carats were traded (no average to show). */
    usdPerCarat: decimal.nullable(),
  })
  .strict();

const shares = { shareOfVolume: percent, shareOfValue: percent };

export const HsCodeLineSchema = TradeAmountsSchema.extend({ hsCode: z.string(), ...shares });
export const PartnerLineSchema = TradeAmountsSchema.extend({ country: z.string(), ...shares });
export const AllOthersSchema = TradeAmountsSchema.extend({
  partners: z.number().int().min(0),
  ...shares,
});

export const TopPartnersSchema = z
  .object({ partners: z.array(PartnerLineSchema), allOthers: AllOthersSchema })
  .strict();

export const FlowStatisticsSchema = z
  .object({
    flow: z.enum(['exports', 'imports']),
    /** Certificates counted in the totals (issued, shipped, delivered). */
    totals: TradeAmountsSchema,
    /** Counted apart, never in the totals: voided and expired certificates of the period. */
    voided: TradeAmountsSchema,
    expired: TradeAmountsSchema,
    byHsCode: z.array(HsCodeLineSchema),
    /** Every partner country, largest volume first. */
    byPartner: z.array(PartnerLineSchema),
    topByVolume: TopPartnersSchema,
    topByValue: TopPartnersSchema,
  })
  .strict();

export const AnnualRowSchema = z
  .object({
    year: z.number().int(),
    /** The part of the year inside the period (a whole year unless the period cuts it). */
    from: z.string(),
    to: z.string(),
    complete: z.boolean(),
    exports: FlowStatisticsSchema,
    /** The year's imports (incoming certificates by date of entry); null as in the report. */
    imports: FlowStatisticsSchema.nullable(),
  })
  .strict();

export const StatisticsReportSchema = z
  .object({
    period: StatisticsPeriodSchema,
    /** Which date puts a certificate in the period, and which states count: docs/statistics.md. */
    basis: z
      .object({
        date: z.literal('dateOfIssue'),
        counted: z.array(z.string()),
        apart: z.array(z.string()),
      })
      .strict(),
    top: z.number().int().min(1),
    exports: FlowStatisticsSchema,
    /** Incoming certificates are not recorded yet: null until they are (then the same shape). */
    imports: FlowStatisticsSchema.nullable(),
    /** One row per calendar year the period touches: the US annual report's table. */
    annual: z.array(AnnualRowSchema),
  })
  .strict();

export type StatisticsReport = z.output<typeof StatisticsReportSchema>;
export type FlowStatistics = z.output<typeof FlowStatisticsSchema>;
export type TradeAmounts = z.output<typeof TradeAmountsSchema>;
export type AnnualRow = z.output<typeof AnnualRowSchema>;

export const DEFAULT_TOP_PARTNERS = 5;
export const MAX_TOP_PARTNERS = 100;

export const StatisticsRequestSchema = z
  .object({
    period: z.string().trim().min(1).max(40),
    top: z.number().int().min(1).max(MAX_TOP_PARTNERS).default(DEFAULT_TOP_PARTNERS),
  })
  .strict();
