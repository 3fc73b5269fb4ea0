// The rules of a foreign certificate received on an import, as pure functions: they run in the
// renderer (refusals next to the fields as the licensee types) and in the core, which decides.
// Each refusal names its field and the rule. Sources: KPCS Annex I (the certificate's elements,
// "unique numbering with the Alpha 2 country code, according to ISO 3166-1"), 31 CFR 592.301
// (a)(1)(iii) and (a)(3) (Census copy after entry; receipt confirmation), 31 CFR 592.308 (the
// Participants the US trades with: shared/reference/data/kp-participants.json).
import { parseIsoDate, formatIsoDate } from '../domain/calendar-date';
import { readHundredths } from '../domain/decimal';
import { hsCodes, isIsoCountry, participantFor, participants } from '../reference/reference-data';
import type { IncomingCertificateFields } from './incoming-certificate-input';

/** Calendar days the licensee has to confirm receipt to the foreign exporting authority. */
export const RECEIPT_CONFIRMATION_DAYS = 15;
/** The reminder shows this many days before the due date. */
export const RECEIPT_REMINDER_DAYS = 5;

export const MIXED_ORIGIN = '****';

/** A certificate number as stored: upper case, no spaces or dashes ("bw 123-456" → "BW123456"). */
export function normalizeIncomingNumber(text: string): string {
  return text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '');
}

const INCOMING_NUMBER = /^[A-Z]{2}[A-Z0-9]{3,30}$/;

/** What the checks give back when nothing is refused: the values as the vault keeps them. */
export type CheckedIncoming = {
  number: string;
  exportingParticipant: string;
  issuingAuthority: string;
  dateOfIssue: string;
  dateOfExpiry: string;
  importer: { name: string; address: string };
  exporter: { name: string; address: string };
  parcels: number;
  caratsHundredths: number;
  valueCents: number;
  hsCodes: string[];
  origins: string[];
  portOfEntry: string;
  dateOfEntry: string;
  receiptDueOn: string;
};

export type IncomingCheck =
  { ok: true; value: CheckedIncoming } | { ok: false; fields: Record<string, string> };

/**
 * The ISO codes a Participant's certificates may be numbered with: its own code(s), and for the
 * EU (one Participant) "EU" or a member state's code (UNCONFIRMED which of the two each member
 * state prints; both are accepted, nothing else is).
 */
export function numberPrefixesOf(participantCode: string): readonly string[] | null {
  const code = participantCode.trim().toUpperCase();
  if (code === 'US') return null;
  const participant =
    participantFor(code) ??
    participants.find((p) => p.status === 'active' && p.iso2.includes(code));
  if (participant === undefined) return null;
  return [...participant.iso2, ...participant.memberStates];
}

function amount(
  raw: string,
  field: string,
  label: string,
  fields: Record<string, string>,
): number | null {
  const reading = readHundredths(raw);
  switch (reading.kind) {
    case 'ok':
      if (reading.hundredths >= 1) return reading.hundredths;
      fields[field] = `${label} must be more than zero.`;
      return null;
    case 'missing':
      fields[field] = `Enter the ${label.toLowerCase()} printed on the certificate.`;
      return null;
    case 'several':
      fields[field] = `Enter one ${label.toLowerCase()}: a certificate carries one total.`;
      return null;
    case 'precision':
      fields[field] = `${label} has at most two decimal places.`;
      return null;
    case 'currency':
      fields[field] =
        `${label} must be in US$ (written "${reading.written}"): convert it as the certificate states it in US$.`;
      return null;
    case 'format':
      fields[field] = `${label} must be a number such as 1234.50.`;
      return null;
  }
}

function date(
  raw: string,
  field: string,
  label: string,
  fields: Record<string, string>,
): number | null {
  if (raw.trim() === '') {
    fields[field] = `Enter the ${label} (YYYY-MM-DD).`;
    return null;
  }
  const day = parseIsoDate(raw);
  if (day === null) fields[field] = `The ${label} must be a real date written YYYY-MM-DD.`;
  return day;
}

function required(raw: string, field: string, message: string, fields: Record<string, string>) {
  if (raw.trim() === '') fields[field] = message;
  return raw.trim();
}

/** `today`: the licensee's local date (YYYY-MM-DD); an entry cannot be recorded before it happens. */
export function checkIncomingCertificate(
  input: IncomingCertificateFields,
  today: string,
): IncomingCheck {
  const fields: Record<string, string> = {};
  const participantCode = input.exportingParticipant.trim().toUpperCase();
  const prefixes = numberPrefixesOf(participantCode);
  if (participantCode === '')
    fields.exportingParticipant = 'Enter the exporting Participant (its ISO code, e.g. BW).';
  else if (participantCode === 'US')
    fields.exportingParticipant =
      'The exporting Participant of an incoming certificate cannot be the United States: the US is the importer.';
  else if (prefixes === null || !(participantCode === 'EU' || isIsoCountry(participantCode)))
    fields.exportingParticipant = `"${participantCode}" is not a KP Participant on the US list (31 CFR 592.308): no trade with a non-Participant.`;

  const number = normalizeIncomingNumber(input.number);
  if (number === '') fields.number = 'Enter the certificate number printed on the certificate.';
  else if (!INCOMING_NUMBER.test(number))
    fields.number =
      'The number must start with the exporting Participant\'s two-letter ISO code followed by letters and digits, e.g. "BW123456" (KPCS Annex I: unique numbering with the ISO 3166-1 alpha-2 code).';
  else if (number.startsWith('US'))
    fields.number =
      'A number starting with "US" is a US certificate, not a foreign one received on an import.';
  else if (prefixes !== null && !prefixes.includes(number.slice(0, 2)))
    fields.number = `The number starts with "${number.slice(0, 2)}", but the exporting Participant is ${participantCode}: a KP certificate is numbered with its Participant's ISO code (KPCS Annex I), so it must start with ${prefixes.join(' or ')}.`;

  const issuingAuthority = required(
    input.issuingAuthority,
    'issuingAuthority',
    'Enter the issuing authority named on the certificate.',
    fields,
  );
  const issue = date(input.dateOfIssue, 'dateOfIssue', 'date of issue', fields);
  const expiry = date(input.dateOfExpiry, 'dateOfExpiry', 'date of expiry', fields);
  const entry = date(input.dateOfEntry, 'dateOfEntry', 'date of entry', fields);
  const todayDay = parseIsoDate(today);
  if (issue !== null && expiry !== null && expiry <= issue)
    fields.dateOfExpiry = 'The date of expiry must be after the date of issue.';
  if (issue !== null && entry !== null && entry < issue)
    fields.dateOfEntry = 'The date of entry cannot be before the certificate was issued.';
  else if (expiry !== null && entry !== null && entry > expiry)
    fields.dateOfEntry =
      'The shipment entered after the certificate expired: an expired certificate is not valid for an import (KPCS Section IV). Contact CBP and the exporting authority.';
  else if (entry !== null && todayDay !== null && entry > todayDay)
    fields.dateOfEntry = `The date of entry is after today (${today}): register the certificate once the shipment has entered the United States.`;

  const importer = {
    name: required(
      input.importer.name,
      'importer.name',
      'Enter the importer (your name as on the certificate).',
      fields,
    ),
    address: required(
      input.importer.address,
      'importer.address',
      "Enter the importer's address.",
      fields,
    ),
  };
  const exporter = {
    name: required(
      input.exporter.name,
      'exporter.name',
      'Enter the foreign exporter named on the certificate.',
      fields,
    ),
    address: required(
      input.exporter.address,
      'exporter.address',
      "Enter the exporter's address.",
      fields,
    ),
  };

  const parcelsText = input.parcels.trim();
  const parcels = /^[1-9]\d{0,5}$/.test(parcelsText) ? Number(parcelsText) : null;
  if (parcels === null)
    fields.parcels =
      parcelsText === ''
        ? 'Enter the number of parcels printed on the certificate.'
        : 'The number of parcels must be a whole number of 1 or more.';
  const caratsHundredths = amount(input.carats, 'carats', 'Carats', fields);
  const valueCents = amount(input.valueUsd, 'valueUsd', 'Value in US$', fields);

  const known = new Set(hsCodes.map((h) => h.code));
  const codes = input.hsCodes.map((c) => c.trim()).filter((c) => c !== '');
  if (codes.length === 0)
    fields.hsCodes = `Enter the HS code(s) on the certificate: ${[...known].join(', ')}.`;
  else {
    const unknown = codes.find((c) => !known.has(c));
    if (unknown !== undefined)
      fields.hsCodes = `"${unknown}" is not a rough-diamond HS code; use ${[...known].join(', ')}.`;
    else if (new Set(codes).size !== codes.length) fields.hsCodes = 'An HS code is listed twice.';
  }

  const origins = input.origins.map((o) => o.trim().toUpperCase()).filter((o) => o !== '');
  if (origins.length === 0)
    fields.origins = `Enter the country of origin (ISO code), or ${MIXED_ORIGIN} for a shipment of mixed origin.`;
  else if (origins.includes(MIXED_ORIGIN) && origins.length > 1)
    fields.origins = `A shipment of mixed origin shows ${MIXED_ORIGIN} alone, not with countries.`;
  else {
    const bad = origins.find((o) => o !== MIXED_ORIGIN && !isIsoCountry(o));
    if (bad !== undefined) fields.origins = `"${bad}" is not an ISO 3166-1 alpha-2 country code.`;
    else if (new Set(origins).size !== origins.length)
      fields.origins = 'An origin is listed twice.';
  }

  const portOfEntry = required(
    input.portOfEntry,
    'portOfEntry',
    'Enter the US port of entry.',
    fields,
  );

  if (
    Object.keys(fields).length > 0 ||
    issue === null ||
    expiry === null ||
    entry === null ||
    parcels === null ||
    caratsHundredths === null ||
    valueCents === null
  )
    return { ok: false, fields };
  return {
    ok: true,
    value: {
      number,
      exportingParticipant: participantCode,
      issuingAuthority,
      dateOfIssue: formatIsoDate(issue),
      dateOfExpiry: formatIsoDate(expiry),
      importer,
      exporter,
      parcels,
      caratsHundredths,
      valueCents,
      hsCodes: codes,
      origins,
      portOfEntry,
      dateOfEntry: formatIsoDate(entry),
      receiptDueOn: receiptDueOn(formatIsoDate(entry)),
    },
  };
}

/** The date of entry + 15 calendar days (KPCS Section IV(c); 31 CFR 592.301(a)(3)). */
export function receiptDueOn(dateOfEntry: string): string {
  const day = parseIsoDate(dateOfEntry);
  if (day === null) throw new Error(`receiptDueOn: not a date: ${dateOfEntry}`);
  return formatIsoDate(day + RECEIPT_CONFIRMATION_DAYS);
}

export type ReceiptDuty = 'sent' | 'due' | 'due-soon' | 'overdue';

/** Where the receipt confirmation stands on `today`: overdue the day after its due date. */
export function receiptDuty(
  record: { receiptDueOn: string; receiptSentOn: string | null },
  today: string,
): ReceiptDuty {
  if (record.receiptSentOn !== null) return 'sent';
  const due = parseIsoDate(record.receiptDueOn);
  const now = parseIsoDate(today);
  if (due === null || now === null) return 'due';
  if (now > due) return 'overdue';
  return due - now <= RECEIPT_REMINDER_DAYS ? 'due-soon' : 'due';
}
