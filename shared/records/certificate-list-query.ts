// What a certificate list may ask for: filters and a keyset cursor (pages of 50 by default).
import { z } from 'zod';
import { CERTIFICATE_NUMBER, normalizeCertificateNumber } from '../domain/certificate-number';
import { ITN_PATTERN, normalizeItn } from '../domain/itn';

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
    /** What a clerk types in the list's search field: a whole number or ITN, or any part of one or of a name. */
    text: z.string().trim().min(1).max(300).optional(),
    cursor: z
      .object({ dateOfIssue: isoDate.nullable(), id: z.number().int().min(1) })
      .strict()
      .optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export type CertificateListQuery = z.output<typeof CertificateListSchema>;

/**
 * How the list reads its search text: a whole certificate number or ITN is matched exactly (on its
 * index), anything else is looked for anywhere in the number, the ITN and the party names
 * (issue 16: "search by any part of a name, number or ITN, not only the start").
 */
export type ListText =
  | { kind: 'number'; number: string }
  | { kind: 'itn'; itn: string }
  | { kind: 'part'; text: string };

export function readListText(text: string): ListText {
  const number = normalizeCertificateNumber(text);
  if (CERTIFICATE_NUMBER.test(number)) return { kind: 'number', number };
  const itn = normalizeItn(text);
  if (ITN_PATTERN.test(itn)) return { kind: 'itn', itn };
  return { kind: 'part', text: text.trim() };
}
