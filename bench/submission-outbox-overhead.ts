// The outbox's overhead on an issue operation (issue 12, goal ≤ 10 %): the same operations
// (issue, then ship: each writes its certificate row, its audit event and, in the app, an outbox
// row whose digest that event records, in one transaction) on two fresh encrypted vaults in the
// same run, one with the real outbox repository and one whose outbox `add` writes nothing and
// whose events record no rows. Everything else is the app's own code. Rounds alternate between
// the two vaults so a change of machine load hits both alike; the figure is the median of the
// per-round ratios. Small sizes on purpose (the build machine is shared): KP_BENCH_OUTBOX_CERTS
// certificates per vault (default 300). The WAL pages per certificate are counted after the
// timed rounds: the cost the outbox adds at each commit, a figure the load does not move.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CertificateDraftInput } from '../shared/domain/certificate-draft';
import { defaultValidationSettings } from '../shared/domain/validation-settings';
import { createIssuanceService } from '../electron/core/issuance/issuance-service';
import type { IssuanceService } from '../electron/core/issuance/issuance-service';
import type { AuditWriter } from '../electron/core/vault/audit/audit-chain';
import { createAuditWriter } from '../electron/core/vault/audit/audit-chain';
import { openDatabase } from '../electron/core/vault/open-database';
import { createAttachmentRepository } from '../electron/core/vault/repositories/attachment-repository';
import { createBlankVoidRepository } from '../electron/core/vault/repositories/blank-void-repository';
import { createCertificateRepository } from '../electron/core/vault/repositories/certificate-repository';
import { createEditRequestRepository } from '../electron/core/vault/repositories/edit-request-repository';
import { createLicenseeRepository } from '../electron/core/vault/repositories/licensee-repository';
import { createOutboxRepository } from '../electron/core/vault/repositories/outbox-repository';
import { createPartyRepository } from '../electron/core/vault/repositories/party-repository';
import { createSettingsRepository } from '../electron/core/vault/repositories/settings-repository';
import { createStockRepository } from '../electron/core/vault/repositories/stock-repository';
import { createUserRepository } from '../electron/core/vault/repositories/user-repository';
import { createVaultFactsRepository } from '../electron/core/vault/repositories/vault-facts-repository';
import { walPagesByTree } from './wal-pages-by-tree';

const CERTS = Number(process.env.KP_BENCH_OUTBOX_CERTS ?? 300);
const ROUND = 25;
const GOAL = 0.1;

type Side = { issuance: IssuanceService; operator: { userId: number; role: 'operator' } };

/** The issuance service exactly as vault-services.ts builds it, optionally without outbox rows. */
function buildSide(db: Database, withOutbox: boolean): Side {
  const now = () => new Date('2026-11-27T10:00:00.000Z');
  const writer = createAuditWriter(db, now);
  // Without the outbox, the operations' events record no queued rows either.
  const audit: AuditWriter = withOutbox
    ? writer
    : { append: (input) => writer.append({ ...input, queued: [] }) };
  const outbox = createOutboxRepository(db, now);
  const repos = {
    licensee: createLicenseeRepository(db, now),
    users: createUserRepository(db, now, { N: 1024, r: 8, p: 1 }),
    parties: createPartyRepository(db, now),
    stock: createStockRepository(db, now),
    certificates: createCertificateRepository(db, now),
    editRequests: createEditRequestRepository(db, now),
    attachments: createAttachmentRepository(db, now),
    outbox: withOutbox ? outbox : { ...outbox, add: () => ({ outboxId: 0, digest: '' }) },
    facts: createVaultFactsRepository(db, now),
    settings: createSettingsRepository(db, now),
    blankVoids: createBlankVoidRepository(db),
  };
  const issuance = createIssuanceService({
    db,
    repos,
    audit,
    now,
    settings: defaultValidationSettings,
    // No incoming certificates in this bench; the guard's lookup is not what it measures.
    isImportCertificateNumber: () => false,
  });
  const first = issuance.createFirstAdministrator({
    username: 'ada',
    displayName: 'Ada',
    password: 'correct horse battery',
  });
  const admin = { userId: first.id, role: 'administrator' as const };
  issuance.saveLicensee(admin, {
    legalName: 'Hudson Rough Diamond Trading LLC',
    address: '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States',
    tin: '12-3456789',
    isCommonCarrier: false,
  });
  const user = issuance.createUser(admin, {
    username: 'otto',
    displayName: 'Otto',
    role: 'operator',
    password: 'correct horse battery',
  });
  // One more round's numbers for the WAL count after the timed rounds (walPagesPerCertificate).
  issuance.registerStock(admin, {
    numbers: `US100000-US${String(100_000 + CERTS + ROUND - 1)}`,
  });
  return { issuance, operator: { userId: user.id, role: 'operator' } };
}

const valid = JSON.parse(
  readFileSync(join(process.cwd(), 'tests/fixtures/certificates/valid.json'), 'utf8'),
) as CertificateDraftInput;

type Timed = { wallMs: number; cpuMs: number };

/** Drafts (untimed), then times issue + ship of each: wall time and this process's CPU time. */
function runRound(side: Side, from: number, count: number, beforeTimed = () => {}): Timed {
  const { issuance, operator } = side;
  const ids: number[] = [];
  for (let i = from; i < from + count; i += 1) {
    const number = `US${String(100_000 + i)}`;
    const draft = {
      ...valid,
      number,
      aes: valid.aes === undefined ? undefined : { ...valid.aes, licenseNumber: number.slice(2) },
    };
    const created = issuance.createDraft(operator, { number, draft });
    issuance.recordItn(operator, { id: created.id, itn: 'X20261127123456' });
    ids.push(created.id);
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
  beforeTimed();
  // CPU time beside wall time: on the shared machine the wall time moves with the load, and the
  // fsyncs of the commits are wall time the CPU figure does not hold.
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (const id of ids) {
    issuance.issue(operator, { id, attested: true, packaging, warranty });
    // Rule 8 (SHIP_DATE_IN_FUTURE): ships on the clock's day.
    issuance.ship(operator, { id, shipDate: '2026-11-27' });
  }
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * The pages one round's issue and ship commits write to the WAL, per certificate: the cost the outbox adds at
 * each commit (bench/README.md), counted, so it does not move with the machine's load as the
 * timings do. The WAL is emptied first and not checkpointed during the round; each frame is a
 * 24-byte header and one page.
 */
function walPagesPerCertificate(
  db: Database,
  side: Side,
  walFile: string,
  byTree?: Map<string, number>,
): number {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  try {
    // Only the issue and ship commits: the drafts before them are written and checkpointed.
    runRound(side, CERTS, ROUND, () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('wal_autocheckpoint = 0');
    });
    const frames = (statSync(walFile).size - 32) / (pageSize + 24);
    if (byTree !== undefined)
      for (const [name, count] of walPagesByTree(db, walFile)) byTree.set(name, count);
    return frames / ROUND;
  } finally {
    db.pragma('wal_autocheckpoint = 1000');
  }
}

export function measureOutboxOverhead(dir: string, line: (text: string) => void): void {
  const withDb = openDatabase(join(dir, 'with-outbox.kpdb'), randomBytes(32), { create: true });
  const withoutDb = openDatabase(join(dir, 'without-outbox.kpdb'), randomBytes(32), {
    create: true,
  });
  try {
    const withSide = buildSide(withDb, true);
    const withoutSide = buildSide(withoutDb, false);
    const ratios: number[] = [];
    let withMs = 0;
    let withoutMs = 0;
    let withCpu = 0;
    let withoutCpu = 0;
    for (let from = 0, round = 0; from < CERTS; from += ROUND, round += 1) {
      const count = Math.min(ROUND, CERTS - from);
      // Alternate which side goes first, so neither always runs on a warmer cache.
      const [a, b] = round % 2 === 0 ? [withSide, withoutSide] : [withoutSide, withSide];
      const first = runRound(a, from, count);
      const second = runRound(b, from, count);
      const w = a === withSide ? first : second;
      const wo = a === withSide ? second : first;
      withMs += w.wallMs;
      withoutMs += wo.wallMs;
      withCpu += w.cpuMs;
      withoutCpu += wo.cpuMs;
      ratios.push(w.wallMs / wo.wallMs);
    }
    const rows = withDb.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
    const rowsWithout = withoutDb.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
    const overhead = median(ratios) - 1;
    const treesWith = new Map<string, number>();
    const treesWithout = new Map<string, number>();
    const pagesWith = walPagesPerCertificate(
      withDb,
      withSide,
      join(dir, 'with-outbox.kpdb-wal'),
      treesWith,
    );
    const pagesWithout = walPagesPerCertificate(
      withoutDb,
      withoutSide,
      join(dir, 'without-outbox.kpdb-wal'),
      treesWithout,
    );
    line(
      `Outbox overhead on issue + ship, ${String(CERTS)} certificates per vault (${String(rows)} outbox rows vs ${String(rowsWithout)}):`,
    );
    line(
      `  with outbox ${(withMs / CERTS).toFixed(2)} ms, without ${(withoutMs / CERTS).toFixed(2)} ms per certificate (issue + ship)`,
    );
    line(
      `  CPU time: with outbox ${(withCpu / CERTS).toFixed(2)} ms, without ${(withoutCpu / CERTS).toFixed(2)} ms per certificate (${((withCpu / withoutCpu - 1) * 100).toFixed(1)} %)`,
    );
    line(
      `  WAL pages per certificate (issue + ship commits, ${String(ROUND)} more certificates): with outbox ${pagesWith.toFixed(1)}, without ${pagesWithout.toFixed(1)} (+${(pagesWith - pagesWithout).toFixed(1)}, ${(((pagesWith - pagesWithout) / pagesWithout) * 100).toFixed(1)} %)`,
    );
    // The b-trees whose pages differ: where the outbox's pages go (KP_BENCH_OUTBOX_TREES=1).
    if (process.env.KP_BENCH_OUTBOX_TREES === '1')
      for (const name of [...new Set([...treesWith.keys(), ...treesWithout.keys()])].sort()) {
        const w = (treesWith.get(name) ?? 0) / ROUND;
        const wo = (treesWithout.get(name) ?? 0) / ROUND;
        if (w !== wo)
          line(`    ${name}: ${w.toFixed(2)} vs ${wo.toFixed(2)} pages per certificate`);
      }
    line(
      `  ${overhead <= GOAL ? 'PASS' : 'MISS'} overhead (median of ${String(ratios.length)} rounds) ${(overhead * 100).toFixed(1)} %   goal ≤ ${String(GOAL * 100)} %   (totals: ${((withMs / withoutMs - 1) * 100).toFixed(1)} %)`,
    );
  } finally {
    withDb.close();
    withoutDb.close();
  }
}
