// The address book of the benchmark vault: exporters (a common carrier ships for many) and
// consignees abroad. Names share prefixes on purpose ("Diamond…", "Diamant…", "Dia…", "Shree…",
// "Shri…"), as real trade names do, so a prefix search finds many rows for short prefixes.
import { countryName, participantCountries } from '../../shared/reference/reference-data';
import type { Random } from './random';
import { pick, pickWeighted, seededRandom } from './random';

export type PoolParty = { name: string; address: string; country: string };
export type PartyPool = { exporters: PoolParty[]; consignees: PoolParty[] };

const FIRST = [
  'Diamond',
  'Diamonds',
  'Diamant',
  'Diamex',
  'Dia',
  'Gem',
  'Gems',
  'Gemco',
  'Global',
  'Globe',
  'Star',
  'Stargems',
  'Royal',
  'Rough',
  'Rosy',
  'Antwerp',
  'Ant',
  'Atlantic',
  'Brilliant',
  'Brill',
  'Crystal',
  'Crown',
  'Delta',
  'Elite',
  'Excel',
  'Fancy',
  'First',
  'Kiran',
  'Shree',
  'Shri',
  'Sun',
  'Sunrise',
  'Venus',
  'Victoria',
];
const MIDDLE = [
  'Mehta',
  'Shah',
  'Cohen',
  'Levi',
  'Patel',
  'Gandhi',
  'Kothari',
  'Jain',
  'Bhansali',
  'Goldberg',
  'Stern',
  'Weiss',
  'Chen',
  'Wong',
  'Li',
  'Van Dijk',
  'Peeters',
  'Janssens',
  'Nair',
  'Rosen',
  'Al Nahyan',
  'Kapoor',
  'Doshi',
  'Vora',
  'Zaveri',
];
const SECOND = [
  'Trading',
  'Exports',
  'Imports',
  'International',
  'Overseas',
  'Holdings',
  'Gems',
  'Diamonds',
  'Enterprises',
  'Group',
  'Brothers',
  'Impex',
  'Jewels',
  'Stones',
  'Industries',
];
const SUFFIX: Record<string, string> = {
  AE: 'DMCC',
  BE: 'BV',
  CH: 'SA',
  CN: 'Co., Ltd',
  GB: 'Ltd',
  HK: 'Ltd',
  IL: 'Ltd',
  IN: 'Pvt Ltd',
  JP: 'K.K.',
  TH: 'Co., Ltd',
  US: 'Inc.',
};
const CITY: Record<string, string> = {
  AE: 'Almas Tower, Jumeirah Lakes Towers, Dubai',
  BE: 'Hoveniersstraat 30, 2018 Antwerpen',
  CH: 'Rue du Rhône 14, 1204 Genève',
  CN: 'Century Avenue 88, Pudong, Shanghai',
  GB: '17 Charterhouse Street, London EC1N 6RA',
  HK: '9 Des Voeux Road Central, Hong Kong',
  IL: '3 Jabotinsky Street, Ramat Gan 5252000',
  IN: 'Bharat Diamond Bourse, Bandra Kurla, Mumbai 400051',
  JP: '2-5-1 Ginza, Chuo-ku, Tokyo 104-0061',
  TH: '919 Silom Road, Bang Rak, Bangkok 10500',
  US: '580 Fifth Avenue, New York, NY 10036',
};

/** Where US rough-diamond exports go, roughly by share; every other Participant gets a little. */
const MAIN_DESTINATIONS: readonly (readonly [string, number])[] = [
  ['BE', 26],
  ['AE', 20],
  ['IN', 18],
  ['IL', 9],
  ['HK', 7],
  ['CN', 4],
  ['CH', 3],
  ['GB', 2],
  ['TH', 2],
  ['JP', 1],
];

export function destinationWeights(): (readonly [string, number])[] {
  const main = new Map(MAIN_DESTINATIONS);
  const others = participantCountries()
    .map((country) => country.iso2)
    .filter((iso2) => !main.has(iso2) && iso2 !== 'US');
  // The long tail together is about 8% of shipments.
  return [...MAIN_DESTINATIONS, ...others.map((iso2) => [iso2, 8 / others.length] as const)];
}

function makeParty(random: Random, country: string, taken: Set<string>): PoolParty {
  for (;;) {
    const name = `${pick(random, FIRST)} ${pick(random, MIDDLE)} ${pick(random, SECOND)} ${SUFFIX[country] ?? 'Ltd'}`;
    if (taken.has(name)) continue;
    taken.add(name);
    const street = CITY[country] ?? `Main Street ${String(1 + Math.floor(random() * 200))}`;
    return { name, address: `${street}\n${countryName(country) ?? country}`, country };
  }
}

export const EXPORTERS = 400;
export const CONSIGNEES = 5_000;

export function createPartyPool(): PartyPool {
  const random = seededRandom(20_240_611);
  const taken = new Set<string>();
  const weights = destinationWeights();
  const exporters = Array.from({ length: EXPORTERS }, () => makeParty(random, 'US', taken));
  const consignees = Array.from({ length: CONSIGNEES }, () =>
    makeParty(random, pickWeighted(random, weights), taken),
  );
  return { exporters, consignees };
}
