// Country of origin "US" (31 CFR 592.307(b); Census 2019 licensee guidance): only with the
// per-certificate domestic-recovery declaration (site of recovery, never imported).
import { describe, expect, it } from 'vitest';
import { readCertificate } from '../../../shared/domain/certificate';
import { CertificateDraftSchema } from '../../../shared/domain/certificate-draft';
import { validateCertificate } from '../../../shared/domain/validate-certificate';
import { draftContext, draftWith, issueContext } from './certificate-fixtures';

const crater = { site: 'Crater of Diamonds State Park, Murfreesboro, Arkansas', notImported: true };

function codes(patch: Parameters<typeof draftWith>[0], context = issueContext) {
  return validateCertificate(draftWith(patch), context).findings.map((f) => [
    f.code,
    f.field,
    f.severity,
    f.source,
  ]);
}

describe('US origin and the domestic-recovery declaration (31 CFR 592.307(b))', () => {
  it('refuses US without the declaration, and the error itself offers the declaration', () => {
    for (const context of [issueContext, draftContext]) {
      const [only, ...rest] = validateCertificate(
        draftWith({ countryOfOrigin: 'us' }),
        context,
      ).findings;
      expect(rest).toEqual([]);
      expect(only?.code).toBe('ORIGIN_US');
      expect(only?.severity).toBe('error');
      expect(only?.source).toContain('31 CFR 592.307(b)');
      expect(only?.message).toMatch(/declare the domestic recovery/);
      expect(only?.message).toMatch(/never imported/);
    }
  });

  it('accepts US with the site named and "not imported" declared', () => {
    expect(codes({ countryOfOrigin: 'US', domesticRecovery: crater })).toEqual([]);
  });

  it('needs the site of recovery', () => {
    expect(codes({ countryOfOrigin: 'US', domesticRecovery: { ...crater, site: '   ' } })).toEqual([
      [
        'DOMESTIC_RECOVERY_SITE_MISSING',
        'domesticRecovery.site',
        'error',
        '31 CFR 592.307(b) (origin: where the diamonds were mined); Census 2019 licensee guidance',
      ],
    ]);
  });

  it('needs the declaration that the stone was not imported (a re-export keeps its mine)', () => {
    const found = codes({
      countryOfOrigin: 'US',
      domesticRecovery: { ...crater, notImported: false },
    });
    expect(found.map(([code, field, severity]) => [code, field, severity])).toEqual([
      ['DOMESTIC_RECOVERY_NOT_CONFIRMED', 'domesticRecovery.notImported', 'error'],
    ]);
  });

  it('refuses a declaration on a certificate whose origin is not US', () => {
    for (const origin of ['CD', '****']) {
      const found = codes({ countryOfOrigin: origin, domesticRecovery: crater });
      expect(found.map(([code]) => code)).toEqual(['DOMESTIC_RECOVERY_WITHOUT_US_ORIGIN']);
    }
  });

  it('is part of the file format and of the certificate, and old files without it still read', () => {
    const parsed = CertificateDraftSchema.parse({
      countryOfOrigin: 'US',
      domesticRecovery: crater,
    });
    expect(parsed.domesticRecovery).toEqual(crater);
    expect(CertificateDraftSchema.parse({}).domesticRecovery).toBeUndefined();
    expect(
      CertificateDraftSchema.safeParse({ domesticRecovery: { site: 'x', imported: false } })
        .success,
    ).toBe(false);
    const reading = readCertificate(
      draftWith({
        countryOfOrigin: 'US',
        domesticRecovery: { ...crater, site: ` ${crater.site} ` },
      }),
      issueContext,
    );
    expect(reading.certificate?.domesticRecovery).toEqual(crater);
    expect(readCertificate(draftWith({}), issueContext).certificate).not.toHaveProperty(
      'domesticRecovery',
    );
  });
});
