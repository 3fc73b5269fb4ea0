// Lookups and inserts through the certificate repository against raw better-sqlite3 on the
// same schema, in the same run: the raw side runs the same SQL, hand-written and prepared once,
// and does only what SQL needs (no canonical JSON, no normalising, no zod parse of the draft on
// the way back). The ratio is what the repository's safety costs.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CertificateDraft } from '../../shared/domain/certificate-draft';
import { createCertificateRepository } from '../../electron/core/vault/repositories/certificate-repository';
import type { CertificateRow } from '../../electron/core/vault/repositories/certificate-row';
import { factsOf, numberOf } from './certificate-facts';
import type { PartyPool } from './party-pool';
import { randomFor } from './random';
import type { Timing } from './sampling';
import { measurePair } from './sampling';
import { SPARE_STOCK } from './build-vault';

export type RepositoryFigures = {
  byNumber: [Timing, Timing];
  byItn: [Timing, Timing];
  insert: [Timing, Timing];
};

const LOOKUPS = 3_000;
const INSERTS = 2_000;
const PAIRS_PER_TRANSACTION = 100;

function rawInsertParams(number: string, draft: CertificateDraft, at: string) {
  const cents = (text: string): number => Math.round(Number(text) * 100);
  return {
    number,
    state: 'DRAFT',
    draft_json: JSON.stringify(draft),
    exporter_name: draft.exporter.name,
    consignee_name: draft.consignee.name,
    destination_country: draft.destinationCountry,
    hs_code: draft.hsCodes[0] ?? '',
    itn: draft.itn === '' ? null : draft.itn,
    date_of_issue: draft.dateOfIssue === '' ? null : draft.dateOfIssue,
    carat_hundredths: cents(draft.carats),
    value_cents: cents(draft.valueUsd),
    at,
  };
}

export function measureRepository(db: Database, total: number, pool: PartyPool): RepositoryFigures {
  const now = () => new Date();
  const repository = createCertificateRepository(db, now);
  const rawByNumber = db.prepare<[string], CertificateRow>(
    'SELECT * FROM certificates WHERE number = ?',
  );
  const rawByItn = db.prepare<[string], CertificateRow>(
    'SELECT * FROM certificates WHERE itn = ? ORDER BY id',
  );
  const rawInsert = db.prepare(
    `INSERT INTO certificates (number, state, draft_json, exporter_name, consignee_name,
       destination_country, hs_code, itn, date_of_issue, carat_hundredths, value_cents,
       created_at, updated_at)
     VALUES (@number, @state, @draft_json, @exporter_name, @consignee_name,
       @destination_country, @hs_code, @itn, @date_of_issue, @carat_hundredths, @value_cents,
       @at, @at)`,
  );
  // A random certificate per run, from separate streams for the two sides: neither side looks
  // up a row the other just brought into the page cache.
  const someIndex = (stream: number, k: number): number =>
    Math.floor(randomFor(stream, k)() * total);
  const someItn = (stream: number, k: number): string => {
    for (let attempt = 0; ; attempt += 1) {
      const itn = factsOf(someIndex(stream, k * 7 + attempt), total, pool).draft.itn;
      if (itn !== '') return itn;
    }
  };
  const found = (value: unknown): void => {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0))
      throw new Error('benchmark lookup found nothing: the vault does not hold what was built');
  };
  const byNumber = measurePair(
    (k) => found(repository.getByNumber(numberOf(someIndex(10, k)))),
    (k) => found(rawByNumber.get(numberOf(someIndex(11, k)))),
    300,
    LOOKUPS,
  );
  const byItn = measurePair(
    (k) => found(repository.findByItn(someItn(12, k))),
    (k) => found(rawByItn.all(someItn(13, k))),
    300,
    LOOKUPS,
  );

  // Inserts go to spare forms in stock, in transactions that are rolled back: the vault (and its
  // audit chain, verified later) is left as built. Both sides insert the same kind of draft.
  const drafts = Array.from({ length: 2 * PAIRS_PER_TRANSACTION }, (_, slot) => {
    const number = numberOf(total + slot);
    return { number, draft: { ...factsOf(slot, total, pool).draft, number, itn: '' } };
  });
  if (drafts.length > SPARE_STOCK) throw new Error('not enough spare stock for the inserts');
  const slot = (k: number, side: number) => {
    const entry = drafts[2 * (k % PAIRS_PER_TRANSACTION) + side];
    if (entry === undefined) throw new Error('no draft for this slot');
    return entry;
  };
  const transactionAround = (k: number): void => {
    if (k % PAIRS_PER_TRANSACTION === 0) {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.exec('BEGIN');
    }
  };
  const insert = measurePair(
    (k) => {
      const { number, draft } = slot(k, 0);
      found(repository.insert(number, draft, 'DRAFT'));
    },
    (k) => {
      const { number, draft } = slot(k, 1);
      // The repository no longer reads an inserted row back (it returns the values it wrote),
      // so neither does the raw side: both insert one row.
      const result = rawInsert.run(rawInsertParams(number, draft, now().toISOString()));
      found(result.changes === 1 ? result : null);
    },
    PAIRS_PER_TRANSACTION,
    INSERTS,
    transactionAround,
  );
  if (db.inTransaction) db.exec('ROLLBACK');
  return { byNumber, byItn, insert };
}
