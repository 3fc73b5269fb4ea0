// A vault with a few thousand audit events (forms registered one registration per form, two
// events each, certificates taken to ISSUED) for the checks beside issuing, and a way to issue one
// more certificate.
import type { Staff, TestVault } from '../vault/vault-fixture';
import { validDraft } from '../vault/vault-fixture';

export const packaging = {
  description: '2 sealed parcels in a tamper-resistant box',
  sealNumbers: ['S-1'],
};
export const warranty = {
  statement:
    'The diamonds herein invoiced have been purchased from legitimate sources not involved in funding conflict.',
  invoiceNumbers: ['INV-7'],
};

/** Registers US20000-US(20000+forms-1) in one registration: two audit events (batch, range). */
export function registerForms(vault: TestVault, staff: Staff, forms: number): void {
  vault.services.issuance.registerStock(staff.operator, {
    numbers: `US20000-US${String(20000 + forms - 1)}`,
    description: 'Books for the checks beside issuing',
  });
}

/**
 * Registers US20000-US(20000+forms-1) one form per registration: two events each (its batch and
 * its range), a long chain for the tests that need thousands of events (since issue 13 part 6 a
 * registration of many forms writes two events, not one per form).
 */
export function registerFormsOneByOne(vault: TestVault, staff: Staff, forms: number): void {
  for (let i = 0; i < forms; i += 1)
    vault.services.issuance.registerStock(staff.operator, {
      numbers: `US${String(20000 + i)}`,
      description: `Form ${String(i + 1)} for the checks beside issuing`,
    });
}

/** Draft, ITN and issue on form `number` (three events, and a stock event). */
export function issueOne(vault: TestVault, staff: Staff, number: string): number {
  const { issuance } = vault.services;
  const { id } = issuance.createDraft(staff.operator, { number, draft: validDraft(number) });
  issuance.recordItn(staff.operator, { id, itn: 'X20261127123456' });
  issuance.issue(staff.operator, { id, attested: true, packaging, warranty });
  return id;
}

export const eventCount = (vault: TestVault): number =>
  vault.db.prepare<[], number>('SELECT count(*) FROM audit_events').pluck().get() ?? 0;

export const chainHeadOf = (vault: TestVault): { seq: number; hash: string } =>
  vault.db
    .prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    )
    .get() ?? { seq: 0, hash: '0'.repeat(64) };
