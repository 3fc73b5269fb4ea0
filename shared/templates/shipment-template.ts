// Saved templates for repeat shipments (issue 15, part 6). A carrier ships for the same exporter
// to the same consignee, with the same HS code, origin, destination and port, many times; a
// template keeps only what may repeat. What belongs to one shipment is never in it, and the
// schemas below are strict, so a template carrying one of those fields is refused, not trimmed:
// the form number (used once, 31 CFR 592.307(c)), the dates of issue, expiry and export, the ITN
// (each export files its own EEI, 31 CFR 592.301(a)(5)), the AES licence number, the carat weight
// and the value (592.307(h)-(i): the values of a shipment are its own).
// The exporter and consignee are address-book entries, referred to by id: an address changed in
// the address book is the one the next shipment uses. Names go through personText (NFC, no
// control or invisible characters), as every typed name in KP Desk.
import { z } from 'zod';
import { PartySchema } from '../domain/certificate-draft';
import { personText } from '../records/person-text';

export const TEMPLATE_NAME_MAX = 80;

export const TemplateNameSchema = personText('name', 'template name')
  .trim()
  .min(1, 'Name the template, e.g. "Antwerp weekly, 7102.31".')
  .max(TEMPLATE_NAME_MAX, `A template name has at most ${String(TEMPLATE_NAME_MAX)} characters.`);

/** Names are unique per vault regardless of letter case ("Antwerp" and "ANTWERP" are one). */
export function templateNameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en-US');
}

const country = (label: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^([A-Z]{2}|\*\*\*\*)?$/,
      `The ${label} is an ISO 3166-1 alpha-2 code such as BE, or empty.`,
    );

const line = (label: string) => personText('line', label).trim().max(120).default('');

/**
 * templates:save. The draft's repeatable part as the wizard holds it (exporter and consignee by
 * name and address, which must be entries of the address book when not empty), plus what the
 * certificate has no box for: the port of exit or entry and the carrier.
 */
export const TemplateSaveSchema = z
  .object({
    name: TemplateNameSchema,
    exporter: PartySchema.default({ name: '', address: '' }),
    consignee: PartySchema.default({ name: '', address: '' }),
    countryOfOrigin: country('country of origin').default(''),
    destinationCountry: country('country of destination').default(''),
    hsCodes: z
      .array(
        z
          .string()
          .trim()
          .regex(/^\d{4}\.\d{2}$/, 'An HS code is written like 7102.31.'),
      )
      .max(3)
      .default([]),
    portOfExit: line('port of exit'),
    carrier: line('carrier'),
    /** The usual number of parcels, as typed ('' when none): a whole number from 1. */
    usualParcels: z
      .string()
      .trim()
      .regex(/^([1-9]\d{0,3})?$/, 'The usual number of parcels is a whole number from 1 to 9999.')
      .default(''),
  })
  .strict();

export type TemplateSaveInput = z.input<typeof TemplateSaveSchema>;

export const TemplateRenameSchema = z
  .object({ name: z.string().min(1).max(200), newName: TemplateNameSchema })
  .strict();

export const TemplateNameInputSchema = z.object({ name: z.string().min(1).max(200) }).strict();

const PartyRefSchema = z
  .object({
    id: z.number().int(),
    /** The entry as the address book holds it now; null when it was deleted from the book. */
    name: z.string().nullable(),
  })
  .strict();

export const ShipmentTemplateSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    exporter: PartyRefSchema.nullable(),
    consignee: PartyRefSchema.nullable(),
    countryOfOrigin: z.string(),
    destinationCountry: z.string(),
    hsCodes: z.array(z.string()),
    portOfExit: z.string(),
    carrier: z.string(),
    usualParcels: z.number().int().nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
  })
  .strict();

export type ShipmentTemplate = z.output<typeof ShipmentTemplateSchema>;

/** templates:apply: the draft fields a template fills; the wizard then validates as usual. */
export const AppliedTemplateSchema = z
  .object({
    template: ShipmentTemplateSchema,
    fields: z
      .object({
        exporter: PartySchema.nullable(),
        consignee: PartySchema.nullable(),
        countryOfOrigin: z.string(),
        destinationCountry: z.string(),
        hsCodes: z.array(z.string()),
        parcels: z.string(),
      })
      .strict(),
  })
  .strict();

export type AppliedTemplate = z.output<typeof AppliedTemplateSchema>;
