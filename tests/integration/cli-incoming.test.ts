// `kpdesk incoming` on the BUILT CLI against a real encrypted vault (issue 15, part 4): register
// a foreign certificate with its scan, list it with its receipt confirmation's due date and the
// Census copy's state, write the receipt report as a PDF (read back with pdftotext), record the
// confirmation as sent; refusals exit 2 naming the field, and change nothing.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltCli, Outcome } from './cli-built';
import { buildCli } from './cli-built';
import type { CliTestVault } from './cli-test-vault';
import { errorOf, makeCliTestVault } from './cli-test-vault';
import { PNG_1X1, botswanaCertificate } from './incoming/incoming-fixture';

let cli: BuiltCli | undefined;
let vault: CliTestVault;

const auditEvents = () => vault.withVault((services) => services.audit.verify().eventsChecked);
const json = (outcome: Outcome): unknown => JSON.parse(outcome.stdout);

beforeAll(async () => {
  vault = await makeCliTestVault(() => cli, 'incoming-cli', 'US41000-US41004');
  await writeFile(join(vault.work, 'bw.json'), JSON.stringify(botswanaCertificate()));
  await writeFile(
    join(vault.work, 'za.json'),
    JSON.stringify(botswanaCertificate({ number: 'ZA 777777' })),
  );
  await writeFile(join(vault.work, 'scan.png'), PNG_1X1);
  await writeFile(join(vault.work, 'scan.txt'), 'not a scan');
  cli = await buildCli();
}, 120_000);

afterAll(async () => {
  await cli?.remove();
  await vault.remove();
});

describe('kpdesk incoming (built CLI)', () => {
  it('registers, lists, writes the receipt report and records it sent', async () => {
    const before = await auditEvents();
    const wrong = await vault.kpdesk([
      'incoming',
      'register',
      'za.json',
      '--user',
      'otto',
      '--json',
    ]);
    expect(wrong.code, wrong.stderr).toBe(2);
    expect(errorOf(wrong).fields?.number).toMatch(/starts with "ZA".*exporting Participant is BW/);
    const badScan = await vault.kpdesk([
      'incoming',
      'register',
      'bw.json',
      '--scan',
      'scan.txt',
      '--user',
      'otto',
      '--json',
    ]);
    expect(badScan.code).toBe(2);
    expect(errorOf(badScan).fields?.scan).toMatch(/PDF, PNG or JPEG/);
    const reviewer = await vault.kpdesk([
      'incoming',
      'register',
      'bw.json',
      '--user',
      'rita',
      '--json',
    ]);
    expect(errorOf(reviewer).code).toBe('FORBIDDEN');
    expect(await auditEvents()).toBe(before);

    const registered = await vault.kpdesk([
      'incoming',
      'register',
      'bw.json',
      '--scan',
      'scan.png',
      '--user',
      'otto',
      '--json',
    ]);
    expect(registered.code, registered.stderr).toBe(0);
    expect(json(registered)).toMatchObject({
      number: 'BW012345',
      receiptDueOn: '2026-12-05',
      censusCopy: { status: 'pending' },
      scans: [{ fileName: 'scan.png', mediaType: 'image/png' }],
    });

    const listed = await vault.kpdesk(['incoming', 'list', '--user', 'rita']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/BW012345\s+BW\s+2026-11-20\s+1234\.56 ct\s+Łódź Diament/);
    expect(listed.stdout).toMatch(/pending/);

    const report = await vault.kpdesk([
      'incoming',
      'receipt-report',
      'BW012345',
      '--out',
      'receipt.pdf',
      '--user',
      'rita',
    ]);
    expect(report.code, report.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', join(vault.work, 'receipt.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(text).toMatch(/KP certificate number\s+BW012345/);
    expect(text).toMatch(/Number of parcels\s+3/);
    // Never overwritten.
    const again = await vault.kpdesk([
      'incoming',
      'receipt-report',
      'BW012345',
      '--out',
      'receipt.pdf',
      '--user',
      'rita',
      '--json',
    ]);
    expect(again.code).toBe(2);

    const sent = await vault.kpdesk([
      'incoming',
      'confirm-sent',
      'BW012345',
      '--date',
      '2026-11-30',
      '--user',
      'otto',
      '--json',
    ]);
    expect(sent.code, sent.stderr).toBe(0);
    expect(json(sent)).toMatchObject({ receiptSentOn: '2026-11-30', receiptDuty: 'sent' });
    expect(await vault.withVault((services) => services.audit.verify().ok)).toBe(true);
  });
});
