// 31 CFR 592.307(g); Census 2019 licensee guidance: the consignee's address names the country of
// destination as its country (its last line), and the exporter's address names a country (USKPA
// form). A country's name elsewhere in the address does not count.
import { describe, expect, it } from 'vitest';
import { addressCountry } from '../../../shared/domain/country-in-address';
import type { Finding } from '../../../shared/domain/finding';
import { validateCertificate } from '../../../shared/domain/validate-certificate';
import {
  countryName,
  countryNameVariants,
  participantCountries,
} from '../../../shared/reference/reference-data';
import { draftWith, issueContext } from './certificate-fixtures';

function addressFindings(address: string, destination: string, origin = 'CD'): Finding[] {
  return validateCertificate(
    draftWith({ consignee: { address }, destinationCountry: destination, countryOfOrigin: origin }),
    issueContext,
  ).findings.filter((f) => f.field === 'consignee.address');
}

const destinations = participantCountries()
  .map((c) => c.iso2)
  .filter((iso2) => iso2 !== 'US');

describe('the consignee address names the destination as its country (31 CFR 592.307(g))', () => {
  it('accepts every participant country by its ISO name and by each of its usual forms', () => {
    for (const iso2 of destinations) {
      const names = [countryName(iso2) ?? '', ...(countryNameVariants[iso2] ?? [])];
      for (const name of names) {
        for (const written of [name, name.toUpperCase()]) {
          const address = `Main Street 1\n1000 City\n${written}`;
          expect([iso2, written, addressFindings(address, iso2)]).toEqual([iso2, written, []]);
        }
      }
    }
  });

  it('accepts native names and variants licensees write', () => {
    const cases: [string, string][] = [
      ['ul. Marszałkowska 1, 00-624 Warszawa, Polska', 'PL'],
      ['Hoveniersstraat 30, 2018 Antwerpen, België', 'BE'],
      ['Hoveniersstraat 30, 2018 Anvers, BELGIQUE', 'BE'],
      ['Rue de la Loi 1, 1000 Bruxelles, Belgie', 'BE'],
      ['Kaiserstraße 1, 60311 Frankfurt am Main, Deutschland', 'DE'],
      ['Kuyumcukent, 34197 İstanbul, Türkiye', 'TR'],
      ['Kuyumcukent, 34197 Istanbul, Turkey', 'TR'],
      ['Bahnhofstrasse 1, 8001 Zürich, Schweiz', 'CH'],
      ['Jumeirah Lakes Towers, Dubai, U.A.E.', 'AE'],
      ['Maccabi Street 1, Ramat Gan, Israel 5252001', 'IL'],
      ['Opera House, Mumbai 400004, Bharat', 'IN'],
      ['Nathan Road 1, Kowloon, Hong Kong SAR, China', 'HK'],
      ['Gangnam-daero 1, Seoul, Korea', 'KR'],
      ['Gombe, Kinshasa, RDC', 'CD'],
      ['Boulevard Lyautey, Brazzaville, Congo', 'CG'],
      ['Plateau, Abidjan, Côte d’Ivoire', 'CI'],
      ['Rua da Missão, Luanda, Angola', 'AO'],
      ['Tverskaya 1, Moscow, Россия', 'RU'],
      ['Khreshchatyk 1, Kyiv, Україна', 'UA'],
      ['1-1 Chiyoda, Tokyo, 日本', 'JP'],
      ['Vasilissis Sofias 1, Athens, Ελλάδα', 'GR'],
      ['Praha 1, Česko', 'CZ'],
      ['Nørregade 1, København, Danmark', 'DK'],
      ['Calle Mayor 1, Madrid, España', 'ES'],
      ['Andrássy út 1, Budapest, Magyarország', 'HU'],
      ['Schupstraat 1, Antwerp, Belgium.', 'BE'],
    ];
    for (const [address, iso2] of cases) {
      expect([address, addressFindings(address, iso2)]).toEqual([address, []]);
    }
  });

  it('refuses a country named elsewhere than as the country of the address', () => {
    // A street or a city named after the destination, the address's own country elsewhere.
    const cases: [string, string, string][] = [
      ['12 Avenue de Belgique, 75016 Paris, France', 'BE', 'FR'],
      ['Rue de France 5, 1000 Bruxelles', 'FR', ''],
      ['India Street 4, Glasgow G2 4PF, United Kingdom', 'IN', 'GB'],
      ['Israel Business Center, Main Street, Mumbai, India', 'IL', 'IN'],
      ['Belgium Diamond House, Hoveniersstraat 2', 'BE', ''],
    ];
    for (const [address, destination, found] of cases) {
      const result = addressFindings(address, destination);
      expect([address, result.map((f) => [f.code, f.severity])]).toEqual([
        address,
        [['CONSIGNEE_ADDRESS_NO_DESTINATION', 'error']],
      ]);
      if (found !== '') expect(result[0]?.message).toContain(`(${found})`);
      expect(result[0]?.message).toContain(countryName(destination));
    }
  });

  it('does not take one Korea or one Congo for the other', () => {
    expect(addressCountry("Pyongyang, Democratic People's Republic of Korea")?.iso2).toBe('KP');
    expect(addressCountry('Seoul, Republic of Korea')?.iso2).toBe('KR');
    expect(addressCountry('Kinshasa, Democratic Republic of the Congo')?.iso2).toBe('CD');
    expect(addressCountry('Kinshasa, Congo, The Democratic Republic of the')?.iso2).toBe('CD');
    expect(addressCountry('Brazzaville, Republic of the Congo')?.iso2).toBe('CG');
    expect(addressCountry('Belfast BT1 1AA, Northern Ireland')?.iso2).toBe('GB');
    expect(addressCountry('Malabo, Equatorial Guinea')?.iso2).toBe('GQ');
    expect(addressFindings('Pyongyang, DPRK', 'KR').map((f) => f.code)).toEqual([
      'CONSIGNEE_ADDRESS_NO_DESTINATION',
    ]);
    expect(
      addressFindings("Pyongyang, Democratic People's Republic of Korea", 'KR').map((f) => f.code),
    ).toEqual(['CONSIGNEE_ADDRESS_NO_DESTINATION']);
    expect(
      addressFindings('Kinshasa, Democratic Republic of the Congo', 'CG', 'BW').map((f) => f.code),
    ).toEqual(['CONSIGNEE_ADDRESS_NO_DESTINATION']);
    expect(addressFindings('Brazzaville, Republic of the Congo', 'CD').map((f) => f.code)).toEqual([
      'CONSIGNEE_ADDRESS_NO_DESTINATION',
    ]);
  });

  it('refuses an address that ends with the country of origin instead', () => {
    const [only, ...rest] = addressFindings('Schupstraat 21, Antwerp, DR Congo', 'BE', 'CD');
    expect(rest).toEqual([]);
    expect(only?.code).toBe('CONSIGNEE_ADDRESS_ENDS_WITH_ORIGIN');
    expect(only?.severity).toBe('error');
    expect(only?.source).toBe('31 CFR 592.307(g); Census 2019 licensee guidance');
  });

  it('does not read a state code as a country', () => {
    expect(addressCountry('1 Main Street, Los Angeles, CA 90001')).toBeNull();
    expect(addressCountry('580 Fifth Avenue, New York, NY 10036, US')?.iso2).toBe('US');
  });
});

describe("the exporter's address names a country (31 CFR 592.307(g); USKPA form)", () => {
  it('refuses an exporter address without a country', () => {
    const found = validateCertificate(
      draftWith({ exporter: { address: '580 Fifth Avenue\nNew York, NY 10036' } }),
      issueContext,
    ).findings;
    expect(found.map((f) => [f.code, f.field, f.severity])).toEqual([
      ['EXPORTER_ADDRESS_NO_COUNTRY', 'exporter.address', 'error'],
    ]);
    expect(found[0]?.source).toContain('31 CFR 592.307(g)');
  });

  it('accepts the usual forms of the country', () => {
    for (const country of ['United States', 'USA', 'U.S.A.', 'United States of America', 'US']) {
      const found = validateCertificate(
        draftWith({ exporter: { address: `580 Fifth Avenue\nNew York, NY 10036\n${country}` } }),
        issueContext,
      ).findings;
      expect([country, found]).toEqual([country, []]);
    }
  });
});
