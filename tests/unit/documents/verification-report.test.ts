// The plain-text report `kpdesk verify` prints: the same headline, ETSI codes, checks and record
// line as the app's screen (one words module), a failed check led by FAILED in capitals so it
// stands out without colour, and a rejected file with its reason and nothing else checked.
import { describe, expect, it } from 'vitest';
import {
  verificationReport,
  verificationReportLines,
} from '../../../shared/documents/verification-report';
import { headlineText, verificationChecks } from '../../../shared/documents/verification-words';
import { verificationSamples } from '../../helpers/verification-samples';

describe('verificationReport', () => {
  it('prints the headline, the ETSI outcome, one line per check, the record and the SHA-256', () => {
    const sample = verificationSamples.passed();
    const lines = verificationReportLines(sample);
    expect(lines[0]).toBe(`US10001.pdf: ${headlineText(sample)}`);
    expect(lines[0]).toMatch(/^US10001\.pdf: VALID: Certificate US10001 is genuine/);
    expect(lines[1]).toBe('  ETSI EN 319 102-1: TOTAL-PASSED');
    const checkLines = lines.slice(2, -2);
    expect(checkLines).toHaveLength(verificationChecks(sample).length);
    expect(checkLines[1]).toBe(
      '  passed           Signature: intact — One signature covers the whole file except its own /Contents.',
    );
    expect(checkLines[9]).toMatch(/^ {2}info {13}PAdES level: B-LT — Time-stamped/);
    expect(lines.at(-2)).toBe(
      '  in this vault: US10001 (issued): this file is byte for byte its signed PDF',
    );
    expect(lines.at(-1)).toBe(`  SHA-256: ${sample.sha256}`);
    expect(verificationReport(sample)).toBe(`${lines.join('\n')}\n`);
  });

  it('says VOIDED (the signature passed, the vault voided it) and leads the void status with FAILED', () => {
    const lines = verificationReportLines(verificationSamples.voided());
    expect(lines[0]).toBe(
      'US10001.pdf: VOIDED: Certificate US10001 was voided. This file is not a certificate in force: do not accept it. US10001 was voided on 2026-11-28: shipment cancelled.',
    );
    expect(lines[1]).toBe('  ETSI EN 319 102-1: TOTAL-PASSED');
    expect(lines.filter((line) => line.startsWith('  FAILED'))).toEqual([
      '  FAILED           Void status: voided — US10001 was voided on 2026-11-28: shipment cancelled.',
    ]);
  });

  it('marks what could not be established for INDETERMINATE', () => {
    const lines = verificationReportLines(verificationSamples.noChain());
    expect(lines.filter((line) => line.startsWith('  not established'))).toEqual([
      '  not established  Trust chain: untrusted — The signer’s certificate chains to no trust anchor.',
    ]);
  });

  it('prints the field lines where the seal and the record differ', () => {
    const sample = verificationSamples.failedPage();
    const record = {
      status: 'mismatch' as const,
      message: 'The seal differs from the vault record.',
      mismatches: [{ field: 'consignee', sealed: 'Dubai Gems DMCC', record: 'Antwerp Rough BV' }],
    };
    const lines = verificationReportLines({ ...sample, result: { ...sample.result, record } });
    expect(lines).toContain('    consignee: sealed "Dubai Gems DMCC", vault "Antwerp Rough BV"');
    expect(lines).toContain(
      '  FAILED           Vault record: mismatch — The seal differs from the vault record.',
    );
  });

  it('explains the sub-indication of a page that is not what was sealed', () => {
    const lines = verificationReportLines(verificationSamples.failedPage());
    expect(lines[1]).toBe('  ETSI EN 319 102-1: TOTAL-FAILED / HASH_FAILURE (Hash failure)');
    expect(lines[2]).toMatch(/^ {2}What was signed or sealed does not match what the file shows/);
  });

  it('prints a rejected file with its reason, the ETSI codes and its SHA-256 only', () => {
    const sample = verificationSamples.rejected();
    expect(verificationReportLines(sample)).toEqual([
      'notes.pdf: REJECTED: Nothing was checked. The file does not start with %PDF-: it is not a PDF.',
      '  ETSI EN 319 102-1: TOTAL-FAILED / FORMAT_FAILURE (Format failure)',
      '  The file is not a KP certificate as KP Desk signs it (one PAdES signature over the whole file, ETSI EN 319 142-1, with its seal): it is unsigned, damaged, changed after signing, or its signature is not of the profile.',
      `  SHA-256: ${sample.sha256}`,
    ]);
  });

  it('prints no vault line without a vault: the record check says why', () => {
    const lines = verificationReportLines(verificationSamples.passedOffline());
    expect(lines.some((line) => line.includes('in this vault:'))).toBe(false);
    expect(lines).toContain(
      '  not established  Vault record: not established — no vault was given.',
    );
  });
});
