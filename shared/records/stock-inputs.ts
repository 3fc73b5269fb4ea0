// Registering purchased USKPA forms: ranges and lists such as "US10000-US10099, US10150".
import { z } from 'zod';
import { personText } from './person-text';

export const RegisterStockSchema = z
  .object({
    numbers: z.string().max(200_000),
    description: personText('line', 'description of the forms').trim().max(500).default(''),
  })
  .strict();

/** stock:voidBlank: a spoiled blank form never drafted; the reason from USKPA's list. */
export const VoidBlankSchema = z
  .object({
    number: z.string().max(40),
    reason: z.string().max(200),
    notes: personText('lines', 'notes').trim().max(2000).default(''),
  })
  .strict();
