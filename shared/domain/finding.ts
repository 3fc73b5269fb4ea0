// A finding is what one rule says about one field. The message is for a licensee, not a
// developer; the source names the regulation or guidance the rule comes from, so the user can
// look it up (e.g. "31 CFR 592.307(b)").
import { z } from 'zod';
import { certificateFields } from './certificate-draft';
import { findingCodes } from './finding-codes';

export const severities = ['error', 'warning'] as const;
export type Severity = (typeof severities)[number];

export const FindingSchema = z
  .object({
    code: z.enum(findingCodes),
    field: z.enum(certificateFields),
    severity: z.enum(severities),
    message: z.string(),
    source: z.string(),
  })
  .strict();

export type Finding = z.infer<typeof FindingSchema>;
export type FindingCode = Finding['code'];
