// A real RFC 3161 time-stamp authority on 127.0.0.1 for development and tests (never shipped:
// it lives under preview/). POST application/timestamp-query to /tsa answers a TimeStampResp with
// a token signed by a test TSA certificate (critical id-kp-timeStamping) that a test root CA
// issued; GET /ca.crl serves that CA's CRL. The clock is injectable so tests can time-stamp "in
// the past" or "in the future". Tokens are checked with `openssl ts -verify` in the tests.
import { createHash, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Asn1 } from '../../electron/core/documents/signing/der';
import {
  bytesOf,
  childrenOf,
  fromDer,
  isUniversal,
  oidOf,
  toDer,
  unsignedInteger,
} from '../../electron/core/documents/signing/der';
import {
  derContext,
  derOctets,
  derOid,
  derSequence,
  derSetOf,
  derSmallInteger,
  tlv,
} from '../../electron/core/documents/signing/der-encode';
import { signerCertificate } from '../../electron/core/documents/signing/cms-signed-data';
import { OID } from '../../electron/core/documents/signing/oids';
import type { IssuedCertificate } from './test-pki';
import { testCrl, testRootCa, testTsaCertificate } from './test-pki';

/** A test policy arc (2.999 is the ASN.1 example arc, ITU-T X.660 Annex A). */
export const TEST_TSA_POLICY = '2.999.3161.1';
const MAX_REQUEST_BYTES = 8 * 1024;

export type TestTsa = {
  /** http://127.0.0.1:<port>/tsa */
  url: string;
  crlUrl: string;
  ca: IssuedCertificate;
  tsa: IssuedCertificate;
  /** Tokens issued so far. */
  issued: () => number;
  close: () => Promise<void>;
};

export type TestTsaOptions = {
  now?: () => Date;
  port?: number;
  /** An existing test CA (so signer and TSA share one root); a new one otherwise. */
  ca?: IssuedCertificate;
  /** Only for tests of clients: a TSA certificate whose time-stamping EKU is not critical. */
  nonCriticalUsage?: boolean;
};

const generalizedTime = (date: Date): Buffer =>
  tlv(0x18, Buffer.from(`${date.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`, 'latin1'));

function statusOnly(status: number, failInfoBit: number | null, text: string): Buffer {
  const failInfo =
    failInfoBit === null
      ? []
      : [tlv(0x03, Buffer.from([7 - (failInfoBit % 8), 0x80 >> (failInfoBit % 8)]))];
  const statusText = derSequence(tlv(0x0c, Buffer.from(text, 'utf8')));
  return derSequence(derSequence(derSmallInteger(status), statusText, ...failInfo));
}

type ParsedRequest = {
  imprintDer: Buffer;
  imprintAlgorithm: string | null;
  imprint: Buffer;
  nonceDer: Buffer | null;
  certReq: boolean;
};

function parseRequest(der: Buffer): ParsedRequest | null {
  try {
    const parts = childrenOf(fromDer(der));
    const [version, imprint] = parts;
    if (bytesOf(version)?.toString('hex') !== '01' || imprint === undefined) return null;
    const [algorithm, hashed] = childrenOf(imprint);
    const rest = parts.slice(2);
    const nonce = rest.find((node: Asn1) => isUniversal(node, 2));
    const certReq = rest.find((node: Asn1) => isUniversal(node, 1));
    return {
      imprintDer: toDer(imprint),
      imprintAlgorithm: oidOf(childrenOf(algorithm)[0]),
      imprint: bytesOf(hashed) ?? Buffer.alloc(0),
      nonceDer: nonce === undefined ? null : toDer(nonce),
      certReq: certReq !== undefined && bytesOf(certReq)?.[0] === 0xff,
    };
  } catch {
    return null;
  }
}

const IMPRINT_LENGTHS: Record<string, number> = {
  [OID.sha256]: 32,
  [OID.sha384]: 48,
  [OID.sha512]: 64,
};

export async function startTestTsa(options: TestTsaOptions = {}): Promise<TestTsa> {
  const now = options.now ?? (() => new Date());
  const ca = options.ca ?? testRootCa(now());
  let serial = 0;
  let crlNumber = 0;
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  const tsa = testTsaCertificate(ca, now(), `${base}/ca.crl`, options.nonCriticalUsage !== true);
  const tsaSigner = signerCertificate(tsa.der);
  const essCertIdV2 = derSequence(
    derSequence(
      derSequence(
        derOctets(tsaSigner.sha256),
        derSequence(derSequence(derContext(4, tsaSigner.issuerDer)), tsaSigner.serialNumberDer),
      ),
    ),
  );

  function token(request: ParsedRequest): Buffer {
    serial += 1;
    const tstInfo = derSequence(
      derSmallInteger(1),
      derOid(TEST_TSA_POLICY),
      request.imprintDer,
      toDer(unsignedInteger(Buffer.from([serial >> 16, (serial >> 8) & 0xff, serial & 0xff]))),
      generalizedTime(now()),
      derSequence(tlv(0x02, Buffer.from([1]))), // accuracy: 1 second
      ...(request.nonceDer === null ? [] : [request.nonceDer]),
    );
    const attributes = derSetOf([
      derSequence(derOid(OID.contentType), tlv(0x31, derOid(OID.tstInfo))),
      derSequence(
        derOid(OID.messageDigest),
        tlv(0x31, derOctets(createHash('sha256').update(tstInfo).digest())),
      ),
      derSequence(derOid(OID.signingCertificateV2), tlv(0x31, essCertIdV2)),
    ]);
    const signature = sign('sha256', attributes, tsa.privateKey);
    const signedAttributes = Buffer.from(attributes);
    signedAttributes[0] = 0xa0;
    const sha256 = derSequence(derOid(OID.sha256));
    const signerInfo = derSequence(
      derSmallInteger(1),
      derSequence(tsaSigner.issuerDer, tsaSigner.serialNumberDer),
      sha256,
      signedAttributes,
      derSequence(derOid(OID.ecdsaWithSha256)),
      derOctets(signature),
    );
    const signedData = derSequence(
      derSmallInteger(3), // eContentType is not id-data (RFC 5652 §5.1)
      tlv(0x31, sha256),
      derSequence(derOid(OID.tstInfo), derContext(0, derOctets(tstInfo))),
      ...(request.certReq ? [derContext(0, tsa.der, ca.der)] : []),
      tlv(0x31, signerInfo),
    );
    return derSequence(derOid(OID.signedData), derContext(0, signedData));
  }

  function respond(body: Buffer): Buffer {
    const request = parseRequest(body);
    // PKIFailureInfo bits (RFC 3161 §2.4.2): badAlg 0, badDataFormat 5.
    if (request === null) return statusOnly(2, 5, 'The request is not a TimeStampReq.');
    const length = IMPRINT_LENGTHS[request.imprintAlgorithm ?? ''];
    if (length === undefined || request.imprint.length !== length)
      return statusOnly(2, 0, 'Unsupported hash algorithm.');
    return derSequence(derSequence(derSmallInteger(0)), token(request));
  }

  server.on('request', (req, res) => {
    if (req.method === 'GET' && req.url === '/ca.crl') {
      crlNumber += 1;
      res
        .writeHead(200, { 'content-type': 'application/pkix-crl' })
        .end(testCrl(ca, now(), crlNumber));
      return;
    }
    if (req.method !== 'POST' || req.url !== '/tsa') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const answer =
        req.headers['content-type'] === 'application/timestamp-query'
          ? respond(Buffer.concat(chunks))
          : statusOnly(2, 5, 'Send application/timestamp-query.');
      res
        .writeHead(200, {
          'content-type': 'application/timestamp-reply',
          'content-length': answer.length,
        })
        .end(answer);
    });
  });

  return {
    url: `${base}/tsa`,
    crlUrl: `${base}/ca.crl`,
    ca,
    tsa,
    issued: () => serial,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
