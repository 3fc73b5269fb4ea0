// The address book: exporters and consignees, searched by name prefix.
import { z } from 'zod';
import { personText } from './person-text';

export const partyKinds = ['exporter', 'consignee'] as const;

export const PartyInputSchema = z
  .object({
    kind: z.enum(partyKinds),
    name: personText('name', 'name').trim().min(1, 'Enter the name.').max(300),
    address: personText('lines', 'address').trim().min(1, 'Enter the address.').max(2000),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'Enter the ISO 3166-1 alpha-2 country code, e.g. BE.'),
  })
  .strict();

export const PartySearchSchema = z
  .object({
    prefix: z.string().max(300),
    kind: z.enum(partyKinds).optional(),
    limit: z.number().int().min(1).max(200).default(20),
  })
  .strict();

export type PartyInput = z.output<typeof PartyInputSchema>;

/** parties:save: a new entry without id, an existing one (replaced whole) with its id. */
export const PartySaveSchema = PartyInputSchema.extend({
  id: z.number().int().min(1).optional(),
}).strict();

/** parties:list: the entries whose name starts with `prefix` (all when empty), by name. */
export const PartyListSchema = z
  .object({
    kind: z.enum(partyKinds).optional(),
    prefix: z.string().max(300).default(''),
    limit: z.number().int().min(1).max(200).default(20),
  })
  .strict();
