// The life of one benchmark certificate as the issuance service would have written it: the
// final certificates and stock rows, and one audit event per step with the digest of the row
// AFTER that step (createDraft: stock.take + certificate.create; record-itn; issue; ship;
// deliver; expire; void + stock.void). Rows are built with the repository's own functions
// (derivedColumns, lifecycleParams) and digested with the app's digestOf, so the app's verifier
// checks them exactly as it checks rows the app wrote.
import { digestOf } from '../../electron/core/vault/audit/entity-digest';
import type { CanonicalValue } from '../../electron/core/vault/audit/canonical-json';
import type {
  LifecycleColumns,
  StoredState,
} from '../../electron/core/vault/repositories/certificate-row';
import {
  derivedColumns,
  lifecycleParams,
} from '../../electron/core/vault/repositories/certificate-row';
import { voidReasons } from '../../shared/reference/reference-data';
import type { CertificateFacts } from './certificate-facts';
import { DAY_MS, FIRST_NUMBER, HOUR_MS, isoDate } from './certificate-facts';
import { pick, randomFor } from './random';

export type Row = Record<string, CanonicalValue>;
export type PlannedEvent = {
  at: number;
  userId: number;
  action: string;
  entityType: 'certificate' | 'stock' | 'stock_batch' | 'stock_range';
  entityId: string;
  digest: string;
};
export type CertificateHistory = { certificate: Row; stock: Row; events: PlannedEvent[] };

export const OPERATOR_ID = 2;
export const BOOK_SIZE = 100;

type Step = 'itn' | 'issue' | 'ship' | 'deliver' | 'expire';

const PATHS: Record<StoredState, readonly Step[]> = {
  DRAFT: [],
  VALIDATED: ['itn'],
  ISSUED: ['itn', 'issue'],
  SHIPPED: ['itn', 'issue', 'ship'],
  DELIVERED: ['itn', 'issue', 'ship', 'deliver'],
  EXPIRED: ['itn', 'issue', 'expire'],
  VOIDED: [],
};
const STEP_OFFSET: Record<Step, number> = {
  itn: HOUR_MS,
  issue: 2 * HOUR_MS,
  ship: DAY_MS,
  deliver: 12 * DAY_MS,
  expire: 61 * DAY_MS,
};

export function batchIdOf(index: number): number {
  return Math.floor(index / BOOK_SIZE) + 1;
}

export function stockRow(index: number, status: 'available' | 'used' | 'voided'): Row {
  const digits = FIRST_NUMBER + index;
  return { number: `US${String(digits)}`, digits, batch_id: batchIdOf(index), status };
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function historyOf(facts: CertificateFacts): CertificateHistory {
  const random = randomFor(2, facts.index);
  const id = facts.index + 1;
  const entityId = String(id);
  let lifecycle: LifecycleColumns = {
    state: 'DRAFT',
    packaging: {},
    warranty: {},
    attestedBy: null,
    issuedAt: null,
    shipDate: null,
    deliveredAt: null,
    importConfirmed: false,
    voidReason: null,
    voidNotes: null,
    voidedAt: null,
    expiredAt: null,
  };
  let draft = { ...facts.draft, itn: '' };
  let version = 1;
  let at = facts.createdAt;
  const row = (): Row => ({
    id,
    number: facts.number,
    ...derivedColumns(draft),
    ...lifecycleParams(lifecycle),
    created_at: iso(facts.createdAt),
    updated_at: iso(at),
    version,
  });
  const taken = stockRow(facts.index, 'used');
  const events: PlannedEvent[] = [
    {
      at,
      userId: OPERATOR_ID,
      action: 'stock.take',
      entityType: 'stock',
      entityId: facts.number,
      digest: digestOf(taken),
    },
    {
      at,
      userId: OPERATOR_ID,
      action: 'certificate.create',
      entityType: 'certificate',
      entityId,
      digest: digestOf(row()),
    },
  ];
  const record = (action: string): void => {
    version += 1;
    events.push({
      at,
      userId: OPERATOR_ID,
      action,
      entityType: 'certificate',
      entityId,
      digest: digestOf(row()),
    });
  };
  const steps = PATHS[facts.voidedFrom ?? facts.finalState];
  for (const step of steps) {
    at = facts.createdAt + STEP_OFFSET[step];
    if (step === 'itn') {
      draft = facts.draft;
      lifecycle = { ...lifecycle, state: 'VALIDATED' };
      record('certificate.record-itn');
    } else if (step === 'issue') {
      const parcels = facts.draft.parcels;
      lifecycle = {
        ...lifecycle,
        state: 'ISSUED',
        packaging: {
          description: `${parcels} sealed parcels in a tamper-resistant box`,
          sealNumbers: [`S${String(facts.index).padStart(8, '0')}`],
        },
        warranty: {
          statement:
            'The diamonds herein invoiced have been purchased from legitimate sources not involved in funding conflict, in compliance with United Nations resolutions and corresponding national laws.',
          invoiceNumbers: [`INV-${facts.number.slice(2)}`],
        },
        attestedBy: OPERATOR_ID,
        issuedAt: iso(at),
      };
      record('certificate.issue');
    } else if (step === 'ship') {
      lifecycle = { ...lifecycle, state: 'SHIPPED', shipDate: isoDate(at) };
      record('certificate.ship');
    } else if (step === 'deliver') {
      lifecycle = {
        ...lifecycle,
        state: 'DELIVERED',
        deliveredAt: iso(at),
        importConfirmed: random() < 0.7,
      };
      record('certificate.deliver');
    } else {
      lifecycle = { ...lifecycle, state: 'EXPIRED', expiredAt: iso(at) };
      record('certificate.expire');
    }
  }
  let stock = taken;
  if (facts.finalState === 'VOIDED') {
    at += 3 * HOUR_MS;
    const reason = pick(random, voidReasons);
    const other = reason === voidReasons.at(-1);
    lifecycle = {
      ...lifecycle,
      state: 'VOIDED',
      voidReason: reason,
      voidNotes: other ? 'Buyer withdrew after inspection of the parcels.' : '',
      voidedAt: iso(at),
    };
    record('certificate.void');
    stock = stockRow(facts.index, 'voided');
    events.push({
      at,
      userId: OPERATOR_ID,
      action: 'stock.void',
      entityType: 'stock',
      entityId: facts.number,
      digest: digestOf(stock),
    });
  }
  return { certificate: row(), stock, events };
}
