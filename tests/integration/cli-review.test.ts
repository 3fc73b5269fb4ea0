// `kpdesk review` on the built CLI against a real encrypted vault (with its key file, so the
// report names the vault): exit 0 with warnings only, the JSON report with the vault's id and
// the finding, CSV and PDF files written new (never over an existing file), progress on stderr,
// refusals with exit 2 (an operator, --package with vault options, a PDF without --out), nothing in the
// vault changed by a review; then a record changed behind the app: exit 1, AUDIT_CHAIN_BROKEN.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewReport } from '../../shared/review/review-report';
import type { BuiltCli, Outcome } from './cli-built';
import { buildCli } from './cli-built';
import type { CliTestVault } from './cli-test-vault';
import { HUDSON_LICENSEE, errorOf, makeCliTestVault } from './cli-test-vault';
import { dumpTables, validDraft } from './vault/vault-fixture';

let cli: BuiltCli | undefined;
let vault: CliTestVault;

const kpdesk = (args: string[]): Promise<Outcome> => vault.kpdesk(['review', ...args]);
const tables = () => vault.withVault((_services, db) => dumpTables(db));

beforeAll(async () => {
  vault = await makeCliTestVault(() => cli, 'review-cli', 'US12340-US12349', {
    licensee: HUDSON_LICENSEE,
    stockDescription: 'Book 1',
    now: () => new Date('2026-11-27T10:00:00.000Z'),
    seed: ({ issuance }, admin) => {
      // Issued; its USKPA report waits in the outbox (no recipient is configured): a warning.
      const { id } = issuance.createDraft(admin, {
        number: 'US12340',
        draft: validDraft('US12340'),
      });
      issuance.recordItn(admin, { id, itn: 'X20261127123456' });
      issuance.issue(admin, {
        id,
        attested: true,
        packaging: { description: 'Sealed tamper-evident box', sealNumbers: ['S-1'] },
        warranty: { statement: 'The diamonds herein invoiced…', invoiceNumbers: ['INV-1'] },
      });
    },
  });
  cli = await buildCli();
}, 180_000);

afterAll(async () => {
  await cli?.remove();
  await vault.remove();
});

describe('kpdesk review (built CLI)', () => {
  it('exits 0 with warnings only; the JSON names the vault and the finding; progress on stderr', async () => {
    const before = await tables();
    const outcome = await kpdesk(['--format', 'json', '--user', 'rita']);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toContain('review: verifying the audit chain…');
    expect(outcome.stderr).toContain('review: checking the records…');
    const report = JSON.parse(outcome.stdout) as ReviewReport;
    expect(report.vault.vaultId).toMatch(/\S/);
    expect(report.counts).toEqual({ error: 0, warning: 1, info: 0 });
    expect(report.findings[0]).toMatchObject({
      code: 'USKPA_REPORT_NOT_DELIVERED',
      certificateNumber: 'US12340',
      severity: 'warning',
    });
    expect(report.ranBy).toBe('rita (rita, reviewer)');
    // A review changes nothing, not even the audit chain.
    expect(await tables()).toEqual(before);
  });

  it('writes the table, CSV and PDF; --out never overwrites', async () => {
    const table = await kpdesk(['--period', '2026Q4', '--user', 'rita']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('period:     2026Q4 (2026-10-01..2026-12-31)');
    expect(table.stdout).toMatch(/WARNINGS \(1\)\n {2}US12340 {2}USKPA_REPORT_NOT_DELIVERED/);

    const csv = await kpdesk(['--format', 'csv', '--out', 'review.csv', '--user', 'rita']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe('');
    const lines = readFileSync(join(vault.work, 'review.csv'), 'utf8').split('\r\n');
    expect(lines[0]).toMatch(/^severity,code,certificate,rule,citation,message,vault_id/);
    expect(lines[1]).toMatch(/^warning,USKPA_REPORT_NOT_DELIVERED,US12340,/);
    const again = await kpdesk(['--format', 'csv', '--out', 'review.csv', '--user', 'rita']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/review\.csv already exists; it is never overwritten/);

    const pdf = await kpdesk(['--format', 'pdf', '--out', 'review.pdf', '--user', 'rita']);
    expect(pdf.code).toBe(0);
    expect(
      execFileSync('qpdf', ['--check', join(vault.work, 'review.pdf')], { encoding: 'utf8' }),
    ).toMatch(/No syntax or stream encoding errors found/);
  });

  it('refuses an operator, --package with vault options and a PDF without --out (exit 2)', async () => {
    const operator = await kpdesk(['--json', '--user', 'otto']);
    expect(operator.code).toBe(2);
    expect(errorOf(operator)).toMatchObject({ code: 'FORBIDDEN' });
    const pkg = await kpdesk(['--package', 'x.kppkg', '--json', '--user', 'rita']);
    expect(pkg.code).toBe(2);
    expect(errorOf(pkg).message).toMatch(/With --package no vault is opened: leave out --dir/);
    const noOut = await kpdesk(['--format', 'pdf', '--user', 'rita']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/A PDF is written to a file: add --out/);
  });

  it('exits 1 with AUDIT_CHAIN_BROKEN once a record was changed behind the app', async () => {
    await vault.withVault((_services, db) => {
      db.prepare(
        "UPDATE certificates SET consignee_name = 'Someone Else' WHERE number = 'US12340'",
      ).run();
    });
    const outcome = await kpdesk(['--user', 'rita']);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toMatch(/ERRORS \(1\)\n {2}US12340 {2}AUDIT_CHAIN_BROKEN/);
  });
});
