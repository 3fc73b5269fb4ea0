// Registering purchased USKPA forms: ranges and lists such as "US10000-US10099, US10150".
import { z } from 'zod';

export const RegisterStockSchema = z
  .object({
    numbers: z.string().max(200_000),
    description: z.string().trim().max(500).default(''),
  })
  .strict();

/** stock:voidBlank: a spoiled blank form never drafted; the reason from USKPA's list. */
export const VoidBlankSchema = z
  .object({
    number: z.string().max(40),
    reason: z.string().max(200),
    notes: z.string().trim().max(2000).default(''),
  })
  .strict();
