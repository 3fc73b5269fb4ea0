// The licensee's certificate a reviewer chooses to trust when opening a package (PEM or DER, from
// main's open dialog). Only this certificate anchors "signed by X, whose certificate is trusted
// here" (docs/audit-package.md, step 2); never the package's own trust list, which the licensee
// wrote.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppFailure } from '../app-failure';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/;

export function readTrustCertificate(path: string): Buffer {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new AppFailure('NOT_FOUND', `The certificate file ${name} cannot be read.`, {
      trust: 'not readable',
    });
  }
  const pem = PEM_BLOCK.exec(bytes.toString('latin1'));
  const der = pem === null ? bytes : Buffer.from((pem[1] ?? '').replace(/\s+/g, ''), 'base64');
  try {
    return Buffer.from(new X509Certificate(der).raw);
  } catch {
    throw new AppFailure(
      'TRUSTED_CERTIFICATE_INVALID',
      `${name} is not an X.509 certificate (PEM or DER): choose the licensee's signing certificate they gave you.`,
      { trust: 'not a certificate' },
    );
  }
}
