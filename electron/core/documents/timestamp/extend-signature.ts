// Raises a freshly signed PAdES B-B document to B-T (a signature-time-stamp from the configured
// TSA) and then B-LT (a DSS with the signer's and the TSA's certificates, and the CRLs their CAs
// publish), so the signature can be validated years after the signing certificate expired (a
// 10-year record, 31 CFR 501.601). Never fails the signing: no TSA set, offline, a TSA that
// refuses or answers wrongly, all leave the document at the level it reached, with the reason.
import { X509Certificate } from 'node:crypto';
import { collectCrls } from './collect-crls';
import { appendDss, uniqueDer } from './append-dss';
import {
  cmsInHole,
  findSignatureHole,
  rewriteHole,
  signatureValueOf,
  withSignatureTimestamp,
} from './embed-signature-timestamp';
import { readCms } from '../verify/read-cms';
import { readTimestampToken } from './read-timestamp-token';
import { requestTimestamp } from './request-timestamp';

export type SignatureLevel = 'B-B' | 'B-T' | 'B-LT';

export type ExtendedSignature = {
  pdf: Buffer;
  level: SignatureLevel;
  /** Plain words for the record: what level was reached and, below B-LT, why not higher. */
  note: string;
  /** The TSA's round trip, when one answered. */
  roundTripMs: number | null;
};

export type ExtendOptions = {
  /** The TSA's http(s) URL; empty or absent: no time-stamp (the document stays B-B). */
  tsaUrl?: string | null;
  timeoutMs?: number;
};

const readable = (ders: readonly Buffer[]): X509Certificate[] =>
  ders.flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return [];
    }
  });

/** The certificates the signature itself carries (the signer's chain). */
function signerCertificates(cmsDer: Buffer): Buffer[] {
  const cms = readCms(cmsDer);
  return typeof cms === 'string' ? [] : cms.certificatesDer;
}

async function extend(signedPdf: Buffer, options: ExtendOptions): Promise<ExtendedSignature> {
  const tsaUrl = options.tsaUrl?.trim() ?? '';
  const stay = (note: string, roundTripMs: number | null = null): ExtendedSignature => ({
    pdf: signedPdf,
    level: 'B-B',
    note,
    roundTripMs,
  });
  if (tsaUrl === '')
    return stay('Signed as PAdES B-B: no time-stamp authority is set in the settings.');
  const hole = findSignatureHole(signedPdf);
  const cms = hole === null ? null : cmsInHole(signedPdf, hole);
  if (hole === null || cms === null)
    return stay('Signed as PAdES B-B: the signature could not be read back.');
  const signatureValue = signatureValueOf(cms);
  // The signer's CRLs are fetched while the TSA answers: B-LT then costs about one round trip.
  const seen = new Set<string>();
  const signerChain = signerCertificates(cms);
  const crlTimeoutMs = options.timeoutMs ?? 5000;
  const signerCrls = collectCrls(readable(signerChain), { timeoutMs: crlTimeoutMs, seen });
  const stamp = await requestTimestamp(tsaUrl, signatureValue, { timeoutMs: options.timeoutMs });
  if (!stamp.ok) return stay(`Signed as PAdES B-B without a time-stamp: ${stamp.reason}`);
  let stamped: Buffer;
  try {
    stamped = rewriteHole(signedPdf, hole, withSignatureTimestamp(cms, stamp.tokenDer));
  } catch (error) {
    return stay(
      `Signed as PAdES B-B: ${error instanceof Error ? error.message : 'the time-stamp could not be added.'}`,
      stamp.roundTripMs,
    );
  }
  const bt: ExtendedSignature = {
    pdf: stamped,
    level: 'B-T',
    note: `Time-stamped ${stamp.genTime.toISOString()} by ${stamp.authority}.`,
    roundTripMs: stamp.roundTripMs,
  };
  try {
    const token = readTimestampToken(stamp.tokenDer);
    const tsaChain = typeof token === 'string' ? [] : token.certificatesDer;
    const certificatesDer = uniqueDer([...signerChain, ...tsaChain]);
    const crlsDer = uniqueDer([
      ...(await signerCrls),
      ...(await collectCrls(readable(certificatesDer), { timeoutMs: crlTimeoutMs, seen })),
    ]);
    return {
      ...bt,
      pdf: appendDss(stamped, { certificatesDer, crlsDer }),
      level: 'B-LT',
      note: `${bt.note} Validation data added: ${String(certificatesDer.length)} certificates, ${String(crlsDer.length)} CRLs.`,
    };
  } catch (error) {
    return {
      ...bt,
      note: `${bt.note} No validation data (B-LT): ${error instanceof Error ? error.message : 'unknown reason'}.`,
    };
  }
}

/** Never throws: whatever goes wrong leaves the B-B document as it was, with the reason. */
export async function extendSignature(
  signedPdf: Buffer,
  options: ExtendOptions,
): Promise<ExtendedSignature> {
  try {
    return await extend(signedPdf, options);
  } catch (error) {
    return {
      pdf: signedPdf,
      level: 'B-B',
      note: `Signed as PAdES B-B: ${error instanceof Error ? error.message : 'the time-stamp could not be added.'}`,
      roundTripMs: null,
    };
  }
}
