// Country fields accept names as well as codes (issue 16, first day): "Belg", "BE", "België" or
// "Belgique" all find Belgium. A certificate stores the ISO 3166-1 alpha-2 code (31 CFR
// 592.307(b) origin, (g) destination); what the user typed is only a way to find it. Names come
// from the reference data: ISO names in both orders, native names and common variants
// (reference/data/country-names.json), compared as the address rule compares them (case, accents
// and punctuation ignored, country-in-address.ts).
import { countryNameVariants } from '../reference/reference-data';
import { normalizeForMatch } from './country-in-address';

export type CountryCandidate = { iso2: string; name: string };

export type CountryMatch = CountryCandidate & {
  /** The name the text was found in, when not the ISO name itself ("België" for BE). */
  matchedName: string | null;
};

/** "Korea, Republic of" → "Republic of Korea". */
function naturalOrder(isoName: string): string {
  const comma = isoName.indexOf(',');
  return comma < 0 ? isoName : `${isoName.slice(comma + 1).trim()} ${isoName.slice(0, comma)}`;
}

/** Every name a candidate is known by, the ISO name first. */
export function namesOf(candidate: CountryCandidate): string[] {
  return [
    candidate.name,
    naturalOrder(candidate.name),
    ...(countryNameVariants[candidate.iso2] ?? []),
  ];
}

// Rank of a match: lower is better. A code typed in full beats everything; a name that starts
// with the text beats one where the text starts a later word, which beats one that contains it.
const CODE = 0;
const NAME_EXACT = 1;
const NAME_START = 2;
const WORD_START = 3;
const INSIDE = 4;

function rankName(name: string, text: string): number | null {
  const normal = normalizeForMatch(name);
  if (normal === text) return NAME_EXACT;
  if (normal.startsWith(text)) return NAME_START;
  if (normal.includes(` ${text}`)) return WORD_START;
  if (text.length >= 3 && normal.includes(text)) return INSIDE;
  return null;
}

/**
 * The candidates whose code or any name matches the typed text, best first (then by ISO name).
 * Two letters are also read as a code: "BE" finds Belgium first, then names starting with "be".
 */
export function searchCountries(
  typed: string,
  candidates: readonly CountryCandidate[],
): CountryMatch[] {
  const text = normalizeForMatch(typed);
  if (text === '') return [];
  const code = typed.trim().toUpperCase();
  const found: { match: CountryMatch; rank: number }[] = [];
  for (const candidate of candidates) {
    if (candidate.iso2 === code) {
      found.push({ match: { ...candidate, matchedName: null }, rank: CODE });
      continue;
    }
    let best: { rank: number; name: string } | null = null;
    for (const name of namesOf(candidate)) {
      const rank = rankName(name, text);
      if (rank !== null && (best === null || rank < best.rank)) best = { rank, name };
    }
    if (best !== null)
      found.push({
        match: { ...candidate, matchedName: best.name === candidate.name ? null : best.name },
        rank: best.rank,
      });
  }
  return found
    .sort((a, b) => a.rank - b.rank || a.match.name.localeCompare(b.match.name))
    .map((entry) => entry.match);
}

/**
 * The code a country field should store for what was typed: the code itself (any case), or the
 * one country whose name (ISO, native or variant) is exactly the text. Null when the text is not a
 * whole name or names several countries: the field keeps what was typed and the rules judge it.
 */
export function countryCodeFor(
  typed: string,
  candidates: readonly CountryCandidate[],
): string | null {
  const code = typed.trim().toUpperCase();
  if (candidates.some((candidate) => candidate.iso2 === code)) return code;
  const text = normalizeForMatch(typed);
  if (text === '') return null;
  const exact = candidates.filter((candidate) =>
    namesOf(candidate).some((name) => normalizeForMatch(name) === text),
  );
  return exact.length === 1 ? (exact[0]?.iso2 ?? null) : null;
}
