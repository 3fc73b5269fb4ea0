// The reference intake server's throw-away PKI (never shipped: preview/ is excluded from the
// packaged app). One test CA, built with node-forge, issues the server's TLS certificate (for
// 127.0.0.1 and localhost), the licensee's client certificate (mutual TLS) and the certificate of
// the key that signs receipts. A second, unrelated "rogue" CA issues a server certificate for the
// same addresses: the wrong-server-certificate fault, which a client pinned to the first CA must
// never trust. Keys come from node:crypto (native, fast); forge only assembles the certificates.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export type PemPair = { certPem: string; keyPem: string };

export type IntakePki = {
  ca: PemPair;
  server: PemPair;
  /** The licensee's client certificate, as an agency would issue it. */
  client: PemPair;
  /** Signs receipts; its certificate travels with each receipt. */
  receiptSigner: PemPair;
  /** An unrelated CA and a server certificate it issued (the wrong-certificate fault). */
  rogueCa: PemPair;
  rogueServer: PemPair;
};

const DAY_MS = 86_400_000;

type Subject = { commonName: string; organization: string };

type IssueOptions = {
  subject: Subject;
  issuer?: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey };
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
  usage: 'ca' | 'server' | 'client' | 'signing';
};

function rsaKeys(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem);
  return {
    privateKey: forgeKey,
    publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e),
  };
}

const attributes = (subject: Subject): forge.pki.CertificateField[] => [
  { name: 'commonName', value: subject.commonName },
  { name: 'organizationName', value: subject.organization },
  { name: 'countryName', value: 'US' },
];

function extensionsFor(options: IssueOptions): object[] {
  switch (options.usage) {
    case 'ca':
      return [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ];
    case 'server':
      return [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        // The client checks the address it dialled against these (RFC 6125).
        {
          name: 'subjectAltName',
          altNames: [
            { type: 7, ip: '127.0.0.1' },
            { type: 2, value: 'localhost' },
          ],
        },
      ];
    case 'client':
      return [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', clientAuth: true },
      ];
    case 'signing':
      return [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      ];
  }
}

function issue(options: IssueOptions): {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
  pem: PemPair;
} {
  const keys = rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  // A positive serial: the first byte's top bit clear (RFC 5280 §4.1.2.2).
  const serial = randomBytes(12);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = options.notBefore;
  cert.validity.notAfter = options.notAfter;
  cert.setSubject(attributes(options.subject));
  const issuer = options.issuer ?? { cert, key: keys.privateKey };
  cert.setIssuer(issuer.cert.subject.attributes);
  cert.setExtensions(extensionsFor(options));
  cert.sign(issuer.key, forge.md.sha256.create());
  return {
    cert,
    key: keys.privateKey,
    pem: {
      certPem: forge.pki.certificateToPem(cert),
      keyPem: forge.pki.privateKeyToPem(keys.privateKey),
    },
  };
}

export type IntakePkiOptions = {
  now?: Date;
  /** Days the leaf certificates stay valid (negative: already expired, for settings tests). */
  leafDays?: number;
  /** Days the CA stays valid (negative: an expired CA, for settings tests). */
  caDays?: number;
};

export function createIntakePki(options: IntakePkiOptions = {}): IntakePki {
  const now = options.now ?? new Date();
  const from = new Date(now.getTime() - 2 * DAY_MS);
  const caUntil = new Date(now.getTime() + (options.caDays ?? 3650) * DAY_MS);
  const leafUntil = new Date(now.getTime() + (options.leafDays ?? 365) * DAY_MS);
  const org = 'KP Desk reference intake (test)';
  const ca = issue({
    subject: { commonName: 'KP Desk Intake Test CA', organization: org },
    notBefore: from,
    notAfter: caUntil,
    usage: 'ca',
  });
  const leaf = (commonName: string, usage: IssueOptions['usage']): PemPair =>
    issue({
      subject: { commonName, organization: org },
      issuer: ca,
      notBefore: from,
      notAfter: leafUntil,
      usage,
    }).pem;
  const rogue = issue({
    subject: { commonName: 'Rogue CA', organization: 'Not the intake' },
    notBefore: from,
    notAfter: caUntil,
    usage: 'ca',
  });
  return {
    ca: ca.pem,
    server: leaf('127.0.0.1', 'server'),
    client: leaf('Test licensee', 'client'),
    receiptSigner: leaf('KP Desk Intake receipts', 'signing'),
    rogueCa: rogue.pem,
    rogueServer: issue({
      subject: { commonName: '127.0.0.1', organization: 'Not the intake' },
      issuer: rogue,
      notBefore: from,
      notAfter: leafUntil,
      usage: 'server',
    }).pem,
  };
}
