// The words of a verification outcome, shared by the app's screen and `kpdesk verify`: one per
// ETSI EN 319 102-1 indication, VOIDED for a voided certificate, the VOID copy as itself, the
// sub-indication named and explained, each check with its status, and "valid"/"genuine" only for
// TOTAL-PASSED. The samples are parsed with the contract's schema (verification-samples.ts).
import { describe, expect, it } from 'vitest';
import {
  formatUtcTime,
  headlineText,
  indicationLine,
  recordMismatchLines,
  vaultRecordLine,
  verificationChecks,
  verificationPassed,
  verificationHeadline,
} from '../../../shared/documents/verification-words';
import type { DocumentVerification } from '../../../shared/ipc/documents-contract';
import { subIndications } from '../../../shared/ipc/documents-contract';
import { subIndicationWords } from '../../../shared/documents/sub-indication-words';
import { verificationSamples } from '../../helpers/verification-samples';
import type { VerificationSampleName } from '../../helpers/verification-samples';

/** Every word a person reads for this outcome. */
function allWords(verification: DocumentVerification): string {
  const headline = verificationHeadline(verification);
  const checks = verificationChecks(verification).map(
    (check) => `${check.label} ${check.status} ${check.message}`,
  );
  return [
    headlineText(verification),
    headline.subIndication?.name ?? '',
    headline.subIndication?.explanation ?? '',
    ...checks,
    vaultRecordLine(verification) ?? '',
  ].join('\n');
}

const statusOf = (verification: DocumentVerification, id: string) =>
  verificationChecks(verification).find((check) => check.id === id);

describe('verificationHeadline', () => {
  it('says VALID and genuine for TOTAL-PASSED, with no reasons and no sub-indication', () => {
    const headline = verificationHeadline(verificationSamples.passed());
    expect(headline).toMatchObject({
      verdict: 'VALID',
      tone: 'passed',
      indication: 'TOTAL-PASSED',
      subIndication: null,
      reasons: [],
    });
    expect(headline.sentence).toBe(
      'Certificate US10001 is genuine: signed by a trusted signer, sealed, and unchanged since.',
    );
  });

  it('says the void status was not established when TOTAL-PASSED came without a vault', () => {
    const sample = verificationSamples.passedOffline();
    expect(verificationHeadline(sample).verdict).toBe('VALID');
    expect(headlineText(sample)).toContain(
      'Whether it was voided later is not established: only the licensee’s vault knows.',
    );
    // Named by the seal's number when there is no vault record.
    expect(headlineText(sample)).toMatch(/^VALID: Certificate US10001 is genuine/);
  });

  it('says FAILED and names the failing check and its status for TOTAL-FAILED', () => {
    const sample = verificationSamples.failedPage();
    const headline = verificationHeadline(sample);
    expect(headline.verdict).toBe('FAILED');
    expect(headline.tone).toBe('failed');
    expect(headline.sentence).toBe(
      'This check failed: page matches the seal (differs). Do not rely on this file.',
    );
    expect(headline.reasons.map((check) => check.id)).toEqual(['pageBinding']);
    expect(headline.subIndication?.code).toBe('HASH_FAILURE');
    expect(indicationLine(sample)).toBe('TOTAL-FAILED / HASH_FAILURE (Hash failure)');
  });

  it('lists every failing check of a broken signature', () => {
    const headline = verificationHeadline(verificationSamples.failedHash());
    expect(headline.sentence).toBe(
      'This check failed: signature (broken). Do not rely on this file.',
    );
    expect(headline.subIndication?.explanation).toContain('changed after it was signed');
  });

  it('says VOIDED for the original PDF of a voided certificate, whatever the signature says', () => {
    const sample = verificationSamples.voided();
    const headline = verificationHeadline(sample);
    expect(headline.verdict).toBe('VOIDED');
    expect(headline.tone).toBe('failed');
    expect(headline.sentence).toBe(
      'Certificate US10001 was voided. This file is not a certificate in force: do not accept it. US10001 was voided on 2026-11-28: shipment cancelled.',
    );
    expect(headline.reasons.map((check) => check.id)).toEqual(['voidStatus']);
    expect(statusOf(sample, 'voidStatus')).toMatchObject({ status: 'voided', tone: 'failed' });
  });

  it('recognises the VOID copy as the VOID copy, never as a certificate in force', () => {
    const sample = verificationSamples.voidCopy();
    const headline = verificationHeadline(sample);
    expect(headline.verdict).toBe('VOID COPY');
    expect(headline.tone).toBe('passed');
    expect(headline.sentence).toBe(
      'Genuine VOID copy of certificate US10001: the signed notice that it was voided. It is not a certificate in force.',
    );
    expect(headline.sentence).not.toMatch(/\bvalid\b/i);
    // Voided is what a VOID copy should say: shown as information, not as a failure.
    expect(statusOf(sample, 'voidStatus')).toMatchObject({ status: 'voided', tone: 'info' });
    expect(statusOf(sample, 'documentKind')).toMatchObject({ status: 'VOID copy' });
    expect(vaultRecordLine(sample)).toBe(
      'US10001 (voided): this file is byte for byte its signed VOID copy',
    );
  });

  it('says INDETERMINATE and what is not established for NO_CERTIFICATE_CHAIN_FOUND', () => {
    const sample = verificationSamples.noChain();
    const headline = verificationHeadline(sample);
    expect(headline.verdict).toBe('INDETERMINATE');
    expect(headline.tone).toBe('indeterminate');
    expect(headline.sentence).toBe(
      'Not established: trust chain (untrusted). The file is not shown to be a certificate you can rely on.',
    );
    expect(headline.subIndication).toMatchObject({
      code: 'NO_CERTIFICATE_CHAIN_FOUND',
      name: 'No certificate chain found',
    });
    expect(headline.subIndication?.explanation).toContain('does not lead to any certificate');
    expect(statusOf(sample, 'signer')?.message).toBe(
      'CN=Jane Doe, O=Hudson Rough Diamond Trading LLC, C=US (self-signed); signing time claimed by the signer: 2026-11-27 10:00:00 UTC',
    );
    expect(statusOf(sample, 'timestamp')).toMatchObject({ status: 'absent', tone: 'info' });
  });

  it('says INDETERMINATE OUT_OF_BOUNDS_NO_POE for an expired B-B signer without a time-stamp', () => {
    const sample = verificationSamples.outOfBounds();
    const headline = verificationHeadline(sample);
    expect(headline.verdict).toBe('INDETERMINATE');
    expect(headline.reasons.map((check) => check.id)).toEqual(['signerPeriod']);
    expect(headline.sentence).toBe(
      'Not established: signer’s certificate in force at signing (not established). The file is not shown to be a certificate you can rely on.',
    );
    expect(headline.subIndication?.name).toBe('Out of bounds, no proof of existence');
    expect(headline.subIndication?.explanation).toContain('no time-stamp proves');
    expect(statusOf(sample, 'level')).toMatchObject({ status: 'B-B', tone: 'info' });
    expect(statusOf(sample, 'level')?.message).toContain('no time-stamp');
  });

  it('says REJECTED with the reason for a file that is not a PDF, and nothing was checked', () => {
    const sample = verificationSamples.rejected();
    const headline = verificationHeadline(sample);
    expect(headline.verdict).toBe('REJECTED');
    expect(headline.tone).toBe('failed');
    expect(headline.sentence).toBe(
      'Nothing was checked. The file does not start with %PDF-: it is not a PDF.',
    );
    expect(headline.reasons).toEqual([]);
    expect(indicationLine(sample)).toBe('TOTAL-FAILED / FORMAT_FAILURE (Format failure)');
    expect(vaultRecordLine(sample)).toBeNull();
    expect(statusOf(sample, 'level')).toMatchObject({ status: 'none' });
  });

  it.each<VerificationSampleName>([
    'failedPage',
    'failedHash',
    'voided',
    'voidCopy',
    'noChain',
    'outOfBounds',
    'rejected',
  ])('never says "valid" and says "genuine" only for the VOID copy: %s', (name) => {
    const sample = verificationSamples[name]();
    const words = allWords(sample);
    expect(words).not.toMatch(/\bvalid\b/i);
    if (name === 'voidCopy') expect(sample.result.indication).toBe('TOTAL-PASSED');
    else expect(words).not.toMatch(/genuine/i);
  });
});

describe('verificationPassed', () => {
  it('is true only for a VALID certificate and a genuine VOID copy', () => {
    const passed = (Object.keys(verificationSamples) as VerificationSampleName[]).filter((name) =>
      verificationPassed(verificationSamples[name]()),
    );
    expect(passed).toEqual(['passed', 'passedOffline', 'voidCopy']);
  });

  it('is false for TOTAL-PASSED when the vault says the certificate was voided', () => {
    const sample = verificationSamples.voided();
    const result = { ...sample.result, indication: 'TOTAL-PASSED' as const, subIndication: null };
    expect(verificationHeadline({ ...sample, result }).verdict).toBe('VOIDED');
    expect(verificationPassed({ ...sample, result })).toBe(false);
  });
});

describe('verificationChecks', () => {
  it('gives every check of a TOTAL-PASSED B-LT certificate, each passed or information', () => {
    const checks = verificationChecks(verificationSamples.passed());
    expect(checks.map((check) => [check.label, check.status, check.tone])).toEqual([
      ['File structure', 'ok', 'passed'],
      ['Signature', 'intact', 'passed'],
      ['Changed after signing', 'validation data only', 'passed'],
      ['Signer', 'identified', 'passed'],
      ['Signer’s certificate in force at signing', 'yes', 'passed'],
      ['Key usage fit for signing', 'yes', 'passed'],
      ['Trust chain', 'trusted', 'passed'],
      ['Revocation', 'not revoked', 'passed'],
      ['Signature time-stamp', 'verified', 'passed'],
      ['PAdES level', 'B-LT', 'info'],
      ['Seal', 'verified', 'passed'],
      ['Page matches the seal', 'bound', 'passed'],
      ['Document', 'issued certificate', 'info'],
      ['Vault record', 'match', 'passed'],
      ['Void status', 'not voided', 'passed'],
    ]);
    const byId = new Map(checks.map((check) => [check.id, check.message]));
    expect(byId.get('timestamp')).toBe(
      'Time-stamped at 2026-11-27 10:00:03 UTC by CN=KP Desk Test TSA. The RFC 3161 time-stamp token verifies and covers the signature.',
    );
    expect(byId.get('modifiedAfterSigning')).toContain('6,311 bytes added after the signature');
    expect(byId.get('chain')).toContain('Trust anchor: CN=USKPA Test CA, O=USKPA, C=US.');
    expect(byId.get('signerPeriod')).toBe(
      'The certificate was in force when the file was signed; its period runs from 2026-01-01 00:00:00 UTC to 2027-01-01 00:00:00 UTC.',
    );
  });

  it('marks a seal that verifies but names another document as failed', () => {
    const sample = verificationSamples.passed();
    const seal = { ...sample.result.seal, matchesDocument: 'no' as const };
    const check = verificationChecks({ ...sample, result: { ...sample.result, seal } }).find(
      (c) => c.id === 'seal',
    );
    expect(check).toMatchObject({ status: 'does not match', tone: 'failed' });
  });

  it('says how many bytes were added after signing when that is not validation data', () => {
    const sample = verificationSamples.passed();
    const modifiedAfterSigning = { status: 'yes' as const, appendedBytes: 1_234 };
    const check = verificationChecks({
      ...sample,
      result: { ...sample.result, modifiedAfterSigning },
    }).find((c) => c.id === 'modifiedAfterSigning');
    expect(check).toMatchObject({
      status: 'yes',
      tone: 'failed',
      message: '1,234 bytes were added after the signature.',
    });
  });
});

describe('the record and the sub-indications', () => {
  it('says whether the file is byte for byte what the vault signed', () => {
    expect(vaultRecordLine(verificationSamples.passed())).toBe(
      'US10001 (issued): this file is byte for byte its signed PDF',
    );
    expect(vaultRecordLine(verificationSamples.failedPage())).toBe(
      'US10001 (issued): this file is not byte for byte a document this vault signed',
    );
  });

  it('gives one line per field where the seal and the vault record differ', () => {
    const sample = verificationSamples.failedPage();
    const record = {
      status: 'mismatch' as const,
      message: 'The seal differs from the vault record.',
      mismatches: [{ field: 'carats', sealed: '99.50', record: '12.50' }],
    };
    expect(recordMismatchLines({ ...sample, result: { ...sample.result, record } })).toEqual([
      'carats: sealed "99.50", vault "12.50"',
    ]);
  });

  it('names and explains every sub-indication the contract allows, without "valid"', () => {
    for (const code of subIndications) {
      const words = subIndicationWords(code);
      expect(words.code).toBe(code);
      expect(words.name.length).toBeGreaterThan(3);
      expect(words.explanation).toMatch(/\.$/);
      expect(`${words.name} ${words.explanation}`).not.toMatch(/\bvalid\b|genuine/i);
    }
  });

  it('writes UTC times plainly and leaves other times as given', () => {
    expect(formatUtcTime('2026-11-27T10:00:03.250Z')).toBe('2026-11-27 10:00:03 UTC');
    expect(formatUtcTime('2026-11-27T10:00:03+00:00')).toBe('2026-11-27 10:00:03 UTC');
    expect(formatUtcTime('2026-11-27T10:00:03+01:00')).toBe('2026-11-27T10:00:03+01:00');
  });
});
