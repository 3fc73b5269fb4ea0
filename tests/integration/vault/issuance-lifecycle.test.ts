// The whole life of a certificate through the issuance service, on a real encrypted vault: each
// step's row, audit events and outbox rows, and the chain verifying at the end.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Staff, TestVault } from './vault-fixture';
import { failureOf, openTestVault, seedVault, validDraft } from './vault-fixture';

let vault: TestVault;
let staff: Staff;

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
});
afterEach(() => vault.close());

function eventsFor(entityType: string, entityId: string | number): string[] {
  return vault.db
    .prepare<[string, string], string>(
      'SELECT action FROM audit_events WHERE entity_type = ? AND entity_id = ? ORDER BY seq',
    )
    .pluck()
    .all(entityType, String(entityId));
}

const packaging = {
  description: '2 sealed parcels in a tamper-resistant box',
  sealNumbers: ['S-1'],
};
const warranty = {
  statement:
    'The diamonds herein invoiced have been purchased from legitimate sources not involved in funding conflict.',
  invoiceNumbers: ['INV-7'],
};

describe('the issuance service', () => {
  it('takes a certificate from stock to delivery, auditing every step in one transaction each', () => {
    const { issuance, certificates, stock, outbox, audit } = vault.services;
    const { operator } = staff;
    const draft = validDraft('US12345');
    const created = issuance.createDraft(operator, {
      number: 'US12345',
      draft: { ...draft, itn: '' },
    });
    expect(created.state).toBe('DRAFT');
    expect(stock.get('US12345')?.status).toBe('used');

    const edited = issuance.updateDraft(operator, {
      id: created.id,
      draft: { ...draft, itn: '', carats: '12.75' },
      expectedVersion: created.version,
    });
    expect(edited.state).toBe('DRAFT');
    expect(edited.version).toBe(created.version + 1);

    const validated = issuance.recordItn(operator, { id: created.id, itn: 'x20261127123456' });
    expect(validated.state).toBe('VALIDATED');
    expect(validated.draft.itn).toBe('X20261127123456');

    const issued = issuance.issue(operator, {
      id: created.id,
      attested: true,
      packaging,
      warranty,
    });
    expect(issued.state).toBe('ISSUED');
    expect(issued.attestedBy).toBe(operator.userId);
    expect(issued.packaging).toEqual(packaging);

    vault.clock.now = new Date('2026-11-28T15:00:00.000Z'); // the day it leaves (rule 8)
    const shipped = issuance.ship(operator, { id: created.id, shipDate: '2026-11-28' });
    expect(shipped.state).toBe('SHIPPED');
    const delivered = issuance.deliver(operator, { id: created.id, importConfirmed: true });
    expect(delivered.state).toBe('DELIVERED');
    expect(delivered.importConfirmed).toBe(true);

    expect(certificates.getByNumber('us 12345')?.id).toBe(created.id);
    expect(certificates.findByItn('X20261127123456').map((c) => c.id)).toEqual([created.id]);
    expect(eventsFor('certificate', created.id)).toEqual([
      'certificate.create',
      'certificate.update-draft',
      'certificate.record-itn',
      'certificate.issue',
      'certificate.ship',
      'certificate.deliver',
    ]);
    // Registered by its range's one event (batch 1, issue 13 part 6); taken by its own.
    expect(eventsFor('stock_range', 1)).toEqual(['stock.register-range']);
    expect(eventsFor('stock', 'US12345')).toEqual(['stock.take']);
    const sent = outbox.listForCertificate(created.id);
    expect(sent.map((row) => `${row.recipient}:${row.reason}`)).toEqual([
      'uskpa:issued',
      'census:shipped',
    ]);
    expect(sent[0]?.payload).toMatchObject({ number: 'US12345', caratHundredths: 1275 });
    expect(audit.verify()).toEqual({ ok: true, eventsChecked: expect.any(Number) as number });
  });

  it('refuses to issue a certificate with error findings, naming the fields, and changes nothing', () => {
    const { issuance, certificates } = vault.services;
    const bad = { ...validDraft('US12346'), destinationCountry: 'US' };
    const created = issuance.createDraft(staff.operator, { number: 'US12346', draft: bad });
    issuance.recordItn(staff.operator, { id: created.id, itn: 'X20261127123456' });
    const failure = failureOf(() =>
      issuance.issue(staff.operator, { id: created.id, attested: true, packaging, warranty }),
    );
    expect(failure.code).toBe('CERTIFICATE_HAS_ERRORS');
    expect(Object.keys(failure.fields ?? {})).toContain('destinationCountry');
    expect(certificates.get(created.id)?.state).toBe('VALIDATED');
  });

  it('maps lifecycle refusals to ILLEGAL_TRANSITION with the lifecycle message', () => {
    const { issuance } = vault.services;
    const created = issuance.createDraft(staff.operator, {
      number: 'US12347',
      draft: validDraft('US12347'),
    });
    const early = failureOf(() =>
      issuance.issue(staff.operator, { id: created.id, attested: true, packaging, warranty }),
    );
    expect(early).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(early.message).toMatch(/draft cannot be issued/);
    issuance.recordItn(staff.operator, { id: created.id, itn: 'X20261127123456' });
    const unattested = failureOf(() =>
      issuance.issue(staff.operator, { id: created.id, attested: false, packaging, warranty }),
    );
    expect(unattested.code).toBe('ILLEGAL_TRANSITION');
    expect(unattested.message).toMatch(/attestation/);
    issuance.issue(staff.operator, { id: created.id, attested: true, packaging, warranty });
    const beforeIssue = failureOf(() =>
      issuance.ship(staff.operator, { id: created.id, shipDate: '2026-11-26' }),
    );
    expect(beforeIssue.message).toMatch(/before the date of issue/);
    const afterExpiry = failureOf(() =>
      issuance.ship(staff.operator, { id: created.id, shipDate: '2027-02-01' }),
    );
    expect(afterExpiry.message).toMatch(/expired/);
    expect(
      failureOf(() => issuance.expire(staff.operator, { id: created.id, today: '2027-01-26' }))
        .message,
    ).toMatch(/not reached its date of expiry/);
    expect(issuance.expire(staff.operator, { id: created.id, today: '2027-01-27' }).state).toBe(
      'EXPIRED',
    );
  });

  it('keeps a VALIDATED certificate validated only while its ITN is unchanged', () => {
    const { issuance } = vault.services;
    const created = issuance.createDraft(staff.operator, {
      number: 'US12348',
      draft: validDraft('US12348'),
    });
    const validated = issuance.recordItn(staff.operator, {
      id: created.id,
      itn: 'X20261127123456',
    });
    const sameItn = issuance.updateDraft(staff.operator, {
      id: created.id,
      draft: { ...validated.draft, parcels: '3' },
      expectedVersion: validated.version,
    });
    expect(sameItn.state).toBe('VALIDATED');
    const newItn = issuance.updateDraft(staff.operator, {
      id: created.id,
      draft: { ...sameItn.draft, itn: 'X20261127999999' },
      expectedVersion: sameItn.version,
    });
    expect(newItn.state).toBe('DRAFT');
    const stale = failureOf(() =>
      issuance.updateDraft(staff.operator, {
        id: created.id,
        draft: sameItn.draft,
        expectedVersion: sameItn.version,
      }),
    );
    expect(stale.code).toBe('CONFLICT');
  });

  it('voids from any state before delivery, spends the number for good and tells Census and USKPA', () => {
    const { issuance, stock, outbox } = vault.services;
    const created = issuance.createDraft(staff.operator, {
      number: 'US12349',
      draft: validDraft('US12349'),
    });
    const voided = issuance.void(staff.operator, {
      id: created.id,
      reason: 'Other (notes required)',
      notes: 'Form damaged in printer',
    });
    expect(voided.state).toBe('VOIDED');
    expect(voided.voidNotes).toBe('Form damaged in printer');
    expect(stock.get('US12349')?.status).toBe('voided');
    expect(outbox.listForCertificate(created.id).map((r) => `${r.recipient}:${r.reason}`)).toEqual([
      'census:voided',
      'uskpa:voided',
    ]);
    expect(
      failureOf(() =>
        issuance.createDraft(staff.operator, { number: 'US12349', draft: validDraft('US12349') }),
      ).code,
    ).toBe('STOCK_NUMBER_UNAVAILABLE');
    expect(
      failureOf(() =>
        issuance.void(staff.operator, {
          id: created.id,
          reason: 'Other (notes required)',
          notes: 'x',
        }),
      ).code,
    ).toBe('ILLEGAL_TRANSITION');
    const other = issuance.createDraft(staff.operator, {
      number: 'US12350',
      draft: validDraft('US12350'),
    });
    expect(
      failureOf(() =>
        issuance.void(staff.operator, {
          id: other.id,
          reason: 'Other (notes required)',
          notes: ' ',
        }),
      ).code,
    ).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses numbers that are not in stock or already used', () => {
    const { issuance } = vault.services;
    expect(
      failureOf(() =>
        issuance.createDraft(staff.operator, { number: 'US99999', draft: validDraft('US99999') }),
      ).code,
    ).toBe('STOCK_NUMBER_UNAVAILABLE');
    issuance.createDraft(staff.operator, { number: 'US12351', draft: validDraft('US12351') });
    expect(
      failureOf(() =>
        issuance.createDraft(staff.operator, { number: 'US12351', draft: validDraft('US12351') }),
      ).code,
    ).toBe('STOCK_NUMBER_UNAVAILABLE');
  });

  it('corrects an issued certificate only through an approved edit request', () => {
    const { issuance, certificates, editRequests, outbox } = vault.services;
    const created = issuance.createDraft(staff.operator, {
      number: 'US12352',
      draft: validDraft('US12352'),
    });
    issuance.recordItn(staff.operator, { id: created.id, itn: 'X20261127123456' });
    const issued = issuance.issue(staff.operator, {
      id: created.id,
      attested: true,
      packaging,
      warranty,
    });
    expect(
      failureOf(() =>
        issuance.updateDraft(staff.operator, {
          id: created.id,
          draft: issued.draft,
          expectedVersion: issued.version,
        }),
      ).code,
    ).toBe('ILLEGAL_TRANSITION');

    const proposed = { ...issued.draft, parcels: '3' };
    const rejected = issuance.requestEdit(staff.operator, {
      id: created.id,
      proposed,
      reason: 'Parcel count was miskeyed',
    });
    expect(
      failureOf(() =>
        issuance.decideEdit(staff.operator, { requestId: rejected.id, decision: 'approve' }),
      ).code,
    ).toBe('FORBIDDEN');
    // A reviewer is read-only: deciding a correction is an administrator's.
    expect(
      failureOf(() =>
        issuance.decideEdit(staff.reviewer, {
          requestId: rejected.id,
          decision: 'reject',
          note: 'No',
        }),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      issuance.decideEdit(staff.admin, {
        requestId: rejected.id,
        decision: 'reject',
        note: 'No',
      }).status,
    ).toBe('rejected');
    expect(certificates.get(created.id)?.draft.parcels).toBe('2');

    const request = issuance.requestEdit(staff.operator, {
      id: created.id,
      proposed,
      reason: 'Parcel count was miskeyed',
    });
    expect(editRequests.listPending().map((r) => r.id)).toEqual([request.id]);
    const approved = issuance.decideEdit(staff.admin, {
      requestId: request.id,
      decision: 'approve',
      note: 'Checked the packing list',
    });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: staff.admin.userId });
    const corrected = certificates.get(created.id);
    expect(corrected).toMatchObject({ state: 'ISSUED', version: issued.version + 1 });
    expect(corrected?.draft.parcels).toBe('3');
    expect(eventsFor('certificate', created.id).at(-1)).toBe('certificate.apply-edit');
    expect(eventsFor('edit_request', request.id)).toEqual([
      'edit-request.create',
      'edit-request.approve',
    ]);
    expect(outbox.listForCertificate(created.id).at(-1)?.reason).toBe('amended');
    expect(vault.services.audit.verify().ok).toBe(true);
  });
});
