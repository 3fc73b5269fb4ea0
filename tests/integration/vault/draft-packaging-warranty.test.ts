// A draft keeps its packaging and warranty as typed (certificates:updateDraft), on a real
// encrypted vault: incomplete entries round-trip and are audited, entries left out stay as saved,
// bad entries change nothing, and issue still records the complete forms and the attestation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CertificateRecordSchema } from '../../../shared/records/record-outputs';
import type { Staff, TestVault } from './vault-fixture';
import { dumpTables, failureOf, openTestVault, seedVault, validDraft } from './vault-fixture';

let vault: TestVault;
let staff: Staff;

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
});
afterEach(() => vault.close());

const typedPackaging = {
  containerType: 'Tamper-evident security bag',
  otherDescription: '',
  meetsDefinition: true,
  parcelsInContainer: '',
  seals: 'S-1\nS-2',
  numberOnContainer: false,
};
const typedWarranty = { wording: 'original' as const, invoices: 'INV-7, ' };

function draftOn(number: string) {
  const { issuance } = vault.services;
  return issuance.createDraft(staff.operator, { number, draft: validDraft(number) });
}

describe('certificates:updateDraft with packaging and warranty', () => {
  it('stores incomplete entries as typed, returns them in the record and audits the update', () => {
    const { issuance, certificates, audit } = vault.services;
    const created = draftOn('US12341');
    expect(created.packaging).toEqual({});

    const saved = issuance.updateDraft(staff.operator, {
      id: created.id,
      draft: created.draft,
      expectedVersion: created.version,
      packaging: typedPackaging,
      warranty: typedWarranty,
    });
    expect(saved.packaging).toEqual(typedPackaging);
    expect(saved.warranty).toEqual(typedWarranty);
    expect(saved.version).toBe(created.version + 1);
    // What the IPC boundary checks every answer against.
    expect(CertificateRecordSchema.safeParse(saved).success).toBe(true);

    // A later save without them leaves them as they were.
    const again = issuance.updateDraft(staff.operator, {
      id: created.id,
      draft: { ...created.draft, carats: '13.00' },
      expectedVersion: saved.version,
    });
    expect(certificates.get(created.id)?.packaging).toEqual(typedPackaging);
    expect(again.warranty).toEqual(typedWarranty);

    const actions = vault.db
      .prepare<[string], string>(
        "SELECT action FROM audit_events WHERE entity_type = 'certificate' AND entity_id = ? ORDER BY seq",
      )
      .pluck()
      .all(String(created.id));
    expect(actions).toEqual([
      'certificate.create',
      'certificate.update-draft',
      'certificate.update-draft',
    ]);
    expect(audit.verify()).toEqual({ ok: true, eventsChecked: expect.any(Number) as number });
  });

  it('refuses entries that are too long or unknown, naming the field, and changes nothing', () => {
    const { issuance } = vault.services;
    const created = draftOn('US12342');
    const bad: Record<string, unknown>[] = [
      { packaging: { ...typedPackaging, seals: 'S'.repeat(5001) } },
      { packaging: { ...typedPackaging, containerType: 'x'.repeat(201) } },
      { warranty: { ...typedWarranty, invoices: '1'.repeat(5001) } },
      { warranty: { ...typedWarranty, attested: true } },
      { warranty: { wording: 'mine' } },
      { packaging: { description: 'a box', sealNumbers: ['S-1'] } },
    ];
    for (const extra of bad) {
      const before = dumpTables(vault.db);
      const failure = failureOf(() =>
        issuance.updateDraft(staff.operator, {
          id: created.id,
          draft: created.draft,
          expectedVersion: created.version,
          ...extra,
        }),
      );
      expect(failure.code).toBe('INVALID_INPUT');
      const field = Object.keys(failure.fields ?? {})[0] ?? '';
      expect(field).toMatch(/^(packaging|warranty)/);
      expect(dumpTables(vault.db)).toEqual(before);
    }
  });

  it('still requires the complete forms and the attestation at issue, which replace the typed ones', () => {
    const { issuance } = vault.services;
    const created = draftOn('US12343');
    const saved = issuance.updateDraft(staff.operator, {
      id: created.id,
      draft: created.draft,
      expectedVersion: created.version,
      packaging: typedPackaging,
      warranty: typedWarranty,
    });
    issuance.recordItn(staff.operator, { id: saved.id, itn: 'X20261127123456' });
    const packaging = {
      description: 'Tamper-evident security bag; 2 parcel(s)',
      sealNumbers: ['S-1'],
    };
    const warranty = { statement: 'The diamonds herein invoiced…', invoiceNumbers: ['INV-7'] };
    const unattested = failureOf(() =>
      issuance.issue(staff.operator, { id: created.id, attested: false, packaging, warranty }),
    );
    expect(unattested.code).toBe('ILLEGAL_TRANSITION');
    expect(unattested.message).toMatch(/attestation/);
    const issued = issuance.issue(staff.operator, {
      id: created.id,
      attested: true,
      packaging,
      warranty,
    });
    expect(issued.state).toBe('ISSUED');
    expect(issued.packaging).toEqual(packaging);
    expect(issued.warranty).toEqual(warranty);
    expect(CertificateRecordSchema.safeParse(issued).success).toBe(true);
  });
});
