// `kpdesk import-records` on the BUILT CLI against a real encrypted vault (issue 15, record
// import): a bulk-layout CSV with a bad row (the others imported, the bad one stored nowhere), the
// result file, --json, a re-run that imports nothing twice, --all-or-nothing, and the role check
// (administrators only). The vault's audit chain verifies afterwards.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../electron/core/record-import/import-outcome';
import type { BuiltCli } from './cli-built';
import { buildCli } from './cli-built';
import type { CliTestVault } from './cli-test-vault';
import { errorOf, makeCliTestVault } from './cli-test-vault';
import { BULK_HEADER, bulkCells, bulkCsv, historicalRows } from './record-import/historical-rows';

let cli: BuiltCli | undefined;
let vault: CliTestVault;

const resultLines = async (file: string): Promise<ImportOutcome[]> =>
  (await readFile(join(vault.work, file), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ImportOutcome);

const counts = () =>
  vault.withVault((services, db) => ({
    certificates: db.prepare('SELECT count(*) FROM certificates').pluck().get() as number,
    imported: db.prepare('SELECT count(*) FROM record_imports').pluck().get() as number,
    audit: services.audit.verify().ok,
  }));

beforeAll(async () => {
  vault = await makeCliTestVault(() => cli, 'import-cli', 'US50000-US50009');
  cli = await buildCli();
}, 120_000);

afterAll(async () => {
  await cli?.remove();
  await vault.remove();
});

describe('kpdesk import-records (built CLI)', () => {
  it('imports the good rows, refuses the bad one by column, and writes one result line per row', async () => {
    const rows = historicalRows(4, 700000);
    const cells = rows.map(bulkCells);
    const bad = cells[2];
    if (bad === undefined) throw new Error('rows');
    bad[BULK_HEADER.indexOf('dateOfExpiry')] = '2015-02-30';
    const text = [BULK_HEADER, ...cells]
      .map((line) => line.map((c) => `"${c}"`).join(','))
      .join('\r\n');
    await writeFile(join(vault.work, 'history.csv'), `${text}\r\n`);
    const outcome = await vault.kpdesk([
      'import-records', 'history.csv', '--user', 'ada', '--result', 'history.out', '--json',
    ]); // prettier-ignore
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(1);
    expect(JSON.parse(outcome.stdout)).toMatchObject({
      layout: 'bulk-csv',
      rows: 4,
      imported: 3,
      refused: 1,
    });
    expect(outcome.stderr).toMatch(/import-records: row 3 of 4: refused: dateOfExpiry: /);
    const lines = await resultLines('history.out');
    expect(lines.map((l) => l.outcome)).toEqual(['imported', 'imported', 'refused', 'imported']);
    expect(lines[2]).toMatchObject({
      number: 'US700002',
      code: 'CERTIFICATE_HAS_ERRORS',
      field: 'dateOfExpiry',
    });
    expect(await counts()).toEqual({ certificates: 3, imported: 3, audit: true });

    // The same file again: nothing imported twice; the fixed row comes in now.
    bad[BULK_HEADER.indexOf('dateOfExpiry')] = '2016-03-04';
    const fixed = [BULK_HEADER, ...cells].map((line) => line.map((c) => `"${c}"`).join(','));
    await writeFile(join(vault.work, 'history.csv'), `${fixed.join('\r\n')}\r\n`);
    const again = await vault.kpdesk([
      'import-records', 'history.csv', '--user', 'ada', '--result', 'history.out', '--json',
    ]); // prettier-ignore
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 1, alreadyImported: 3 });
    expect(await counts()).toEqual({ certificates: 4, imported: 4, audit: true });
  });

  it('--all-or-nothing imports nothing when one row is refused', async () => {
    const rows = historicalRows(3, 710000);
    const text = bulkCsv(rows).replace('US710001', 'US0710001');
    await writeFile(join(vault.work, 'strict.csv'), text);
    const before = await counts();
    const outcome = await vault.kpdesk([
      'import-records', 'strict.csv', '--user', 'ada', '--all-or-nothing', '--json',
    ]); // prettier-ignore
    expect(outcome.code).toBe(1);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ imported: 0, refused: 1, notImported: 2 });
    expect(await counts()).toEqual(before);
  });

  it('is refused to an operator (exit 2, FORBIDDEN), importing nothing', async () => {
    await writeFile(join(vault.work, 'one.csv'), bulkCsv(historicalRows(1, 720000)));
    const before = await counts();
    const outcome = await vault.kpdesk(['import-records', 'one.csv', '--user', 'otto', '--json']);
    expect(outcome.code).toBe(2);
    expect(errorOf(outcome)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await counts()).toEqual(before);
  });
});
