// The child process of crash-safety.test.ts, bundled to JS by the test and SIGKILLed by it at
// random instants. It opens the vault and writes through the issuance service exactly as the app
// does, announcing each operation before it starts (START) and after it has returned, i.e. after
// its transaction committed (OK). process.stdout.write on a pipe is synchronous on Linux, so an
// OK line the parent reads always describes a commit that happened.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CertificateDraftInput } from '../../../shared/domain/certificate-draft';
import type { CertificateState } from '../../../shared/domain/lifecycle';
import { AppFailure } from '../../../electron/core/app-failure';
import { openDatabase } from '../../../electron/core/vault/open-database';
import type { VaultServices } from '../../../electron/core/vault/vault-services';
import { createVaultServices } from '../../../electron/core/vault/vault-services';
import type { LoopOp, WorkerConfig, WorkerLine } from './crash-protocol';
import {
  CONFIG_ENV,
  DATE_OF_ISSUE,
  KEY_ENV,
  SHIP_DATE,
  VOID_REASON,
  formatLine,
  pick,
  seededRandom,
} from './crash-protocol';

type Held = { id: number; number: string };

function say(line: WorkerLine): void {
  process.stdout.write(formatLine(line));
}

/** Where every certificate stands, read from the vault at start (it includes any operation that
 * committed in the previous child just before it was killed). */
function readPools(db: Database): {
  available: string[];
  byState: Map<CertificateState, Held[]>;
} {
  const available = db
    .prepare<[], string>("SELECT number FROM stock WHERE status = 'available' ORDER BY digits")
    .pluck()
    .all();
  const byState = new Map<CertificateState, Held[]>();
  const rows = db
    .prepare<[], Held & { state: CertificateState }>(
      'SELECT id, number, state FROM certificates ORDER BY id',
    )
    .all();
  for (const { id, number, state } of rows) {
    const pool = byState.get(state) ?? [];
    pool.push({ id, number });
    byState.set(state, pool);
  }
  return { available, byState };
}

function takeRandom<T>(random: () => number, items: T[]): T | undefined {
  const index = Math.floor(random() * items.length);
  return items.splice(index, 1)[0];
}

// Advancing certificates is weighted above the side exits so that every state is populated.
const weights: [LoopOp, number][] = [
  ['create', 28],
  ['itn', 20],
  ['issue', 20],
  ['ship', 14],
  ['deliver', 5],
  ['void', 13],
];
const sourceStates: Record<Exclude<LoopOp, 'create'>, CertificateState[]> = {
  itn: ['DRAFT'],
  issue: ['VALIDATED'],
  ship: ['ISSUED'],
  deliver: ['SHIPPED'],
  void: ['DRAFT', 'VALIDATED', 'ISSUED', 'SHIPPED'],
};

function chooseOp(random: () => number): LoopOp {
  let roll = random() * weights.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [op, weight] of weights) {
    roll -= weight;
    if (roll < 0) return op;
  }
  return 'create';
}

function draftFor(template: CertificateDraftInput, number: string): CertificateDraftInput {
  const digits = number.slice(2);
  return {
    ...template,
    number,
    itn: '',
    aes: template.aes === undefined ? undefined : { ...template.aes, licenseNumber: digits },
  };
}

function runOp(
  services: VaultServices,
  config: Extract<WorkerConfig, { mode: 'loop' }>,
  op: LoopOp,
  held: Held,
): { id: number; state: CertificateState } {
  const { issuance } = services;
  const { actor } = config;
  const id = held.id;
  switch (op) {
    case 'create':
      return issuance.createDraft(actor, {
        number: held.number,
        draft: draftFor(config.template, held.number),
      });
    case 'itn':
      return issuance.recordItn(actor, {
        id,
        itn: `X${DATE_OF_ISSUE.replaceAll('-', '')}${held.number.slice(-6).padStart(6, '0')}`,
      });
    case 'issue':
      return issuance.issue(actor, {
        id,
        attested: true,
        packaging: { description: '1 sealed parcel in a tamper-resistant box', sealNumbers: [] },
        warranty: {
          statement:
            'The diamonds herein invoiced have been purchased from legitimate sources not involved in funding conflict.',
          invoiceNumbers: [`INV-${held.number}`],
        },
      });
    case 'ship':
      return issuance.ship(actor, { id, shipDate: SHIP_DATE });
    case 'deliver':
      return issuance.deliver(actor, { id, importConfirmed: true });
    case 'void':
      return issuance.void(actor, { id, reason: VOID_REASON, notes: 'Crash-safety test' });
  }
}

/** The certificate (or free form) the operation acts on, removed from its pool. */
function chooseTarget(
  random: () => number,
  op: LoopOp,
  available: string[],
  byState: Map<CertificateState, Held[]>,
): Held | undefined {
  if (op === 'create') {
    const number = takeRandom(random, available);
    if (number === undefined) throw new Error('The stock of forms ran out; register more.');
    return { id: 0, number };
  }
  const states = sourceStates[op].filter((state) => (byState.get(state) ?? []).length > 0);
  const state = pick(random, states);
  return state === undefined ? undefined : takeRandom(random, byState.get(state) ?? []);
}

function loop(db: Database, config: Extract<WorkerConfig, { mode: 'loop' }>): never {
  const services = createVaultServices(db, { now: () => new Date(`${DATE_OF_ISSUE}T10:00:00Z`) });
  const random = seededRandom(config.seed);
  const { available, byState } = readPools(db);
  say({ kind: 'ready' });
  for (;;) {
    const op = chooseOp(random);
    const held = chooseTarget(random, op, available, byState);
    if (held === undefined) continue;
    say({ kind: 'start', op, number: held.number });
    const saved = runOp(services, config, op, held);
    say({ kind: 'ok', op, number: held.number, state: saved.state });
    const pool = byState.get(saved.state) ?? [];
    pool.push({ id: saved.id, number: held.number });
    byState.set(saved.state, pool);
  }
}

function register(db: Database, config: Extract<WorkerConfig, { mode: 'register' }>): void {
  const services = createVaultServices(db);
  say({ kind: 'ready' });
  say({ kind: 'start', op: 'register', number: config.numbers });
  const registration = services.issuance.registerStock(config.actor, {
    numbers: config.numbers,
    description: 'Crash-safety bulk registration',
  });
  say({ kind: 'ok', op: 'register', number: config.numbers, state: String(registration.batchId) });
}

function main(): void {
  const keyHex = process.env[KEY_ENV] ?? '';
  const config = JSON.parse(process.env[CONFIG_ENV] ?? 'null') as WorkerConfig;
  const db = openDatabase(config.vaultPath, Buffer.from(keyHex, 'hex'), { create: false });
  if (config.mode === 'loop') loop(db, config);
  register(db, config);
  db.close();
}

try {
  main();
} catch (error: unknown) {
  // Any failure is a test failure: a single writer on a healthy vault is never refused.
  const text =
    error instanceof AppFailure
      ? `${error.error.code} ${error.error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  say({ kind: 'fail', text });
  process.exitCode = 2;
}
