// The shapes of the recipients' settings (shared/, run in the core and, later, the UI): an
// https:// URL without credentials, PEM text for the CA, client certificate and key, or the
// manual channel with nothing else; each refusal says what is wrong in a licensee's words.
import { describe, expect, it } from 'vitest';
import { RecipientSettingsSchema } from '../../../shared/records/submission-recipient-settings';

const good = {
  recipient: 'census',
  channel: 'https',
  url: 'https://intake.example.gov/v1/submissions',
  caPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  clientCertPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  clientKeyPem: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n',
};

const firstMessage = (input: unknown): string | undefined => {
  const result = RecipientSettingsSchema.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.message;
};

describe('RecipientSettingsSchema', () => {
  it('accepts an HTTPS recipient and a manual one', () => {
    expect(RecipientSettingsSchema.safeParse(good).success).toBe(true);
    expect(
      RecipientSettingsSchema.safeParse({ recipient: 'uskpa', channel: 'manual' }).success,
    ).toBe(true);
  });

  it('refuses what cannot work, saying why', () => {
    expect(firstMessage({ ...good, url: 'intake.example.gov' })).toMatch(/not a URL/);
    expect(firstMessage({ ...good, url: 'http://intake.example.gov/' })).toMatch(/https:\/\//);
    expect(firstMessage({ ...good, url: 'https://me:pw@intake.example.gov/' })).toMatch(
      /user name or password/,
    );
    expect(firstMessage({ ...good, clientCertPem: undefined })).toMatch(
      /Give the client certificate/,
    );
    expect(firstMessage({ ...good, caPem: 'MIIB' })).toMatch(/PEM file/);
    expect(firstMessage({ ...good, recipient: 'cbp' })).toMatch(/census.*uskpa/);
    expect(RecipientSettingsSchema.safeParse({ ...good, extra: 1 }).success).toBe(false);
    expect(
      RecipientSettingsSchema.safeParse({ recipient: 'uskpa', channel: 'manual', url: good.url })
        .success,
    ).toBe(false);
  });
});
