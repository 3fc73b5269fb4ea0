// How a template's content reads in the app (the dialogs and the Templates page).
import type { ShipmentTemplate } from '../../../shared/templates/shipment-template';

export function partyWords(ref: ShipmentTemplate['exporter']): string {
  if (ref === null) return '—';
  return ref.name ?? 'No longer in the address book';
}

/** The template's goods and route on one line: "7102.31 · origin CD · to BE · 2 parcels". */
export function routeWords(template: ShipmentTemplate): string {
  return [
    template.hsCodes.join(', '),
    template.countryOfOrigin === '' ? '' : `origin ${template.countryOfOrigin}`,
    template.destinationCountry === '' ? '' : `to ${template.destinationCountry}`,
    template.usualParcels === null
      ? ''
      : `${String(template.usualParcels)} parcel${template.usualParcels === 1 ? '' : 's'}`,
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

/** Names that contain the search text, letter case and accents as typed (NFC) ignored. */
export function matchesName(template: ShipmentTemplate, search: string): boolean {
  const wanted = search.normalize('NFC').trim().toLocaleLowerCase('en-US');
  return wanted === '' || template.name.toLocaleLowerCase('en-US').includes(wanted);
}

/** What a template never keeps, said where one is saved. */
export const NOT_KEPT =
  'Not kept: the form number, the dates, the ITN, the AES licence, the carats and the value. They belong to one shipment (31 CFR 592.307(c)).';
