// What the audit check at unlock found (issue 13, part 6): it reads only the events written since
// the head the last full verification proved, so it says from where to where it checked, and the
// first break it found, named as the full verification names it.
import { z } from 'zod';

const HeadSchema = z
  .object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) })
  .strict();

const VerifiedHeadSchema = z
  .object({
    id: z.number().int(),
    seq: z.number().int().min(0),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    proof: z.literal('full'),
    eventsChecked: z.number().int().min(0),
    /** When the full verification that proved this head was recorded (ISO 8601). */
    verifiedAt: z.string(),
    verifiedBy: z.number().int().nullable(),
  })
  .strict();

const BreakSchema = z
  .object({
    seq: z.number().int().nullable(),
    kind: z.enum(['hash', 'link', 'entity']),
    entityType: z.string().optional(),
    entityId: z.string().optional(),
    record: z.string().optional(),
    message: z.string(),
  })
  .strict();

export const UnlockCheckSchema = z.union([
  z.object({ state: z.literal('unverified'), message: z.string() }).strict(),
  z
    .object({
      state: z.enum(['ok', 'broken']),
      from: VerifiedHeadSchema,
      to: HeadSchema,
      eventsChecked: z.number().int().min(0),
      recordsChecked: z.number().int().min(0),
      firstBreak: BreakSchema.optional(),
    })
    .strict(),
]);
export type UnlockCheckOutput = z.infer<typeof UnlockCheckSchema>;
