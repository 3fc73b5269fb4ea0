// stock:voidBlank: a spoiled blank form never drafted is voided for good, with a reason from
// USKPA's list (notes for "Other"), audited, and queued for Census and USKPA in the outbox, all
// in one transaction; a form that carries a certificate, an unknown number or a bad reason is
// refused and nothing changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Staff, TestVault } from './vault-fixture';
import { dumpTables, failureOf, openTestVault, seedVault, validDraft } from './vault-fixture';
import { createChannelHarness } from '../../helpers/vault-channel-harness';

let vault: TestVault;
let staff: Staff;
beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
});
afterEach(() => vault.close());

describe('voiding a blank form', () => {
  it('voids it for good, records why, audits it and queues the copies', () => {
    const { issuance, stock, outbox } = vault.services;
    expect(
      issuance.voidBlank(staff.operator, {
        number: 'us 12341',
        reason: 'Other (notes required)',
        notes: 'Jammed in the printer and torn.',
      }),
    ).toBe('US12341');
    expect(stock.get('US12341')).toMatchObject({ status: 'voided' });
    expect(stock.blankVoid('US12341')).toMatchObject({
      reason: 'Other (notes required)',
      notes: 'Jammed in the printer and torn.',
      voidedBy: staff.operator.userId,
    });
    const queued = outbox.listPending();
    expect(
      queued.map((row) => [row.recipient, row.reason, row.stockNumber, row.certificateId]),
    ).toEqual([
      ['census', 'voided', 'US12341', null],
      ['uskpa', 'voided', 'US12341', null],
    ]);
    expect(queued[0]?.payload).toMatchObject({ number: 'US12341', previousState: 'IN_STOCK' });
    expect(vault.services.audit.verify()).toMatchObject({ ok: true });
    // Never usable again.
    expect(
      failureOf(() =>
        issuance.createDraft(staff.operator, { number: 'US12341', draft: validDraft('US12341') }),
      ).code,
    ).toBe('STOCK_NUMBER_UNAVAILABLE');
  });

  it('refuses a bad reason, missing notes, a used or unknown number and a reviewer; nothing changes', () => {
    const { issuance } = vault.services;
    issuance.createDraft(staff.operator, { number: 'US12340', draft: validDraft('US12340') });
    const before = dumpTables(vault.db);
    const noNotes = failureOf(() =>
      issuance.voidBlank(staff.operator, { number: 'US12342', reason: 'Other (notes required)' }),
    );
    expect(noNotes).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { notes: expect.any(String) as string },
    });
    expect(
      failureOf(() =>
        issuance.voidBlank(staff.operator, { number: 'US12342', reason: 'Spilled coffee' }),
      ),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { reason: expect.stringContaining('Printer error') as string },
    });
    // A reason that describes a certificate that travelled does not fit an unused form (issue 16).
    expect(
      failureOf(() =>
        issuance.voidBlank(staff.operator, {
          number: 'US12342',
          reason: 'Customer canceled shipment',
        }),
      ),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { reason: expect.stringContaining('only for one of: Printer error') as string },
    });
    expect(
      failureOf(() =>
        issuance.voidBlank(staff.operator, { number: 'US12340', reason: 'Printer error' }),
      ),
    ).toMatchObject({
      code: 'STOCK_NUMBER_UNAVAILABLE',
      message: expect.stringContaining('void the certificate') as string,
    });
    expect(
      failureOf(() =>
        issuance.voidBlank(staff.operator, { number: 'US99999', reason: 'Printer error' }),
      ).code,
    ).toBe('STOCK_NUMBER_UNAVAILABLE');
    expect(
      failureOf(() =>
        issuance.voidBlank(staff.reviewer, { number: 'US12342', reason: 'Printer error' }),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      failureOf(() =>
        issuance.voidBlank(staff.operator, {
          number: 'US12342',
          reason: 'Printer error',
          extra: 1,
        }),
      ).code,
    ).toBe('INVALID_INPUT');
    expect(dumpTables(vault.db)).toEqual(before);
    issuance.voidBlank(staff.operator, { number: 'US12342', reason: 'Printer error' });
    expect(
      failureOf(() =>
        issuance.voidBlank(staff.operator, { number: 'US12342', reason: 'Printer error' }),
      ).message,
    ).toMatch(/already voided/);
  });
});

describe('the stock:voidBlank channel', () => {
  it('answers the new stock summary', async () => {
    const h = createChannelHarness();
    try {
      await h.firstRun();
      await h.value('stock:register', { numbers: 'US10000-US10002' });
      expect(
        await h.value('stock:voidBlank', { number: 'US10001', reason: 'Printer error' }),
      ).toMatchObject({
        counts: { available: 2, used: 0, voided: 1 },
      });
      expect(await h.code('stock:voidBlank', { number: 'US10001', reason: 'Printer error' })).toBe(
        'STOCK_NUMBER_UNAVAILABLE',
      );
    } finally {
      h.dispose();
    }
  });
});
