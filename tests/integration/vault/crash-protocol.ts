// What the crash-safety test (parent) and crash-worker.ts (the child it SIGKILLs) share: the
// child's configuration, the lines it writes to stdout, the operations with the state each one
// leads to, and a small seeded PRNG so a failing run can be replayed from its printed seed (the
// kill instants depend on timing, so a replay repeats the choices, not the exact kill points).
import type { CertificateDraftInput } from '../../../shared/domain/certificate-draft';
import type { CertificateState, LifecycleEvent } from '../../../shared/domain/lifecycle';
import type { Actor } from '../../../electron/core/issuance/actor';

/** The key travels in this variable as hex: never on the command line, never printed. */
export const KEY_ENV = 'KP_CRASH_KEY';
export const CONFIG_ENV = 'KP_CRASH_CONFIG';

export type WorkerConfig =
  | {
      mode: 'loop';
      vaultPath: string;
      actor: Actor;
      seed: number;
      /** The valid certificate; the child puts each form's number into it. */
      template: CertificateDraftInput;
    }
  | { mode: 'register'; vaultPath: string; actor: Actor; numbers: string };

export const loopOps = ['create', 'itn', 'issue', 'ship', 'deliver', 'void'] as const;
export type LoopOp = (typeof loopOps)[number];

/** The state a committed operation leaves the certificate in. */
export const targetState: Record<LoopOp, CertificateState> = {
  create: 'DRAFT',
  itn: 'VALIDATED',
  issue: 'ISSUED',
  ship: 'SHIPPED',
  deliver: 'DELIVERED',
  void: 'VOIDED',
};

export const DATE_OF_ISSUE = '2026-11-27';
export const DATE_OF_EXPIRY = '2027-01-26';
// The day of issue: the worker's clock stands on it, and a later ship date is refused (rule 8).
export const SHIP_DATE = DATE_OF_ISSUE;
export const VOID_REASON = 'Other (notes required)';

/** Each operation as a lifecycle event, so the parent asks shared/domain/lifecycle.ts (never a
 * copy of its rules) whether a state change it finds in the vault was a legal step. */
export const lifecycleEventOf: Record<LoopOp, LifecycleEvent> = {
  create: { type: 'startDraft' },
  itn: { type: 'recordItn', itn: 'X20261127123456' },
  issue: { type: 'issue', attested: true, errorCount: 0 },
  ship: {
    type: 'ship',
    shipDate: SHIP_DATE,
    dateOfIssue: DATE_OF_ISSUE,
    dateOfExpiry: DATE_OF_EXPIRY,
  },
  deliver: { type: 'deliver', importConfirmed: true },
  void: { type: 'void', reason: VOID_REASON, notes: 'Crash-safety test' },
};

/** Lines of the child's stdout, one per event, each written before the next step starts. */
export type WorkerLine =
  | { kind: 'ready' }
  | { kind: 'start'; op: string; number: string }
  | { kind: 'ok'; op: string; number: string; state: string }
  | { kind: 'fail'; text: string };

export function formatLine(line: WorkerLine): string {
  switch (line.kind) {
    case 'ready':
      return 'READY\n';
    case 'start':
      return `START ${line.op} ${line.number}\n`;
    case 'ok':
      return `OK ${line.op} ${line.number} ${line.state}\n`;
    case 'fail':
      return `FAIL ${line.text.replace(/\s+/g, ' ')}\n`;
  }
}

export function parseLine(text: string): WorkerLine | null {
  const [kind, op, number, state] = text.split(' ');
  if (kind === 'READY') return { kind: 'ready' };
  if (kind === 'FAIL') return { kind: 'fail', text: text.slice(5) };
  if (kind === 'START' && op !== undefined && number !== undefined)
    return { kind: 'start', op, number };
  if (kind === 'OK' && op !== undefined && number !== undefined && state !== undefined)
    return { kind: 'ok', op, number, state };
  return null;
}

/** mulberry32: tiny, fast and good enough to pick operations and delays. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T | undefined {
  return items[Math.floor(random() * items.length)];
}
