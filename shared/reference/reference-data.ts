// The one module through which the app reads its reference data. The JSON files in ./data are
// copied from the project's researched sources (each file names its sources and as-of date);
// the packaged app carries them inside the bundle. Replace a file, not this code, when the
// Department of State publishes a new Participant list (31 CFR 592.308).
import countryNames from './data/country-names.json';
import iso3166 from './data/iso3166.json';
import kpParticipants from './data/kp-participants.json';
import usReference from './data/us-reference.json';
import usTradeMeasures from './data/us-trade-measures.json';

export type Participant = {
  name: string;
  /** ISO codes covered; the EU's own entry is "EU" and its member states are in memberStates. */
  iso2: readonly string[];
  kind: string;
  status: string;
  memberStates: readonly string[];
  statusNote: string;
};

export type HsCodeEntry = (typeof usReference.hsCodes)[number];
export type PortOfExport = (typeof usReference.portsOfExport)[number];

/** As-of date of the Federal Register list the Participant data reflects. */
export const participantsAsOf: string = kpParticipants.asOf;
export const participants: readonly Participant[] = kpParticipants.participants;

const namesByCode = new Map<string, string>(iso3166.map((c) => [c.iso2, c.name]));

/** Every ISO 3166-1 country with its English short name. */
export const isoCountries: readonly { iso2: string; name: string }[] = iso3166;

/**
 * Native names and common variants of a country, beyond its ISO name, as written on the last
 * line of an address (country-names.json names its sources).
 */
export const countryNameVariants: Readonly<Record<string, readonly string[]>> = countryNames.names;
const participantByCountry = new Map<string, Participant>();
for (const participant of participants) {
  if (participant.status !== 'active') continue;
  for (const code of [...participant.iso2, ...participant.memberStates]) {
    if (namesByCode.has(code)) participantByCountry.set(code, participant);
  }
}

/** True for an ISO 3166-1 alpha-2 code (upper case). */
export function isIsoCountry(iso2: string): boolean {
  return namesByCode.has(iso2);
}

export function countryName(iso2: string): string | undefined {
  return namesByCode.get(iso2);
}

/** The active KP Participant that covers this country (EU member states map to the EU). */
export function participantFor(iso2: string): Participant | undefined {
  return participantByCountry.get(iso2);
}

/** Every country covered by an active Participant, sorted by name, for pickers. */
export function participantCountries(): { iso2: string; name: string }[] {
  return [...participantByCountry.keys()]
    .map((iso2) => ({ iso2, name: namesByCode.get(iso2) ?? iso2 }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const hsCodes: readonly HsCodeEntry[] = usReference.hsCodes;
export const portsOfExport: readonly PortOfExport[] = usReference.portsOfExport;
export const voidReasons: readonly string[] = usReference.voidReasons;
export const formText = usReference.certificateFormText;
export const systemOfWarranties = usReference.systemOfWarranties;
export const censusSubmission = usReference.censusSubmission;
export const aesReference = usReference.aes;

/**
 * A US measure on trade with a KP Participant beyond the KPCS (sanctions, export controls), as
 * us-trade-measures.json records it with its source: which side of the shipment it concerns, for
 * which HS codes, and whether it blocks issuance or asks the licensee to check.
 */
export type TradeMeasure = {
  iso2: string;
  appliesTo: 'origin' | 'destination';
  hsCodes: readonly string[];
  severity: 'error' | 'warning';
  message: string;
  source: string;
};

export const tradeMeasures: readonly TradeMeasure[] = usTradeMeasures.measures.map((m) => ({
  ...m,
  appliesTo: m.appliesTo === 'origin' ? 'origin' : 'destination',
  severity: m.severity === 'error' ? 'error' : 'warning',
}));
export const tradeMeasuresAsOf: string = usTradeMeasures.asOf;

/**
 * The measure for this country on this side of the shipment, for this HS code. With no readable
 * code yet, the strictest measure for the country (an error before a warning).
 */
export function tradeMeasureFor(
  iso2: string,
  side: 'origin' | 'destination',
  hsCode: string | null,
): TradeMeasure | undefined {
  const candidates = tradeMeasures.filter(
    (m) =>
      m.iso2 === iso2 && m.appliesTo === side && (hsCode === null || m.hsCodes.includes(hsCode)),
  );
  return candidates.find((m) => m.severity === 'error') ?? candidates[0];
}
