// What a certificate list may ask for: filters and a keyset cursor (pages of 50 by default).
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');

export const CertificateListSchema = z
  .object({
    state: z
      .enum(['DRAFT', 'VALIDATED', 'ISSUED', 'SHIPPED', 'DELIVERED', 'VOIDED', 'EXPIRED'])
      .optional(),
    issuedFrom: isoDate.optional(),
    issuedTo: isoDate.optional(),
    destination: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    hsCode: z.string().trim().max(20).optional(),
    partyPrefix: z.string().trim().min(1).max(300).optional(),
    cursor: z
      .object({ dateOfIssue: isoDate.nullable(), id: z.number().int().min(1) })
      .strict()
      .optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export type CertificateListQuery = z.output<typeof CertificateListSchema>;
