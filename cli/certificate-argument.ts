// The certificate a lifecycle command (void, ship, deliver) acts on, named by its number as
// printed on the form ("US12345"; spaces, dashes and letter case as people type them).
import {
  CERTIFICATE_NUMBER,
  normalizeCertificateNumber,
} from '../shared/domain/certificate-number';
import { usageFailure } from './command-outcome';

export function certificateNumberArgument(command: string, positionals: readonly string[]): string {
  const [typed, ...rest] = positionals;
  if (typed === undefined)
    throw usageFailure(`Name the certificate's number, e.g. kpdesk ${command} US12345.`, {
      number: 'required',
    });
  if (rest.length > 0) throw usageFailure(`Name one certificate number to ${command}.`);
  const number = normalizeCertificateNumber(typed);
  if (!CERTIFICATE_NUMBER.test(number)) {
    const message = `"${typed}" is not a certificate number: "US" and the form's digits, e.g. US12345.`;
    throw usageFailure(message, { number: message });
  }
  return number;
}
