// Rule 8 (domain.md): the ship date is the day the shipment leaves the United States
// (15 CFR 30.7(c)), so it is never after today; a delivery is never recorded before its shipment.
import { describe, expect, it } from 'vitest';
import {
  checkDeliveryAfterShipment,
  checkShipDateNotFuture,
} from '../../../shared/domain/shipment-dates';

describe('checkShipDateNotFuture', () => {
  it('accepts today and any earlier day', () => {
    expect(checkShipDateNotFuture('2026-11-27', '2026-11-27')).toBeNull();
    expect(checkShipDateNotFuture('2026-11-20', '2026-11-27')).toBeNull();
  });

  it('refuses the next day, naming the field, both dates and the regulation', () => {
    const refusal = checkShipDateNotFuture('2026-11-28', '2026-11-27');
    expect(refusal?.code).toBe('SHIP_DATE_IN_FUTURE');
    expect(refusal?.field).toBe('shipDate');
    expect(refusal?.message).toContain('2026-11-28 is in the future (today is 2026-11-27)');
    expect(refusal?.message).toContain('15 CFR 30.7(c)');
    expect(refusal?.fieldMessage).toContain('after today, 2026-11-27');
  });

  it('compares calendar dates across month and year ends', () => {
    expect(checkShipDateNotFuture('2027-01-01', '2026-12-31')?.code).toBe('SHIP_DATE_IN_FUTURE');
    expect(checkShipDateNotFuture('2026-12-31', '2027-01-01')).toBeNull();
  });

  it('leaves a malformed date to the lifecycle (SHIP_DATE_INVALID)', () => {
    expect(checkShipDateNotFuture('soon', '2026-11-27')).toBeNull();
  });
});

describe('checkDeliveryAfterShipment', () => {
  it('accepts a delivery on or after the ship date', () => {
    expect(checkDeliveryAfterShipment('US10001', '2026-11-27', '2026-11-27')).toBeNull();
    expect(checkDeliveryAfterShipment('US10001', '2026-11-27', '2026-12-02')).toBeNull();
  });

  it('refuses a delivery before the ship date, naming the certificate and both dates', () => {
    const refusal = checkDeliveryAfterShipment('US10001', '2026-11-29', '2026-11-28');
    expect(refusal?.code).toBe('DELIVERY_BEFORE_SHIPMENT');
    expect(refusal?.field).toBe('deliveredAt');
    expect(refusal?.message).toContain('US10001 was shipped on 2026-11-29');
    expect(refusal?.message).toContain('today is 2026-11-28');
  });
});
