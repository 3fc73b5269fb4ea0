// Does an address name a country? The consignee's address must name the country of destination
// (Census 2019: "destination country missing from the consignee address" is a common error), and
// must not end with the country of origin instead. Matching ignores case, accents and
// punctuation, and accepts the names people actually write ("USA", "UK", "UAE", "Belgique").
import { countryName } from '../reference/reference-data';

// Common names and spellings beyond the ISO 3166 short names, for the countries KP trade
// actually goes to and comes from. The ISO name is always accepted.
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ['United States', 'USA', 'U.S.A.', 'U.S.', 'United States of America'],
  GB: ['United Kingdom', 'UK', 'U.K.', 'Great Britain', 'England', 'Scotland', 'Wales'],
  AE: ['United Arab Emirates', 'UAE', 'U.A.E.'],
  BE: ['Belgium', 'Belgique', 'Belgie', 'Belgien'],
  NL: ['Netherlands', 'The Netherlands', 'Holland', 'Nederland'],
  DE: ['Germany', 'Deutschland'],
  CH: ['Switzerland', 'Schweiz', 'Suisse', 'Svizzera'],
  IL: ['Israel'],
  IN: ['India'],
  HK: ['Hong Kong', 'Hong Kong SAR'],
  CN: ['China', "People's Republic of China", 'PRC'],
  RU: ['Russia', 'Russian Federation'],
  KR: ['South Korea', 'Korea', 'Republic of Korea'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of the Congo', 'Congo-Kinshasa'],
  CG: ['Republic of the Congo', 'Congo-Brazzaville', 'Congo'],
  CI: ["Cote d'Ivoire", 'Ivory Coast'],
  TR: ['Turkey', 'Turkiye'],
  TW: ['Taiwan', 'Chinese Taipei'],
  VN: ['Vietnam', 'Viet Nam'],
  LA: ['Laos', 'Lao PDR'],
  SZ: ['Eswatini', 'Swaziland'],
  TZ: ['Tanzania'],
  VE: ['Venezuela'],
};

/** Lower case, accents and punctuation removed, single spaces: "Côte d’Ivoire" → "cote d ivoire". */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function namesFor(iso2: string): string[] {
  const names = [...(ALIASES[iso2] ?? [])];
  const official = countryName(iso2);
  if (official !== undefined) {
    names.push(official);
    // ISO short names such as "Korea, Republic of" or "Bolivia (Plurinational State of)".
    const short = official.split(/[,(]/)[0];
    if (short !== undefined && short.trim() !== official) names.push(short);
  }
  return names.map(normalizeForMatch).filter((name) => name.length > 0);
}

function containsWords(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}

export function addressNamesCountry(address: string, iso2: string): boolean {
  const text = normalizeForMatch(address);
  return namesFor(iso2).some((name) => containsWords(text, name));
}

/** True when the last line of the address names this country. */
export function addressEndsWithCountry(address: string, iso2: string): boolean {
  const lines = address
    .split(/\r?\n|,/)
    .map(normalizeForMatch)
    .filter(Boolean);
  const last = lines.at(-1);
  return last !== undefined && namesFor(iso2).some((name) => containsWords(last, name));
}
