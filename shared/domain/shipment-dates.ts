// Rule 8 across records (domain.md): the ship date is the day the shipment leaves the United
// States (15 CFR 30.7(c), the date of export the EEI reports), so it is recorded once it has
// happened: a ship date after today is a typo or a plan, and Census gets its copy only after
// export (31 CFR 592.301(a)(1)(iv)). A delivery follows its shipment, so it is never recorded on
// a day before the recorded ship date. "Today" is the licensee's local date on main's clock
// (electron/core/issuance/licensee-local-date.ts); the renderer uses its own only for instant
// feedback, main decides.
import { parseIsoDate } from './calendar-date';

export type ShipmentDateRefusal = {
  code: 'SHIP_DATE_IN_FUTURE' | 'DELIVERY_BEFORE_SHIPMENT';
  /** The field the refusal names: `shipDate` or `deliveredAt`. */
  field: 'shipDate' | 'deliveredAt';
  /** What is wrong with the field, naming the date. */
  fieldMessage: string;
  /** The whole refusal, as a licensee reads it. */
  message: string;
  source: string;
};

const SHIP_DATE_SOURCE = '15 CFR 30.7(c); 31 CFR 592.301(a)(1)(iv)';

/** Null when the ship date is today or earlier; a refusal naming both dates otherwise. */
export function checkShipDateNotFuture(
  shipDate: string,
  today: string,
): ShipmentDateRefusal | null {
  // A malformed date is the lifecycle's refusal (SHIP_DATE_INVALID), not this rule's.
  if (parseIsoDate(shipDate) === null || shipDate <= today) return null;
  return {
    code: 'SHIP_DATE_IN_FUTURE',
    field: 'shipDate',
    fieldMessage: `The ship date ${shipDate} is after today, ${today}: record the shipment on the day it leaves the United States, or later.`,
    message: `The ship date ${shipDate} is in the future (today is ${today}). The ship date is the day the shipment leaves the United States (${SHIP_DATE_SOURCE}); record it on that day or later. Nothing was changed.`,
    source: SHIP_DATE_SOURCE,
  };
}

/** Null when a delivery recorded today does not come before the recorded ship date. */
export function checkDeliveryAfterShipment(
  number: string,
  shipDate: string | null,
  today: string,
): ShipmentDateRefusal | null {
  if (shipDate === null || today >= shipDate) return null;
  return {
    code: 'DELIVERY_BEFORE_SHIPMENT',
    field: 'deliveredAt',
    fieldMessage: `The delivery date ${today} is before the ship date, ${shipDate}.`,
    message: `${number} was shipped on ${shipDate}; a delivery cannot be recorded before that (today is ${today}; check this computer's date). Nothing was changed.`,
    source: 'KP Desk rule 8 (a delivery follows its shipment)',
  };
}
