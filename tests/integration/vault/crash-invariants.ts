// What must hold in the vault after every SIGKILL (issue 3, "Reliability"): nothing acknowledged
// is lost, no number is used twice, the audit chain verifies, the stock adds up, and SQLite finds
// the file intact. Read in the parent through its own handle (openDatabase with the key), with
// plain SQL for the cross-table checks the services do not offer.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CertificateState } from '../../../shared/domain/lifecycle';
import { transition } from '../../../shared/domain/lifecycle';
import { openDatabase } from '../../../electron/core/vault/open-database';
import { createVaultServices } from '../../../electron/core/vault/vault-services';
import type { LoopOp } from './crash-protocol';
import { lifecycleEventOf, targetState } from './crash-protocol';

export type InFlight = { op: LoopOp; number: string };

export type Expectation = {
  /** How many form numbers were registered in total. */
  registered: number;
  /** The last state acknowledged (OK line) for each number. */
  acknowledged: ReadonlyMap<string, CertificateState>;
  /** The operation the child had started but not acknowledged when it was killed. */
  inFlight: InFlight | null;
};

export type VaultCheck = {
  problems: string[];
  /** What became of the in-flight operation: both outcomes are correct. */
  inFlight: 'committed' | 'rolled-back' | 'none';
  states: Map<string, CertificateState>;
};

const SHOWN = 5;

function rows(db: Database, sql: string): string[] {
  return db
    .prepare<[], Record<string, unknown>>(sql)
    .all()
    .slice(0, SHOWN)
    .map((row) => JSON.stringify(row));
}

/** (1) Every acknowledged state is in the vault; only the in-flight operation may have moved a
 * certificate further, and only by the one step lifecycle.ts allows. */
function checkAcknowledged(
  expectation: Expectation,
  states: ReadonlyMap<string, CertificateState>,
): { problems: string[]; inFlight: VaultCheck['inFlight'] } {
  const problems: string[] = [];
  const { acknowledged, inFlight } = expectation;
  let outcome: VaultCheck['inFlight'] = 'none';
  const numbers = new Set([...acknowledged.keys(), ...states.keys()]);
  if (inFlight !== null) numbers.add(inFlight.number);
  for (const number of numbers) {
    const expected = acknowledged.get(number) ?? 'IN_STOCK';
    const actual = states.get(number) ?? 'IN_STOCK';
    if (inFlight?.number === number) {
      const step = transition(expected, lifecycleEventOf[inFlight.op]);
      const committed = step.ok && step.state === actual && actual === targetState[inFlight.op];
      if (committed || actual === expected) {
        outcome = committed ? 'committed' : 'rolled-back';
        continue;
      }
      problems.push(
        `${number}: acknowledged ${expected}, interrupted during "${inFlight.op}", but the vault has ${actual}`,
      );
    } else if (actual !== expected) {
      problems.push(`${number}: acknowledged ${expected}, but the vault has ${actual}`);
    }
  }
  return { problems: problems.slice(0, SHOWN), inFlight: outcome };
}

function checkTables(db: Database, registered: number): string[] {
  const problems: string[] = [];
  const found = (label: string, list: string[]) => {
    if (list.length > 0) problems.push(`${label}: ${list.join('; ')}`);
  };
  // (2) No number used twice.
  found(
    'a number held by two certificates',
    rows(db, 'SELECT number, count(*) AS n FROM certificates GROUP BY number HAVING n > 1'),
  );
  found(
    'a used or voided form without exactly one certificate',
    rows(
      db,
      `SELECT s.number, s.status, count(c.id) AS certificates FROM stock AS s
         LEFT JOIN certificates AS c ON c.number = s.number
        WHERE s.status IN ('used', 'voided') GROUP BY s.number HAVING certificates <> 1`,
    ),
  );
  // (4) Stock consistent.
  const counts = createVaultServices(db).stock.counts();
  const total = counts.available + counts.used + counts.voided;
  if (total !== registered)
    problems.push(
      `stock counts ${JSON.stringify(counts)} add up to ${String(total)}, not the ${String(registered)} registered`,
    );
  found(
    'an available form that has a certificate',
    rows(
      db,
      `SELECT s.number FROM stock AS s JOIN certificates AS c ON c.number = s.number
        WHERE s.status = 'available'`,
    ),
  );
  found(
    "a certificate whose form is not 'used' (or 'voided' when voided)",
    rows(
      db,
      `SELECT c.number, c.state, s.status FROM certificates AS c
         LEFT JOIN stock AS s ON s.number = c.number
        WHERE s.status IS NOT (CASE WHEN c.state = 'VOIDED' THEN 'voided' ELSE 'used' END)`,
    ),
  );
  // (5) The file itself.
  const integrity: unknown = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  found('foreign key violations', rows(db, 'PRAGMA foreign_key_check'));
  return problems;
}

export function checkVault(path: string, key: Buffer, expectation: Expectation): VaultCheck {
  const db = openDatabase(path, key, { create: false });
  try {
    const states = new Map(
      db
        .prepare<[], { number: string; state: CertificateState }>(
          'SELECT number, state FROM certificates',
        )
        .all()
        .map(({ number, state }) => [number, state]),
    );
    const acknowledged = checkAcknowledged(expectation, states);
    const problems = [...acknowledged.problems, ...checkTables(db, expectation.registered)];
    // (3) The audit chain, with the first break it names.
    const audit = createVaultServices(db).audit.verify();
    if (!audit.ok)
      problems.push(
        `audit chain broken after ${String(audit.eventsChecked)} events: ${JSON.stringify(audit.firstBreak)}`,
      );
    return { problems, inFlight: acknowledged.inFlight, states };
  } finally {
    db.close();
  }
}
