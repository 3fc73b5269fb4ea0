// A real encrypted vault behind window.kp for the wizard's component tests (fake-kp.ts: the real
// core and contract, a JSON-copying transport): created, its recovery key confirmed, an
// administrator signed in, a licensee profile and ten blank forms US10000-US10009 in stock.
import { fakeKp } from '../fake-kp';
import type { FakeKp } from '../fake-kp';
import type { KpApi } from '../../../../shared/ipc/api';
import type { CertificateDraftInput } from '../../../../shared/domain/certificate-draft';

export const licensee = {
  legalName: 'Hudson Rough Diamond Trading LLC',
  address: '580 Fifth Avenue, New York, NY 10036, United States',
  tin: '12-3456789',
};

async function must<T>(call: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>) {
  const result = await call;
  if (!result.ok) throw new Error(`setup call failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

export async function vaultForWizard(options: { commonCarrier?: boolean } = {}): Promise<FakeKp> {
  const kp = fakeKp();
  const { api } = kp;
  const created = await must(api.vault.create({ passphrase: 'correct horse battery staple' }));
  await must(api.vault.confirmRecoveryKey({ recoveryKey: created.recoveryKey }));
  await must(
    api.users.createFirstAdministrator({
      username: 'ada',
      displayName: 'Ada Admin',
      password: 'a long enough password',
    }),
  );
  await must(api.licensee.save({ ...licensee, isCommonCarrier: options.commonCarrier ?? false }));
  await must(api.stock.register({ numbers: 'US10000-US10009' }));
  kp.calls.length = 0;
  return kp;
}

/** Every field of a certificate that passes the rules, for the licensee above. */
export function completeDraft(
  overrides: Partial<CertificateDraftInput> = {},
): CertificateDraftInput {
  const today = new Date();
  const iso = (d: Date) =>
    `${String(d.getFullYear())}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const plus = (days: number) =>
    iso(new Date(today.getFullYear(), today.getMonth(), today.getDate() + days));
  return {
    countryOfOrigin: 'CD',
    dateOfIssue: iso(today),
    dateOfExpiry: plus(60),
    exportDate: plus(1),
    exporter: { name: licensee.legalName, address: licensee.address },
    consignee: {
      name: 'Antwerp Rough Trading NV',
      address: 'Hoveniersstraat 30, 2018 Antwerp, Belgium',
    },
    destinationCountry: 'BE',
    carats: '12.50',
    valueUsd: '15000.00',
    parcels: '2',
    hsCodes: ['7102.31'],
    ...overrides,
  };
}

/** Today's ITN: "X" + today's date + 6 digits (its date must be near the date of issue). */
export function todaysItn(): string {
  const d = new Date();
  return `X${String(d.getFullYear())}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}123456`;
}

/** An issued certificate of the given carats and value, for the US$ per carat history. */
export async function issueDirectly(api: KpApi, number: string, carats: string, valueUsd: string) {
  const draft = await must(
    api.certificates.createDraft({ number, draft: completeDraft({ carats, valueUsd }) }),
  );
  await must(api.certificates.recordItn({ id: draft.id, itn: todaysItn() }));
  return must(
    api.certificates.issue({
      id: draft.id,
      attested: true,
      packaging: { description: 'Sealed security box', sealNumbers: ['S-1'] },
      warranty: { statement: 'SoW', invoiceNumbers: ['INV-1'] },
    }),
  );
}

export { must };
