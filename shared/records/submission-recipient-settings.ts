// Where KP Desk sends the copies and reports the regulations ask for (issue 12): per recipient
// (Census: 31 CFR 592.301(a)(1)(iv)-(v), 15 CFR 30.7(c); USKPA: its licence terms), either the
// HTTPS channel of docs/submission-api.md, e-mail over SMTP with STARTTLS, or the manual one (fax,
// Census's secure file transfer).
// These are the shapes only; the core also checks the certificates themselves (dates, CA, key).
import { z } from 'zod';
import { personText, personTextProblem } from './person-text';

export const submissionRecipients = ['census', 'uskpa'] as const;
export const SubmissionRecipientSchema = z.enum(submissionRecipients, {
  error: 'The recipient is "census" or "uskpa".',
});
export type SubmissionRecipient = z.infer<typeof SubmissionRecipientSchema>;

const pem = (label: string, what: string) =>
  z.string({ error: `Give the ${what}.` }).refine((text) => text.includes(`-----BEGIN ${label}`), {
    error: `The ${what} must be a PEM file (it starts with "-----BEGIN ${label}").`,
  });

/**
 * An address typed by a person (issue 13 part 5): a URL parser percent-encodes a control, direction
 * or invisible character in a path but the text stored and shown is the one typed, so such a
 * character is refused by the shared rule, naming it, before the URL is read.
 */
const typedAddress = (text: string, context: z.RefinementCtx): void => {
  const problem = personTextProblem(text, 'name', 'address');
  if (problem !== null) context.addIssue({ code: 'custom', message: problem, continue: false });
};

const httpsUrl = z
  .url({ error: 'The address is not a URL; it looks like https://host/path.' })
  .superRefine(typedAddress)
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

// smtp:// is STARTTLS on 587 (RFC 3207); smtps:// is implicit TLS from the first byte on 465
// (RFC 8314, which recommends it for submission). Either way TLS 1.2 or later, never plain text.
const smtpUrl = z
  .url({ error: 'The mail server is not a URL; it looks like smtp://mail.example.com:587.' })
  .superRefine(typedAddress)
  .refine((text) => /^smtps?:\/\/[^/?#@]+(:\d+)?\/?$/i.test(text), {
    error:
      'The mail server must look like smtp://host[:port] (STARTTLS, 587) or smtps://host[:port] (TLS from the start, 465); no user name, path or options in the address.',
  });

// A mailbox address, deliberately plain (local@domain, no display name, no spaces or angle
// brackets): it goes into the SMTP envelope and the To: header, where anything looser could add
// recipients or headers.
const mailbox = (what: string) =>
  z
    .string({ error: `Give the ${what}.` })
    .max(254, { error: `The ${what} is longer than 254 characters.` })
    .regex(
      /^[A-Za-z0-9.!#$%&'*+/=?^_\x60{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/,
      {
        error: `The ${what} must be one e-mail address like name@agency.gov.`,
      },
    );

/**
 * E-mail: the signed PDF and the certificate's data to one address over SMTP, STARTTLS required
 * (smtp://) or TLS from the first byte (smtps://).
 * `caPem` pins the mail server's CA (else the system's CAs are trusted); the password is kept
 * only here, in the encrypted vault, and never shown or logged.
 */
export const SmtpRecipientSettingsSchema = z
  .object({
    recipient: SubmissionRecipientSchema,
    channel: z.literal('smtp'),
    url: smtpUrl,
    to: mailbox('address the copies are sent to'),
    from: mailbox('sender address').optional(),
    caPem: pem('CERTIFICATE', "mail server's CA certificate").optional(),
    username: personText('name', 'mail user name')
      .min(1, { error: 'The mail user name is empty.' })
      .max(256)
      .optional(),
    password: z.string().min(1, { error: 'The mail password is empty.' }).max(1024).optional(),
  })
  .strict()
  .refine((value) => (value.username === undefined) === (value.password === undefined), {
    error: 'Give both the mail user name and its password, or neither.',
    path: ['password'],
  });

export const RecipientSettingsSchema = z.discriminatedUnion('channel', [
  HttpsRecipientSettingsSchema,
  SmtpRecipientSettingsSchema,
  ManualRecipientSettingsSchema,
]);
export type RecipientSettings = z.infer<typeof RecipientSettingsSchema>;
export type HttpsRecipientSettings = z.infer<typeof HttpsRecipientSettingsSchema>;
export type SmtpRecipientSettings = z.infer<typeof SmtpRecipientSettingsSchema>;
export type SubmissionChannelKind = RecipientSettings['channel'];
