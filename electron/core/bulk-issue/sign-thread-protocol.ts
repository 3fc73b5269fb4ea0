// The messages between a bulk issue and its signing threads (sign-pool.ts, sign-thread.ts).
// Keys travel once, in the thread's workerData (a copy the sender zeroes at once); each job is a
// certificate already checked by every rule, and each answer a signed, sealed PDF whose bytes
// are transferred, not copied.
import type { Certificate } from '../../../shared/domain/certificate';
import type { SignatureLevel } from '../../../shared/ipc/documents-contract';

export type SignThreadSetup = {
  privateKeyPkcs8Der: Uint8Array;
  certificateChainDer: Uint8Array[];
  sealPkcs8Der: Uint8Array;
  signerName: string;
  /** The licensee's legal name; null: each certificate's exporter, as prepareWith does. */
  licenseeName: string | null;
  resourcesDir: string;
  tsaUrl: string | null;
  tsaTimeoutMs?: number;
};

export type SignJob = {
  type: 'sign';
  id: number;
  certificate: Certificate;
  /** ISO time, already checked against the identity's validity on the main thread. */
  signingTime: string;
  auditHead: { vault?: string; seq: number; hash: string };
};

export type SignThreadRequest = SignJob | { type: 'close' };

export type SignThreadAnswer =
  | {
      type: 'signed';
      id: number;
      pdf: Uint8Array;
      digest: string;
      level: SignatureLevel;
      levelNote: string;
    }
  /** `code`: an AppFailure's code (e.g. DOCUMENT_TEXT_UNSUPPORTED), null for any other error. */
  | {
      type: 'failed';
      id: number;
      code: string | null;
      message: string;
      fields?: Record<string, string>;
    }
  /** After close; `zeroed`: every byte of the thread's copies of the keys reads 0 now. */
  | { type: 'closed'; zeroed: boolean };
