// The verifier on genuine certificates and on hostile files: every case gets a clear result
// object (never a throw), and each question is answered on its own.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSealKey } from '../../../electron/core/documents/seal/seal-key';
import { verifyPdf } from '../../../electron/core/documents/verify/verify-pdf';
import type { SignedFixture } from './signed-certificate-fixture';
import type { PageBindingChecker } from '../../../electron/core/documents/verify/check-page-binding';
import { createPageBindingChecker } from '../../../electron/core/documents/verify/check-page-binding';
import {
  appendIncrementalUpdate,
  plainPdf,
  resourcesDir,
  signedCertificate,
} from './signed-certificate-fixture';

let fixture: SignedFixture;
let pageBinding: PageBindingChecker;
beforeAll(async () => {
  fixture = await signedCertificate();
  pageBinding = await createPageBindingChecker(resourcesDir);
});

const options = () => ({
  sealPublicKey: fixture.sealKey.publicKeySpkiDer,
  vault: { record: fixture.certificate, voided: null },
  pageBinding,
});

describe('a genuine certificate', () => {
  it('is INDETERMINATE (no chain) when its self-signed certificate is not an anchor', () => {
    const result = verifyPdf(fixture.pdf, options());
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(result.verdict).toBe('INDETERMINATE');
    expect(result.summary).not.toMatch(/\bvalid\b|genuine/i);
    expect(result.integrity).toMatchObject({
      status: 'intact',
      signatureCount: 1,
      subFilter: 'ETSI.CAdES.detached',
    });
    expect(result.modifiedAfterSigning).toEqual({ status: 'no', appendedBytes: 0 });
    expect(result.signer).toMatchObject({
      status: 'identified',
      subject: 'C=US, O=Hudson Rough Trading LLC, CN=Jane Doe',
      selfSigned: true,
      validAtSigningTime: 'yes',
      keyUsageFit: 'yes',
    });
    expect(result.level).toBe('B-B');
    expect(result.chain.status).toBe('untrusted');
    expect(result.seal).toMatchObject({
      status: 'verified',
      seal: fixture.seal,
      matchesDocument: 'yes',
    });
    expect(result.seal.payload?.n).toBe(fixture.certificate.number);
    expect(result.record).toMatchObject({ status: 'match', mismatches: [] });
    expect(result.voidStatus.status).toBe('not voided');
  });

  it('is TOTAL-PASSED (VALID) when its certificate is a configured anchor', () => {
    const result = verifyPdf(fixture.pdf, {
      ...options(),
      trustAnchorsDer: fixture.identity.certificateChainDer,
    });
    expect(result.chain.status).toBe('trusted');
    expect(result.revocation.status).toBe('not applicable');
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.subIndication).toBeNull();
    expect(result.verdict).toBe('VALID');
    expect(result.summary).toMatch(/^Valid:/);
    expect(result.pageBinding.status).toBe('bound');
    expect(result.documentKind).toBe('issued');
  });

  it('is INDETERMINATE when the page cannot be compared with the seal (no fonts to write it)', () => {
    const result = verifyPdf(fixture.pdf, {
      ...options(),
      pageBinding: undefined,
      trustAnchorsDer: fixture.identity.certificateChainDer,
    });
    expect(result.pageBinding.status).toBe('not established');
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.subIndication).toBe('GENERIC');
  });

  it('is VOIDED when the vault says the certificate was voided, and says offline it does not know', () => {
    const trusted = { ...options(), trustAnchorsDer: fixture.identity.certificateChainDer };
    const voided = verifyPdf(fixture.pdf, {
      ...trusted,
      vault: { record: fixture.certificate, voided: { message: 'Voided on 2026-12-01.' } },
    });
    expect(voided.verdict).toBe('VOIDED');
    expect(voided.voidStatus.status).toBe('voided');
    expect(voided.summary).toMatch(/^VOIDED:/);
    const offline = verifyPdf(fixture.pdf, { ...trusted, vault: undefined });
    expect(offline.voidStatus.status).toBe('not established');
    expect(offline.summary).toContain('not established');
  });

  it('is OUT_OF_BOUNDS_NO_POE once its certificate has expired (B-B: nothing proves when it signed)', () => {
    const later = new Date(Date.parse(verifyPdf(fixture.pdf).signer.validTo ?? '') + 86_400_000);
    const result = verifyPdf(fixture.pdf, {
      ...options(),
      trustAnchorsDer: fixture.identity.certificateChainDer,
      now: later,
    });
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
  });

  it('reports a record that differs, field by field', () => {
    const record = { ...fixture.certificate, parcels: 3 };
    const result = verifyPdf(fixture.pdf, { ...options(), vault: { record, voided: null } });
    expect(result.record.status).toBe('mismatch');
    expect(result.record.mismatches.map((m) => m.field)).toEqual(['p', 'h']);
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('HASH_FAILURE');
  });

  it('leaves the seal "not established" without a seal key, and rejects another issuer’s key', () => {
    expect(verifyPdf(fixture.pdf).seal.status).toBe('not established');
    expect(verifyPdf(fixture.pdf).indication).toBe('INDETERMINATE');
    const other = verifyPdf(fixture.pdf, { sealPublicKey: generateSealKey().publicKeySpkiDer });
    expect(other.seal.status).toBe('failed');
    expect(other.indication).toBe('TOTAL-FAILED');
    expect(other.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });
});

describe('hostile and foreign files', () => {
  it('rejects an empty file', () => {
    expect(verifyPdf(Buffer.alloc(0)).rejected?.reason).toBe('empty');
  });

  it('rejects a file over the size limit unread (default 20 MiB)', () => {
    expect(verifyPdf(fixture.pdf, { maxBytes: 1000 }).rejected?.reason).toBe('too large');
    const huge = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    huge.write('%PDF-1.7\n');
    expect(verifyPdf(huge).rejected?.reason).toBe('too large');
  });

  it('rejects random bytes as not a PDF', () => {
    const result = verifyPdf(randomBytes(5000));
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('FORMAT_FAILURE');
    expect(result.rejected?.reason).toBe('not a PDF');
  });

  it('calls random bytes behind a PDF header damaged and unsigned', () => {
    const result = verifyPdf(Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(5000)]));
    expect(result.structure.status).toBe('damaged');
    expect(result.integrity.status).toBe('not established');
    expect(result.indication).toBe('TOTAL-FAILED');
  });

  it('finds a truncated certificate invalid', () => {
    for (const keep of [fixture.pdf.length - 10, Math.floor(fixture.pdf.length / 2), 200]) {
      const result = verifyPdf(fixture.pdf.subarray(0, keep), options());
      expect(result.indication).toBe('TOTAL-FAILED');
      expect(result.integrity.status).not.toBe('intact');
    }
  });

  it('finds a damaged cross-reference table', () => {
    const text = fixture.pdf.toString('latin1');
    const xref = text.lastIndexOf('\nxref\n');
    const damaged = Buffer.from(fixture.pdf);
    damaged.write('xraf', xref + 1, 'latin1');
    const result = verifyPdf(damaged, options());
    expect(result.structure).toMatchObject({ status: 'damaged' });
    expect(result.integrity.status).toBe('broken');
    expect(result.indication).toBe('TOTAL-FAILED');
  });

  it('finds a second signature added after signing TOTAL-FAILED', () => {
    const second = Buffer.from(
      '\n9999 0 obj\n<< /Type /Sig /ByteRange [0 10 20 30] /Contents <3000> >>\nendobj\n',
    );
    const result = verifyPdf(Buffer.concat([fixture.pdf, second]), options());
    expect(result.modifiedAfterSigning.status).toBe('yes');
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('FORMAT_FAILURE');
  });

  it('reports a change appended after signing, while the signed revision stays intact', () => {
    const changed = appendIncrementalUpdate(fixture.pdf);
    const result = verifyPdf(changed, options());
    expect(result.structure.status).toBe('ok');
    expect(result.integrity.status).toBe('intact');
    expect(result.modifiedAfterSigning).toEqual({
      status: 'yes',
      appendedBytes: changed.length - fixture.pdf.length,
    });
    expect(result.indication).toBe('TOTAL-FAILED');
  });

  it('says a PDF that is not a certificate is unsigned and unsealed', async () => {
    const result = verifyPdf(await plainPdf(), options());
    expect(result.integrity).toMatchObject({ status: 'not established', signatureCount: 0 });
    expect(result.seal.status).toBe('absent');
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('FORMAT_FAILURE');
  });

  it('finds a damaged signature value invalid', () => {
    const text = fixture.pdf.toString('latin1');
    const contents = text.indexOf('/Contents <') + '/Contents <'.length;
    const damaged = Buffer.from(fixture.pdf);
    damaged.write(damaged[contents + 200] === 0x30 ? '1' : '0', contents + 200, 'latin1');
    const result = verifyPdf(damaged, options());
    expect(result.integrity.status).toBe('broken');
    expect(result.indication).toBe('TOTAL-FAILED');
  });

  it('returns a result for hundreds of random mutations, never a throw', () => {
    const random = seeded(42);
    for (let i = 0; i < 300; i += 1) {
      const mutated = Buffer.from(
        fixture.pdf.subarray(0, 1 + Math.floor(random() * fixture.pdf.length)),
      );
      for (let k = 0; k < 3; k += 1)
        mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
      const result = verifyPdf(mutated, options());
      expect(['TOTAL-FAILED', 'INDETERMINATE']).toContain(result.indication);
      expect(result.verdict).not.toBe('VALID');
    }
  });
});

/** A small deterministic generator (mulberry32) so failures reproduce. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
