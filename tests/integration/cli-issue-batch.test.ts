// `kpdesk issue-batch` on the BUILT CLI against a real encrypted vault (issue 15, bulk issue):
// CSV and JSON files; a bad row stores nothing while the others are issued; --all-or-nothing
// refuses the whole batch; a reference is never issued twice, also after the CLI is SIGKILLed in
// the middle of a batch. The signed PDFs are checked by pdfsig, the vault by its audit chain.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCliComputerForSigning } from './cli-signing-computer';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';
import type { BatchOutcome } from '../../electron/core/bulk-issue/batch-outcome';
import type { BuiltCli, Outcome } from './cli-built';
import { buildCli } from './cli-built';
import type { CliTestVault } from './cli-test-vault';
import { PASSPHRASE, PASSWORD, errorOf, makeCliTestVault } from './cli-test-vault';

const exec = promisify(execFile);

let cli: BuiltCli | undefined;
let vault: CliTestVault;

type Row = Record<string, string | string[] | boolean>;

/** A row that passes every rule; `n` makes its ITN (and nothing else) unique. */
function goodRow(reference: string, n: number, changes: Row = {}): Row {
  return {
    reference,
    number: '',
    countryOfOrigin: 'CD',
    dateOfIssue: '2026-11-27',
    dateOfExpiry: '2027-01-26',
    exportDate: '2026-11-28',
    exporterName: 'Hudson Rough Diamond Trading LLC',
    exporterAddress: '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States',
    consigneeName: 'Schupstraat Diamonds BV',
    consigneeAddress: 'Schupstraat 21, 2018 Antwerp, Belgium',
    destinationCountry: 'BE',
    carats: '12.50',
    valueUsd: '15000.00',
    parcels: '2',
    hsCode: '7102.31',
    itn: `X20261127${String(100000 + n)}`,
    fromForeignTradeZone: false,
    packaging: '2 parcels in a sealed box',
    sealNumbers: ['S-1', 'S-2'],
    warranty: 'The diamonds herein invoiced have been purchased from legitimate sources.',
    invoiceNumbers: ['INV-1'],
    ...changes,
  };
}

/** CSV written by the test itself (RFC 4180 quoting), not by the library under test. */
function csvOf(rows: readonly Row[], columns = Object.keys(goodRow('x', 0))): string {
  const cell = (value: Row[string] | undefined): string => {
    const text = Array.isArray(value) ? value.join(';') : String(value ?? '');
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))]
    .join('\r\n')
    .concat('\r\n');
}

const resultLines = async (file: string): Promise<BatchOutcome[]> =>
  (await readFile(join(vault.work, file), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as BatchOutcome);

const counts = () =>
  vault.withVault((_services, db) => ({
    certificates: db.prepare('SELECT count(*) FROM certificates').pluck().get() as number,
    references: db.prepare('SELECT count(*) FROM issue_references').pluck().get() as number,
    used: db.prepare("SELECT count(*) FROM stock WHERE status = 'used'").pluck().get() as number,
  }));

const batch = (file: string, ...extra: string[]): Promise<Outcome> =>
  vault.kpdesk([
    'issue-batch', file, '--attest', '--user', 'otto', '--out-dir', 'pdf', '--result', `${file}.out`, ...extra,
  ]); // prettier-ignore

beforeAll(async () => {
  vault = await makeCliTestVault(() => cli, 'batch-cli', 'US50000-US50199');
  await vault.withVault(async (services, db) => {
    const ada = services.users.list().find((user) => user.username === 'ada');
    if (ada === undefined) throw new Error('no administrator');
    const admin = { userId: ada.id, role: ada.role };
    documentOperationsFor(db, { now: () => new Date(), resourcesDir: undefined }).identity.generate(
      admin,
      { signerName: 'Ada Admin' },
    );
    // The operator "otto" signs the batches: this computer (HOME) is opened for signing.
    await openCliComputerForSigning(db, admin, vault.work);
  });
  await exec('mkdir', ['-p', join(vault.work, 'pdf')]);
  cli = await buildCli();
}, 120_000);

afterAll(async () => {
  await cli?.remove();
  await vault.remove();
});

describe('kpdesk issue-batch (built CLI)', () => {
  it('issues the good rows of a CSV, refuses the bad ones by column and rule, storing nothing for them', async () => {
    const rows = [
      goodRow('SHP-1', 1),
      goodRow('SHP-2', 2, { carats: '12,5' }),
      goodRow('SHP-3', 3, { number: 'US50010' }),
      goodRow('SHP-4', 4, { fromForeignTradeZone: 'maybe' }),
      goodRow('SHP-1', 5),
    ];
    const text = `${csvOf(rows)}SHP-6,too,few,cells\r\n`;
    await writeFile(join(vault.work, 'day1.csv'), text);
    const outcome = await batch('day1.csv', '--json');
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(1);
    expect(outcome.stderr).toContain('issue-batch: row 1 of 6: issued US50000');
    expect(outcome.stderr).toContain('issue-batch: row 2 of 6: refused: carats:');

    const lines = await resultLines('day1.csv.out');
    expect(lines.map((line) => [line.row, line.outcome])).toEqual([
      [1, 'issued'], [2, 'refused'], [3, 'issued'], [4, 'refused'], [5, 'refused'], [6, 'refused'],
    ]); // prettier-ignore
    expect(JSON.parse(outcome.stdout)).toMatchObject({
      rows: 6,
      issued: 2,
      refused: 4,
      alreadyIssued: 0,
    });
    // The lowest number no row asks for: row 3 named US50010 for itself.
    expect(lines[0]).toMatchObject({
      reference: 'SHP-1',
      number: 'US50000',
      state: 'ISSUED',
      line: 2,
    });
    expect(lines[2]).toMatchObject({ reference: 'SHP-3', number: 'US50010' });
    expect(lines[1]).toMatchObject({ code: 'CERTIFICATE_HAS_ERRORS', field: 'carats' });
    expect(lines[1]?.outcome === 'refused' && lines[1].rule).toMatch(/\(.+\)$/);
    expect(lines[3]).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'fromForeignTradeZone',
      rule: 'Write true or false.',
    });
    expect(lines[4]).toMatchObject({ code: 'CONFLICT', field: 'reference' });
    expect(lines[5]).toMatchObject({ code: 'INVALID_INPUT', field: null, line: 7 });

    const pdf = join(vault.work, 'pdf', 'US50000.pdf');
    const { stdout } = await exec('pdfsig', [pdf]);
    expect(stdout).toContain('Signature is Valid.');
    expect(await counts()).toEqual({ certificates: 2, references: 2, used: 2 });
    await vault.withVault((services, db) => {
      expect(services.audit.verify()).toMatchObject({ ok: true });
      expect(
        db
          .prepare(
            'SELECT reference, batch_file, batch_row FROM issue_references ORDER BY batch_row',
          )
          .all(),
      ).toEqual([
        { reference: 'SHP-1', batch_file: 'day1.csv', batch_row: 1 },
        { reference: 'SHP-3', batch_file: 'day1.csv', batch_row: 3 },
      ]);
      const record = services.certificates.getByNumber('US50010');
      expect(record?.packaging).toMatchObject({
        description: '2 parcels in a sealed box',
        sealNumbers: ['S-1', 'S-2'],
      });
    });
  });

  it('re-run: reports what was issued, never issues it twice, writes a missing PDF again from the vault', async () => {
    const kept = await readFile(join(vault.work, 'pdf', 'US50000.pdf'));
    await rm(join(vault.work, 'pdf', 'US50000.pdf'));
    const outcome = await batch('day1.csv', '--json');
    expect(outcome.code).toBe(1);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ issued: 0, alreadyIssued: 2, refused: 4 });
    const lines = await resultLines('day1.csv.out');
    expect(lines[0]).toMatchObject({
      outcome: 'already-issued',
      number: 'US50000',
      note: 'The PDF was written again from the vault.',
    });
    expect(lines[2]).toMatchObject({ outcome: 'already-issued', number: 'US50010' });
    const again = await readFile(join(vault.work, 'pdf', 'US50000.pdf'));
    expect(createHash('sha256').update(again).digest('hex')).toBe(
      createHash('sha256').update(kept).digest('hex'),
    );
    expect(await counts()).toEqual({ certificates: 2, references: 2, used: 2 });
  });

  it('--all-or-nothing refuses the whole JSON batch for one bad row, and issues all once it is fixed', async () => {
    const rows = [
      goodRow('AON-1', 11),
      goodRow('AON-2', 12, { consigneeAddress: 'Schupstraat 21, Antwerp' }),
      goodRow('AON-3', 13),
    ];
    await writeFile(join(vault.work, 'aon.json'), JSON.stringify(rows));
    const before = await counts();
    const refused = await batch('aon.json', '--all-or-nothing', '--json');
    expect(refused.code, refused.stdout + refused.stderr).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ issued: 0, refused: 1, notIssued: 2 });
    const lines = await resultLines('aon.json.out');
    expect(lines.map((line) => line.outcome)).toEqual(['not-issued', 'refused', 'not-issued']);
    expect(lines[1]).toMatchObject({ field: 'consigneeAddress' });
    expect(await counts()).toEqual(before);
    expect(existsSync(join(vault.work, 'pdf', 'US50001.pdf'))).toBe(false);

    rows[1] = goodRow('AON-2', 12);
    await writeFile(join(vault.work, 'aon.json'), JSON.stringify(rows));
    const issued = await batch('aon.json', '--all-or-nothing', '--json');
    expect(issued.code, issued.stdout + issued.stderr).toBe(0);
    expect(JSON.parse(issued.stdout)).toMatchObject({ issued: 3, refused: 0 });
    expect((await resultLines('aon.json.out')).map((line) => line.outcome === 'issued' && line.number)).toEqual([
      'US50001', 'US50002', 'US50003',
    ]); // prettier-ignore
    expect(await counts()).toEqual({ certificates: 5, references: 5, used: 5 });
  });

  it('refuses the batch as a whole for a reviewer, a missing --attest or an unknown column', async () => {
    await writeFile(join(vault.work, 'one.csv'), csvOf([goodRow('ONE-1', 21)]));
    await writeFile(
      join(vault.work, 'typo.csv'),
      csvOf([goodRow('TYPO-1', 22)]).replace('consigneeName', 'consigneName'),
    );
    const before = await counts();
    const reviewer = await vault.kpdesk([
      'issue-batch',
      'one.csv',
      '--attest',
      '--user',
      'rita',
      '--json',
    ]);
    expect(errorOf(reviewer).code).toBe('FORBIDDEN');
    const noAttest = await vault.kpdesk(['issue-batch', 'one.csv', '--user', 'otto', '--json']);
    expect(errorOf(noAttest)).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { '--attest': 'required' },
    });
    const typo = await vault.kpdesk([
      'issue-batch',
      'typo.csv',
      '--attest',
      '--user',
      'otto',
      '--json',
    ]);
    expect(typo.code).toBe(2);
    expect(errorOf(typo).message).toContain('"consigneName" is not a column');
    expect(await counts()).toEqual(before);

    // On a computer not opened for signing, every row is refused SIGNING_LOCKED, row by row, and
    // nothing is stored (the keys open for the batch, in the signing thread's parent, or not at all).
    await writeFile(
      join(vault.work, 'locked.csv'),
      csvOf([goodRow('LOCK-1', 31), goodRow('LOCK-2', 32)]),
    );
    const locked = await vault.kpdesk(
      ['issue-batch', 'locked.csv', '--attest', '--user', 'otto', '--out-dir', 'pdf', '--result', 'locked.csv.out', '--json'],
      { HOME: join(vault.work, 'another-computer') },
    ); // prettier-ignore
    expect(locked.code, locked.stdout + locked.stderr).toBe(1);
    expect(JSON.parse(locked.stdout)).toMatchObject({ issued: 0, refused: 2 });
    expect((await resultLines('locked.csv.out')).map((line) => line.outcome === 'refused' && line.code)).toEqual([
      'SIGNING_LOCKED', 'SIGNING_LOCKED',
    ]); // prettier-ignore
    expect(await counts()).toEqual(before);
  });
});

/**
 * Runs a batch committing every 2 rows and SIGKILLs the CLI as soon as it reports row `killAfter`
 * issued (a row is reported only after its group committed): the kill lands while later rows are
 * being signed or committed.
 */
function batchKilledAfter(
  file: string,
  killAfter: number,
): Promise<{ killed: boolean; lastRow: number }> {
  const built = cli;
  if (built === undefined) throw new Error('CLI not built');
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('KPDESK_')),
  );
  const child = spawn(
    process.execPath,
    [built.launcher, 'issue-batch', file, '--attest', '--user', 'otto', '--out-dir', 'pdf', '--result', `${file}.out`, '--commit-every', '2', '--dir', vault.vaultDir],
    { cwd: vault.work, env: { ...env, HOME: vault.work, KPDESK_PASSPHRASE: PASSPHRASE, KPDESK_PASSWORD: PASSWORD }, stdio: ['ignore', 'ignore', 'pipe'] },
  ); // prettier-ignore
  let lastRow = 0;
  let killed = false;
  createInterface({ input: child.stderr }).on('line', (line) => {
    const match = /^issue-batch: row (\d+) of \d+: issued/.exec(line);
    if (match === null) return;
    lastRow = Number(match[1]);
    if (lastRow >= killAfter && !killed) killed = child.kill('SIGKILL');
  });
  return new Promise((resolve) => {
    child.on('exit', (_code, signal) => {
      resolve({ killed: killed && signal === 'SIGKILL', lastRow });
    });
  });
}

describe('kpdesk issue-batch after a SIGKILL mid-batch', () => {
  it('re-running issues every row exactly once', async () => {
    const ROWS = 24;
    // The kill must land mid-batch: some rows committed, not all. Retried with a new batch if not.
    for (const [attempt, killAfter] of [3, 7, 2].entries()) {
      const file = `crash-${String(attempt)}.csv`;
      const prefix = `CR${String(attempt)}-`;
      await writeFile(
        join(vault.work, file),
        csvOf(
          Array.from({ length: ROWS }, (_, i) =>
            goodRow(`${prefix}${String(i + 1)}`, 1000 + attempt * 100 + i),
          ),
        ),
      );
      const before = await counts();
      const run = await batchKilledAfter(file, killAfter);
      const afterKill = await counts();
      const committed = afterKill.references - before.references;
      if (!run.killed || committed >= ROWS) continue;
      expect(committed).toBeGreaterThanOrEqual(killAfter);
      // Nothing half done: every reference has its certificate, and no form was taken without one.
      expect(afterKill.certificates - before.certificates).toBe(committed);
      expect(afterKill.used - before.used).toBe(committed);
      await vault.withVault((services) => {
        expect(services.audit.verify()).toMatchObject({ ok: true });
      });

      const rerun = await batch(file, '--json');
      expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
      expect(JSON.parse(rerun.stdout)).toMatchObject({
        rows: ROWS,
        issued: ROWS - committed,
        alreadyIssued: committed,
        refused: 0,
      });
      const lines = await resultLines(`${file}.out`);
      const numbers = lines.map((line) =>
        line.outcome === 'issued' || line.outcome === 'already-issued' ? line.number : '',
      );
      expect(new Set(numbers).size).toBe(ROWS);
      for (const line of lines)
        expect(
          line.outcome === 'issued' || line.outcome === 'already-issued' ? line.pdf : null,
        ).toMatch(/\.pdf$/);
      const final = await counts();
      expect(final.references - before.references).toBe(ROWS);
      expect(final.certificates - before.certificates).toBe(ROWS);
      await vault.withVault((services, db) => {
        expect(services.audit.verify()).toMatchObject({ ok: true });
        const perReference = db
          .prepare("SELECT count(*) FROM issue_references WHERE reference LIKE ? || '%'")
          .pluck()
          .get(prefix);
        expect(perReference).toBe(ROWS);
      });
      return;
    }
    throw new Error('No SIGKILL landed mid-batch in three attempts.');
  }, 240_000);
});
