// Searches and list pages through the repositories, with inputs that vary run by run as a
// licensee's would: name prefixes of 1 to 6 characters taken from real names of the address
// book, any state, a year of issue, a destination weighted as trade is. Each figure carries the
// plan SQLite chose for the exact SQL the repository ran (EXPLAIN QUERY PLAN).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createCertificateRepository } from '../../electron/core/vault/repositories/certificate-repository';
import {
  PARTY_PREFIX_SQL,
  createPartyRepository,
} from '../../electron/core/vault/repositories/party-repository';
import type { PartyPool } from './party-pool';
import { destinationWeights } from './party-pool';
import type { Random } from './random';
import { pick, pickWeighted, randomFor } from './random';
import { explain, recordingDatabase } from './recording-database';
import type { Timing } from './sampling';
import { measure } from './sampling';

export type QueryFigure = {
  name: string;
  goalMs: number;
  timing: Timing;
  meanRows: number;
  plans: { sql: string; plan: string[] }[];
};

const STATES = ['DRAFT', 'VALIDATED', 'ISSUED', 'SHIPPED', 'DELIVERED', 'VOIDED', 'EXPIRED'];
const SEARCHES = 1_000;
const PAGES = 300;
/** At most this long per measure: a page that scans the whole vault takes seconds. */
const BUDGET_MS = 60_000;

function namePrefix(random: Random, pool: PartyPool): string {
  const party = random() < 0.5 ? pick(random, pool.consignees) : pick(random, pool.exporters);
  return party.name.slice(0, 1 + Math.floor(random() * 6));
}

function yearRange(random: Random): { issuedFrom: string; issuedTo: string } {
  const year = String(2016 + Math.floor(random() * 10));
  return { issuedFrom: `${year}-01-01`, issuedTo: `${year}-12-31` };
}

export function measureQueries(db: Database, pool: PartyPool): QueryFigure[] {
  const now = () => new Date();
  const recording = recordingDatabase(db, false);
  const certificates = createCertificateRepository(recording.db, now);
  const parties = createPartyRepository(recording.db, now);
  const weights = destinationWeights();
  const figures: QueryFigure[] = [];

  const run = (
    name: string,
    goalMs: number,
    runs: number,
    query: (random: Random) => readonly unknown[],
    fixedSql: string[] = [],
  ): void => {
    const preparedBefore = recording.prepared.length;
    let rows = 0;
    let calls = 0;
    const timing = measure(
      (k) => {
        rows += query(randomFor(30 + figures.length, k)).length;
        calls += 1;
      },
      Math.ceil(runs / 10),
      runs,
      BUDGET_MS,
    );
    const sqls = [...fixedSql, ...new Set(recording.prepared.slice(preparedBefore))];
    figures.push({
      name,
      goalMs,
      timing,
      meanRows: rows / calls,
      plans: sqls.map((sql) => ({ sql, plan: explain(db, sql) })),
    });
  };

  run(
    'party search by name prefix (address book, 20 names)',
    20,
    SEARCHES,
    (random) => parties.search({ prefix: namePrefix(random, pool) }),
    [PARTY_PREFIX_SQL],
  );
  const page = (input: object): readonly unknown[] => certificates.list(input).items;
  run('list page of 50: state + year of issue + destination', 20, PAGES, (random) =>
    page({
      state: pick(random, STATES),
      ...yearRange(random),
      destination: pickWeighted(random, weights),
    }),
  );
  run('list page of 50: party-name prefix', 20, PAGES, (random) =>
    page({ partyPrefix: namePrefix(random, pool) }),
  );
  run('list page of 50: all four filters', 20, PAGES, (random) =>
    page({
      state: pick(random, STATES),
      ...yearRange(random),
      destination: pickWeighted(random, weights),
      partyPrefix: namePrefix(random, pool),
    }),
  );
  return figures;
}
