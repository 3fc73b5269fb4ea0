// Which country does an address end with? The consignee's address must name the country of
// destination as its country (31 CFR 592.307(g); Census 2019: "destination country missing from
// the consignee address" is a common error), and the exporter's address must name a country
// (USKPA's form checks it). An international address ends with its country (Universal Postal
// Union addressing practice), so only the end counts: a street named after a country ("Avenue de
// Belgique") or a country inside another's name ("Korea" in "Democratic People's Republic of
// Korea", "Congo" in "Democratic Republic of the Congo") never passes for the country. The longest
// name that ends the address wins, so the other Korea or Congo is recognised as such. Matching
// ignores case, accents and punctuation, and accepts the names people write: ISO names in both
// orders, native names and common variants (reference/data/country-names.json).
import { countryName, countryNameVariants, isoCountries } from '../reference/reference-data';

/** Lower case, accents and punctuation removed, single spaces: "Côte d’Ivoire" → "cote d ivoire". */
export function normalizeForMatch(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // Letters that do not decompose, so that "KIBRIS" is "Kıbrıs" and "Lodz" is "Łódź".
      .replace(/ı/g, 'i')
      .replace(/ß/g, 'ss')
      .replace(/ø/g, 'o')
      .replace(/æ/g, 'ae')
      .replace(/œ/g, 'oe')
      .replace(/[łđ]/g, (letter) => (letter === 'ł' ? 'l' : 'd'))
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

type NameEntry = { name: string; iso2: string };

/** "Korea, Republic of" → "Republic of Korea"; names without a comma are returned unchanged. */
function naturalOrder(isoName: string): string {
  const comma = isoName.indexOf(',');
  return comma < 0 ? isoName : `${isoName.slice(comma + 1).trim()} ${isoName.slice(0, comma)}`;
}

function buildIndex(): NameEntry[] {
  const byName = new Map<string, string>();
  const add = (written: string, iso2: string) => {
    const name = normalizeForMatch(written);
    if (name !== '' && !byName.has(name)) byName.set(name, iso2);
  };
  // Explicit names first: they settle what a bare "Korea" or "Congo" means.
  for (const [iso2, names] of Object.entries(countryNameVariants)) {
    for (const name of names) add(name, iso2);
  }
  for (const { iso2, name } of isoCountries) {
    add(name, iso2);
    add(naturalOrder(name), iso2);
  }
  // The part before the comma ("Bolivia" of "Bolivia, Plurinational State of") only when no
  // other country writes it: "Korea" and "Congo" are each claimed twice.
  const shortForms = new Map<string, string[]>();
  for (const { iso2, name } of isoCountries) {
    const short = normalizeForMatch(name.split(/[,(]/)[0] ?? '');
    shortForms.set(short, [...(shortForms.get(short) ?? []), iso2]);
  }
  for (const [short, owners] of shortForms) {
    const [only] = owners;
    if (owners.length === 1 && only !== undefined) add(short, only);
  }
  return [...byName]
    .map(([name, iso2]) => ({ name, iso2 }))
    .sort((a, b) => b.name.length - a.name.length);
}

/**
 * The names by their last word, each list in INDEX order (longest first). A name can end the
 * address only if its last word is the address's last word, so the scan reads those few names
 * instead of all of them: the same first match, at a fraction of the cost (a record import
 * checks two addresses per record, 100,000 records: bench/import-records-bench.ts).
 */
const BY_LAST_WORD = (() => {
  const byLastWord = new Map<string, NameEntry[]>();
  for (const entry of buildIndex()) {
    const last = entry.name.slice(entry.name.lastIndexOf(' ') + 1);
    byLastWord.set(last, [...(byLastWord.get(last) ?? []), entry]);
  }
  return byLastWord;
})();

/** A postal code or house number after the country ("Israel 52521") is not part of its name. */
function withoutTrailingNumbers(text: string): string {
  const words = text.split(' ');
  while (words.length > 0 && /\d/.test(words.at(-1) ?? '')) words.pop();
  return words.join(' ');
}

export type AddressCountry = { iso2: string; written: string };

/** The country the address ends with, or null when its end names no country. */
export function addressCountry(address: string): AddressCountry | null {
  const text = withoutTrailingNumbers(normalizeForMatch(address));
  if (text === '') return null;
  for (const entry of BY_LAST_WORD.get(text.slice(text.lastIndexOf(' ') + 1)) ?? []) {
    if (text === entry.name || text.endsWith(` ${entry.name}`)) {
      return { iso2: entry.iso2, written: entry.name };
    }
  }
  return null;
}

/** True when the address ends with this country, under any of its accepted names. */
export function addressEndsWithCountry(address: string, iso2: string): boolean {
  return addressCountry(address)?.iso2 === iso2;
}

/** "Belgium (BE)": how a finding names a country. */
export function describeCountry(iso2: string): string {
  return `${countryName(iso2) ?? iso2} (${iso2})`;
}
