// Realistic documents:verify answers for each ETSI EN 319 102-1 outcome the verifier reports,
// for tests of the words (shared/documents/verification-words.ts) and of the verification screen
// while the real verifier is not needed to tell them apart. Each sample is parsed with the
// contract's own DocumentVerificationSchema, so a sample the verifier could not produce (a field
// missing, a status the contract does not know) fails here instead of passing a test.
import { DocumentVerificationSchema } from '../../shared/ipc/documents-contract';
import type { DocumentVerification } from '../../shared/ipc/documents-contract';

type Result = DocumentVerification['result'];

const SHA256 = 'f3b7a1c94e0d2b6a58c7e19f04d3a2b6c8e1f0a9d7b5c3e2a1f0e9d8c7b6a5f4';
const SUBJECT = 'CN=Jane Doe, O=Hudson Rough Diamond Trading LLC, C=US';

const payload = {
  v: 2,
  k: 'issued',
  n: 'US10001',
  itn: 'X20261127123456',
  iss: '2026-11-27',
  exp: '2027-01-26',
  o: 'CD',
  d: 'BE',
  hs: '7102.31',
  ct: 1250,
  val: 1500000,
  p: 2,
  ex: 'Hudson Rough Diamond Trading LLC',
  co: 'Antwerp Rough BV',
  h: 'oVLwToPJDwOSwEsxhya9CrUstLH8dGN6LdoKrny6Tok',
} as const;

/** A B-LT certificate issued by this vault and checked against it: every check holds. */
function passedResult(): Result {
  return {
    indication: 'TOTAL-PASSED',
    subIndication: null,
    verdict: 'VALID',
    summary: 'VALID: the signature, the seal and the page are genuine and nothing was changed.',
    rejected: null,
    structure: { status: 'ok', message: 'The file is a well-formed PDF.' },
    integrity: {
      status: 'intact',
      message: 'One signature covers the whole file except its own /Contents.',
      signatureCount: 1,
      byteRange: [0, 18_214, 52_984, 9_102],
      subFilter: 'ETSI.CAdES.detached',
    },
    modifiedAfterSigning: { status: 'validation data only', appendedBytes: 6_311 },
    signer: {
      status: 'identified',
      subject: SUBJECT,
      issuer: 'CN=USKPA Test CA, O=USKPA, C=US',
      serialNumber: '4F:2A:91:0C',
      fingerprintSha256:
        'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
      validFrom: '2026-01-01T00:00:00Z',
      validTo: '2027-01-01T00:00:00Z',
      signingTime: '2026-11-27T10:00:00Z',
      validAtSigningTime: 'yes',
      selfSigned: false,
      keyUsageFit: 'yes',
    },
    level: 'B-LT',
    timestamp: {
      status: 'verified',
      time: '2026-11-27T10:00:03Z',
      authority: 'CN=KP Desk Test TSA',
      message: 'The RFC 3161 time-stamp token verifies and covers the signature.',
    },
    chain: {
      status: 'trusted',
      message: 'The signer’s certificate chains to a trust anchor.',
      anchor: 'CN=USKPA Test CA, O=USKPA, C=US',
    },
    seal: {
      status: 'verified',
      message: 'The seal verifies with the licensee’s seal key.',
      seal: 'KPD2.eyJ2IjoyfQ.c2ln',
      payload: { ...payload },
      matchesDocument: 'yes',
    },
    pageBinding: {
      status: 'bound',
      message: 'Every visible field on the page is what was sealed.',
    },
    documentKind: 'issued',
    record: { status: 'match', message: 'The seal matches the vault record.', mismatches: [] },
    voidStatus: { status: 'not voided', message: 'US10001 is not voided in this vault.' },
    revocation: {
      status: 'not revoked',
      message: 'The CRL in the file does not list the certificate.',
    },
  };
}

type Vault = DocumentVerification['vault'];
const issuedInVault: Vault = {
  certificateId: 7,
  number: 'US10001',
  state: 'ISSUED',
  storedDocument: 'certificate',
};

function make(result: Result, vault: Vault, fileName = 'US10001.pdf'): DocumentVerification {
  return DocumentVerificationSchema.parse({ fileName, sha256: SHA256, result, vault });
}

const notEstablishedRecord = (why: string): Pick<Result, 'record' | 'voidStatus'> => ({
  record: { status: 'not established', message: why, mismatches: [] },
  voidStatus: { status: 'not established', message: `Void status not established: ${why}` },
});

export const verificationSamples = {
  passed: (): DocumentVerification => make(passedResult(), issuedInVault),

  /** Checked without a vault (kpdesk verify --trust): the void status is not known. */
  passedOffline: (): DocumentVerification =>
    make({ ...passedResult(), ...notEstablishedRecord('no vault was given.') }, null),

  /** Visible text changed and the file re-signed by someone else with a cloned certificate. */
  failedPage: (): DocumentVerification => {
    const base = passedResult();
    return make(
      {
        ...base,
        indication: 'TOTAL-FAILED',
        subIndication: 'HASH_FAILURE',
        verdict: 'FAILED',
        summary: 'FAILED: the page does not show what was sealed.',
        pageBinding: { status: 'differs', message: 'Carats on the page: 99.50; sealed: 12.50.' },
      },
      { ...issuedInVault, storedDocument: null },
      'US10001-edited.pdf',
    );
  },

  /** Bytes of the signed content changed: the digest no longer matches. */
  failedHash: (): DocumentVerification => {
    const base = passedResult();
    return make(
      {
        ...base,
        indication: 'TOTAL-FAILED',
        subIndication: 'HASH_FAILURE',
        verdict: 'FAILED',
        summary: 'FAILED: the file was changed after it was signed.',
        integrity: {
          ...base.integrity,
          status: 'broken',
          message: 'The signed bytes do not match the signature’s digest.',
        },
        pageBinding: {
          status: 'not established',
          message: 'Not compared: the signature is broken.',
        },
      },
      { ...issuedInVault, storedDocument: null },
    );
  },

  /** The original PDF of a certificate voided since, checked against the vault. */
  voided: (): DocumentVerification => {
    const base = passedResult();
    return make(
      {
        ...base,
        verdict: 'VOIDED',
        summary: 'VOIDED: US10001 was voided on 2026-11-28.',
        voidStatus: {
          status: 'voided',
          message: 'US10001 was voided on 2026-11-28: shipment cancelled.',
        },
      },
      { ...issuedInVault, state: 'VOIDED' },
    );
  },

  /** The VOID copy Census receives, checked against the vault. */
  voidCopy: (): DocumentVerification => {
    const base = passedResult();
    return make(
      {
        ...base,
        verdict: 'VOID COPY',
        seal: { ...base.seal, payload: { ...payload, k: 'void' } },
        documentKind: 'void',
        voidStatus: {
          status: 'voided',
          message: 'US10001 was voided on 2026-11-28: shipment cancelled.',
        },
      },
      { ...issuedInVault, state: 'VOIDED', storedDocument: 'void' },
      'US10001-VOID.pdf',
    );
  },

  /** Signed by a certificate no trust anchor vouches for (a clone of the signer's name). */
  noChain: (): DocumentVerification => {
    const base = passedResult();
    return make(
      {
        ...base,
        indication: 'INDETERMINATE',
        subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
        verdict: 'INDETERMINATE',
        summary: 'INDETERMINATE: the signer is not trusted.',
        level: 'B-B',
        modifiedAfterSigning: { status: 'no', appendedBytes: 0 },
        signer: { ...base.signer, issuer: SUBJECT, selfSigned: true },
        timestamp: {
          status: 'absent',
          time: null,
          authority: null,
          message: 'The signature has no time-stamp.',
        },
        chain: {
          status: 'untrusted',
          message: 'The signer’s certificate chains to no trust anchor.',
          anchor: null,
        },
        revocation: {
          status: 'not applicable',
          message: 'A self-signed certificate has no revocation service.',
        },
      },
      { ...issuedInVault, storedDocument: null },
    );
  },

  /** A B-B certificate checked after its signer's certificate expired: no proof of existence. */
  outOfBounds: (): DocumentVerification => {
    const base = passedResult();
    return make(
      {
        ...base,
        indication: 'INDETERMINATE',
        subIndication: 'OUT_OF_BOUNDS_NO_POE',
        verdict: 'INDETERMINATE',
        summary:
          'INDETERMINATE: the signer’s certificate has expired and no time-stamp proves when it signed.',
        level: 'B-B',
        modifiedAfterSigning: { status: 'no', appendedBytes: 0 },
        signer: { ...base.signer, validAtSigningTime: 'not established' },
        timestamp: {
          status: 'absent',
          time: null,
          authority: null,
          message: 'The signature has no time-stamp.',
        },
      },
      issuedInVault,
    );
  },

  /** Not a PDF at all: nothing was checked. */
  rejected: (): DocumentVerification =>
    make(
      {
        indication: 'TOTAL-FAILED',
        subIndication: 'FORMAT_FAILURE',
        verdict: 'FAILED',
        summary: 'REJECTED: the file is not a PDF.',
        rejected: {
          reason: 'not a PDF',
          message: 'The file does not start with %PDF-: it is not a PDF.',
        },
        structure: { status: 'damaged', message: 'Not a PDF.' },
        integrity: {
          status: 'not established',
          message: 'Not checked.',
          signatureCount: 0,
          byteRange: null,
          subFilter: null,
        },
        modifiedAfterSigning: { status: 'not established', appendedBytes: 0 },
        signer: {
          status: 'not established',
          subject: null,
          issuer: null,
          serialNumber: null,
          fingerprintSha256: null,
          validFrom: null,
          validTo: null,
          signingTime: null,
          validAtSigningTime: 'not established',
          selfSigned: null,
          keyUsageFit: 'not established',
        },
        level: null,
        timestamp: {
          status: 'not established',
          time: null,
          authority: null,
          message: 'Not checked.',
        },
        chain: { status: 'not established', message: 'Not checked.', anchor: null },
        seal: {
          status: 'not established',
          message: 'Not checked.',
          seal: null,
          payload: null,
          matchesDocument: 'not established',
        },
        pageBinding: { status: 'not established', message: 'Not checked.' },
        documentKind: 'not established',
        record: { status: 'not established', message: 'Not checked.', mismatches: [] },
        voidStatus: { status: 'not established', message: 'Not checked.' },
        revocation: { status: 'not established', message: 'Not checked.' },
      },
      null,
      'notes.pdf',
    ),
} as const;

export type VerificationSampleName = keyof typeof verificationSamples;
