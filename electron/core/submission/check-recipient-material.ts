// Refuses HTTPS recipient settings that could not work or would be unsafe, before anything is
// saved or sent: the pinned CA must be a readable CA certificate valid today (an expired or
// wrong file would make every delivery fail, or trust the wrong party); the client certificate
// must be valid today and the key must be its own (mutual TLS). Each refusal names the field.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { AppFailure } from '../app-failure';
import type { HttpsRecipientSettings } from '../../../shared/records/submission-recipient-settings';

const refuse = (field: string, message: string): never => {
  throw new AppFailure('RECIPIENT_SETTINGS_INVALID', message, { [field]: message });
};

const day = (text: string): string => new Date(text).toISOString().slice(0, 10);

function readCertificate(pem: string, field: string, what: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    return refuse(field, `The ${what} cannot be read as an X.509 certificate.`);
  }
}

function checkDates(cert: X509Certificate, field: string, what: string, now: Date): void {
  if (now.getTime() > Date.parse(cert.validTo))
    refuse(field, `The ${what} expired on ${day(cert.validTo)}; ask for a current one.`);
  if (now.getTime() < Date.parse(cert.validFrom))
    refuse(field, `The ${what} is not valid before ${day(cert.validFrom)}.`);
}

/** A pinned CA (HTTPS recipient or mail server): readable, a CA, valid today. */
export function checkPinnedCa(pem: string, what: string, now: Date): void {
  const ca = readCertificate(pem, 'caPem', what);
  if (!ca.ca)
    refuse(
      'caPem',
      `The file given as the ${what} is not a certification authority (it is "${ca.subject.replace(/\n/g, ', ')}"); give the CA that issued the server's certificate.`,
    );
  checkDates(ca, 'caPem', what, now);
}

export function checkRecipientMaterial(settings: HttpsRecipientSettings, now: Date): void {
  checkPinnedCa(settings.caPem, "recipient's CA certificate", now);
  const client = readCertificate(settings.clientCertPem, 'clientCertPem', 'client certificate');
  checkDates(client, 'clientCertPem', 'client certificate', now);
  let key: KeyObject;
  try {
    key = createPrivateKey(settings.clientKeyPem);
  } catch {
    return refuse('clientKeyPem', 'The client private key cannot be read (PEM, not encrypted).');
  }
  if (!client.checkPrivateKey(key))
    refuse('clientKeyPem', 'The client private key does not belong to the client certificate.');
}
