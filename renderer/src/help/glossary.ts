// The glossary of the in-app help (issue 16, first day): the words a small dealer meets for the
// first time, explained in plain words, each with the public text of the rule it comes from. All
// help content lives here, as data; the panel, the glossary page and the fields' "What is this?"
// links only show it. Texts that exist in the reference data (the warranty statements, the HS
// code lines, the tamper-resistant definition of 31 CFR 592.314) are taken from there, never
// retyped, so the help and the certificate cannot drift apart.
import { hsCodes, systemOfWarranties } from '../../../shared/reference/reference-data';
import { tamperResistantDefinition, tamperResistantNotEnough } from '../wizard/wizard-texts';

export const glossaryIds = [
  'kimberley-process',
  'kp-certificate',
  'kp-participant',
  'country-of-origin',
  'hs-codes',
  'carats',
  'aes',
  'itn',
  'warranty',
  'tamper-resistant',
  'licensee',
  'consignee',
  'void',
  'uskpa',
  'census',
] as const;
export type GlossaryId = (typeof glossaryIds)[number];

/** A public text the entry rests on: a regulation on eCFR, the KPCS, an agency page. */
export type GlossaryLink = { label: string; url: string };

export type GlossaryEntry = {
  id: GlossaryId;
  term: string;
  /** One sentence: what the word means. */
  short: string;
  /** The plain-words explanation, one paragraph per string. */
  paragraphs: readonly string[];
  /** Exact texts shown as quotations (the warranty statements, a definition). */
  quotes?: readonly { title: string; text: string }[];
  links: readonly GlossaryLink[];
};

const ECFR = 'https://www.ecfr.gov/current';
const cfrPart = (title: number, part: number): GlossaryLink => ({
  label: `${String(title)} CFR ${String(part)}`,
  url: `${ECFR}/title-${String(title)}/part-${String(part)}`,
});
const cfrSection = (title: number, section: string, label?: string): GlossaryLink => ({
  label: label ?? `${String(title)} CFR ${section}`,
  url: `${ECFR}/title-${String(title)}/section-${section}`,
});

const KPCS: GlossaryLink = {
  label: 'Kimberley Process Certification Scheme (KPCS core document)',
  url: 'https://www.kimberleyprocess.com/en/kpcs-core-document',
};
const RDCR: GlossaryLink = {
  ...cfrPart(31, 592),
  label: '31 CFR 592 (Rough Diamonds Control Regulations)',
};
const FTR: GlossaryLink = { ...cfrPart(15, 30), label: '15 CFR 30 (Foreign Trade Regulations)' };
const CBP_RULE = cfrSection(19, '12.152', '19 CFR 12.152 (CBP: importing rough diamonds)');
const USKPA_SITE: GlossaryLink = {
  label: 'USKPA (United States Kimberley Process Authority)',
  url: 'https://www.uskpa.org',
};
const CENSUS_AES: GlossaryLink = {
  label: 'Census Bureau: AES (Automated Export System)',
  url: 'https://www.census.gov/foreign-trade/aes/index.html',
};
const ACE_PORTAL: GlossaryLink = {
  label: 'CBP ACE portal (where AES is filed: ACE AESDirect)',
  url: 'https://ace.cbp.dhs.gov',
};
const WDC: GlossaryLink = {
  label: 'World Diamond Council: System of Warranties',
  url: 'https://www.worlddiamondcouncil.org/core-values/',
};

const hsLines = hsCodes.map((entry) => `${entry.code}: ${entry.label}.`);

export const glossary: readonly GlossaryEntry[] = [
  {
    id: 'kimberley-process',
    term: 'Kimberley Process (KP)',
    short: 'The agreement between governments that keeps conflict diamonds out of the rough trade.',
    paragraphs: [
      'Since 2003 the Kimberley Process Certification Scheme (KPCS) makes every shipment of rough (uncut) diamonds between its member countries travel with a KP certificate. Its aim is to stop "conflict diamonds": rough diamonds sold by rebel movements to pay for war.',
      'Rough diamonds may go only to, and come only from, KP Participants. In the United States the scheme is law through the Clean Diamond Trade Act, the Treasury’s Rough Diamonds Control Regulations (31 CFR 592), the Census Bureau’s export rules (15 CFR 30) and CBP’s import rules (19 CFR 12.152).',
    ],
    links: [KPCS, RDCR, FTR, CBP_RULE],
  },
  {
    id: 'kp-certificate',
    term: 'KP certificate (Kimberley Process certificate)',
    short: 'The document that must travel with every export of rough diamonds.',
    paragraphs: [
      'A forgery-resistant form, bought blank and pre-numbered from USKPA, that states where the diamonds were mined, who sends and who receives them, their weight in carats, their value in US dollars, the number of parcels and the HS code. Its number is "US" followed by the digits of the form, and a number is never used twice.',
      'It becomes valid only once the ITN from AES is written on it. It expires at most 60 days after the date of issue (USKPA practice). One certificate covers one HS code: a shipment with several codes needs one certificate per code. The original travels with the shipment; you keep a copy.',
    ],
    links: [cfrSection(31, '592.307'), cfrSection(31, '592.301'), KPCS],
  },
  {
    id: 'kp-participant',
    term: 'KP Participant',
    short: 'A country (or the European Union) that takes part in the Kimberley Process.',
    paragraphs: [
      'Only Participants may trade rough diamonds with each other. The European Union counts as one Participant for all its member states. The destination of an export from the United States must be a Participant other than the United States; KP Desk lists only those.',
    ],
    links: [cfrSection(31, '592.307'), KPCS],
  },
  {
    id: 'country-of-origin',
    term: 'Country of origin',
    short: 'The country where the diamonds were mined, not where you bought them.',
    paragraphs: [
      'One country, written as its two-letter code (e.g. BW for Botswana). When any parcel mixes diamonds from several countries, write **** (mixed origin) instead; never a list.',
      'US is wrong for diamonds that were imported and are now re-exported, a common error. It is right only for a stone recovered in the United States (for example at Crater of Diamonds State Park, Arkansas): the certificate then declares where it was recovered and that it was not imported.',
    ],
    links: [cfrSection(31, '592.307'), KPCS],
  },
  {
    id: 'hs-codes',
    term: 'HS codes (7102.10, 7102.21, 7102.31)',
    short: 'The customs numbers for the three kinds of rough diamonds.',
    paragraphs: [
      'The Harmonized System (HS) is the numbering customs offices use worldwide to classify goods. Rough diamonds have three codes:',
      ...hsLines,
      'Unsorted means not yet sorted into industrial and gem quality. Cut and polished diamonds have other codes and need no KP certificate. The US tariff writes the same codes with more digits (7102.31.00 or 7102.31.0000); KP Desk reads them as the same code. One certificate carries one code.',
    ],
    links: [
      cfrSection(31, '592.307'),
      CBP_RULE,
      { label: 'Harmonized Tariff Schedule of the United States', url: 'https://hts.usitc.gov' },
    ],
  },
  {
    id: 'carats',
    term: 'Carats (ct)',
    short: 'The unit of weight for diamonds: one carat is 0.2 gram.',
    paragraphs: [
      'The certificate gives the total weight of the shipment in carats with at most two decimals, e.g. 12.50, and at least 0.01. With the value, it gives the price per carat that KP Desk compares with the usual range for the HS code, to catch a slipped decimal point.',
    ],
    links: [cfrSection(31, '592.307'), KPCS],
  },
  {
    id: 'aes',
    term: 'AES (Automated Export System)',
    short:
      'The US government system in which every rough-diamond export is filed before it leaves.',
    paragraphs: [
      'Before the shipment leaves, you or your freight forwarder file its Electronic Export Information (EEI) in AES, whatever its value and even to Canada. AES answers with an ITN, which you write on the certificate.',
      'AES is filed through CBP’s ACE portal (ACE AESDirect, free of charge), or by a forwarder’s software. Key licence type T12, the certificate number without "US" as the licence number, and the certificate’s value as the licence value.',
      'File in time: by air at least 2 hours before departure, by vessel 24 hours before loading, by truck 1 hour before reaching the border, by rail, mail or other means 2 hours before.',
    ],
    links: [cfrPart(15, 30), cfrSection(15, '30.4'), CENSUS_AES, ACE_PORTAL],
  },
  {
    id: 'itn',
    term: 'ITN (Internal Transaction Number)',
    short: 'The confirmation number AES gives when it accepts your export filing.',
    paragraphs: [
      'An X, the date AES accepted the filing (year, month, day) and six digits, e.g. X20190308366903. Writing the ITN on the KP certificate completes its validation: without it the certificate is not valid for export.',
    ],
    links: [cfrSection(31, '592.301'), cfrSection(15, '30.7'), CENSUS_AES],
  },
  {
    id: 'warranty',
    term: 'Warranty statement (System of Warranties)',
    short: 'The statement on your invoices that the diamonds are conflict free.',
    paragraphs: [
      'The Kimberley Process follows rough diamonds from mine to export. The diamond industry’s System of Warranties (SoW), run by the World Diamond Council with the KP’s support, carries the assurance along the trade: every seller writes a warranty statement on its invoices, and every buyer keeps them.',
      'Before you issue a certificate you confirm that the shipment’s invoices carry the warranty. The statement belongs on the invoice; it is not printed on the KP certificate. The current wording and the original one:',
    ],
    quotes: [
      { title: 'Revised statement (WDC, 2021)', text: systemOfWarranties.revised },
      { title: 'Original statement (WDC, 2003)', text: systemOfWarranties.original },
    ],
    links: [WDC, KPCS, RDCR],
  },
  {
    id: 'tamper-resistant',
    term: 'Tamper-resistant packaging',
    short: 'A sealed container that shows visibly when someone opened it.',
    paragraphs: [
      'The diamonds travel sealed in such a container with the original certificate, e.g. a single-use security bag with a numbered seal. Record the kind of container and its seal numbers; the certificate number may be written on the container too.',
    ],
    quotes: [
      {
        title: 'The rule’s own words (31 CFR 592.314)',
        text: `${tamperResistantDefinition} ${tamperResistantNotEnough}`,
      },
    ],
    links: [cfrSection(31, '592.314'), cfrSection(31, '592.301')],
  },
  {
    id: 'licensee',
    term: 'Licensee',
    short: 'A company licensed by USKPA to issue US KP certificates: you.',
    paragraphs: [
      'A licensee buys the pre-numbered blank certificates from USKPA, issues them for its shipments and reports each certificate’s use back to USKPA. Most licensees may issue only for their own shipments and are always their own exporter. Four common carriers (Brink’s, Ferrari, Loomis and Malca-Amit) may issue for other exporters.',
    ],
    links: [USKPA_SITE, RDCR],
  },
  {
    id: 'consignee',
    term: 'Ultimate consignee',
    short: 'Who finally receives the diamonds abroad, not a forwarder on the way.',
    paragraphs: [
      'The certificate names the ultimate consignee with an address whose country is the country of destination, written out (e.g. "… 2018 Antwerp, Belgium"). The destination must be a KP Participant other than the United States.',
    ],
    links: [cfrSection(31, '592.307'), cfrSection(15, '30.1')],
  },
  {
    id: 'void',
    term: 'Void (a voided certificate)',
    short: 'A certificate cancelled for good; its number is never used again.',
    paragraphs: [
      'Void a certificate that must not travel: misprinted, lost, the shipment was cancelled or returned, or it expired before the shipment left. Give the reason. A voided number is never reused, and a copy of the voided certificate goes to Census at once. A returned shipment needs a new certificate.',
    ],
    links: [cfrSection(31, '592.301'), cfrSection(15, '30.4')],
  },
  {
    id: 'uskpa',
    term: 'USKPA (United States Kimberley Process Authority)',
    short: 'The non-profit that licenses US companies to issue KP certificates.',
    paragraphs: [
      'Working under an agreement with the Department of State and the Census Bureau, USKPA licenses the companies that issue US KP certificates, sells the blank forms, keeps the record of every certificate and reviews licensees’ records.',
    ],
    links: [USKPA_SITE, RDCR],
  },
  {
    id: 'census',
    term: 'Census (US Census Bureau)',
    short: 'The US exporting authority for the Kimberley Process.',
    paragraphs: [
      'Census runs AES with CBP and confirms each export through its ITN. It must receive a copy of every certificate immediately after export, and of every voided certificate immediately on voiding (by fax or its secure file transfer). Keep your copies and export records for at least 5 years; KP Desk keeps them 10 by default.',
    ],
    links: [cfrPart(15, 30), cfrSection(31, '592.301'), CENSUS_AES],
  },
];

const byId = new Map<GlossaryId, GlossaryEntry>(glossary.map((entry) => [entry.id, entry]));

export function glossaryEntry(id: GlossaryId): GlossaryEntry {
  const entry = byId.get(id);
  // Every id has its entry (a unit test checks the list); this guards a future edit.
  if (entry === undefined) throw new Error(`No glossary entry for ${id}`);
  return entry;
}
