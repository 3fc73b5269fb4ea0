// Where KP Desk sends the copies and reports the regulations ask for (issue 12): per recipient
// (Census: 31 CFR 592.301(a)(1)(iv)-(v), 15 CFR 30.7(c); USKPA: its licence terms), either the
// HTTPS channel of docs/submission-api.md or the manual one (fax, Census's secure file transfer).
// These are the shapes only; the core also checks the certificates themselves (dates, CA, key).
import { z } from 'zod';

export const submissionRecipients = ['census', 'uskpa'] as const;
export const SubmissionRecipientSchema = z.enum(submissionRecipients, {
  error: 'The recipient is "census" or "uskpa".',
});
export type SubmissionRecipient = z.infer<typeof SubmissionRecipientSchema>;

const pem = (label: string, what: string) =>
  z.string({ error: `Give the ${what}.` }).refine((text) => text.includes(`-----BEGIN ${label}`), {
    error: `The ${what} must be a PEM file (it starts with "-----BEGIN ${label}").`,
  });

const httpsUrl = z
  .url({ error: 'The address is not a URL; it looks like https://host/path.' })
  .refine((text) => /^https:\/\//i.test(text), {
    error: 'The address must start with https:// (copies never travel unencrypted).',
  })
  .refine((text) => !/^https:\/\/[^/?#]*@/i.test(text), {
    error:
      'The address must not contain a user name or password; the client certificate identifies you.',
  });

export const HttpsRecipientSettingsSchema = z
  .object({
    recipient: SubmissionRecipientSchema,
    channel: z.literal('https'),
    url: httpsUrl,
    caPem: pem('CERTIFICATE', "recipient's CA certificate"),
    clientCertPem: pem('CERTIFICATE', 'client certificate'),
    clientKeyPem: pem('', 'client private key'),
  })
  .strict();

export const ManualRecipientSettingsSchema = z
  .object({ recipient: SubmissionRecipientSchema, channel: z.literal('manual') })
  .strict();

export const RecipientSettingsSchema = z.discriminatedUnion('channel', [
  HttpsRecipientSettingsSchema,
  ManualRecipientSettingsSchema,
]);
export type RecipientSettings = z.infer<typeof RecipientSettingsSchema>;
export type HttpsRecipientSettings = z.infer<typeof HttpsRecipientSettingsSchema>;
