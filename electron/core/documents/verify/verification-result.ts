// What the verifier reports about a PDF: each question answered on its own, with "not
// established" wherever the verifier cannot know (revocation while offline, a check it could not
// reach). Plain data, so the reviewer mode (over IPC) and `kpdesk verify --json` show it as is.
import type { SealMismatch, SealPayload } from '../seal/seal-payload';

export type Established<T extends string> = T | 'not established';

export type VerificationResult = {
  /** One word for the whole: "valid" only when every established check passed. */
  overall: 'valid' | 'invalid' | 'incomplete' | 'rejected';
  /** Set when the file was refused before any check (empty, too large, not a PDF, time limit). */
  rejected: { reason: 'empty' | 'too large' | 'not a PDF' | 'time limit'; message: string } | null;
  /** The file's own structure: header, trailer and cross-reference offset of the last revision. */
  structure: { status: 'ok' | 'damaged'; message: string };
  integrity: {
    status: Established<'valid' | 'invalid'>;
    message: string;
    signatureCount: number;
    byteRange: readonly [number, number, number, number] | null;
    subFilter: string | null;
  };
  /** Bytes after the signed revision (an incremental update, or anything appended). */
  modifiedAfterSigning: { status: Established<'yes' | 'no'>; appendedBytes: number };
  signer: {
    status: Established<'identified'>;
    subject: string | null;
    issuer: string | null;
    serialNumber: string | null;
    fingerprintSha256: string | null;
    validFrom: string | null;
    validTo: string | null;
    /** The /M time the signer claims (no timestamp authority vouches for it at B-B). */
    signingTime: string | null;
    validAtSigningTime: Established<'yes' | 'no'>;
    selfSigned: boolean | null;
  };
  chain: { status: Established<'trusted' | 'untrusted'>; message: string; anchor: string | null };
  seal: {
    status: Established<'valid' | 'invalid' | 'absent'>;
    message: string;
    seal: string | null;
    payload: SealPayload | null;
    /** The sealed certificate number against the document's /Subject (the printed number). */
    matchesDocument: Established<'yes' | 'no'>;
  };
  record: {
    status: Established<'match' | 'mismatch'>;
    message: string;
    mismatches: SealMismatch[];
  };
  revocation: { status: 'not established'; message: string };
};
