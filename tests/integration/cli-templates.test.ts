// `kpdesk templates` and `kpdesk issue --template` on the BUILT CLI against a real encrypted vault
// (issue 15, part 6): a template saved from a JSON file and from an issued certificate, listed by
// a reviewer, its name unique regardless of case, and a new certificate issued from a shipment
// file that holds only the shipment's own values, the template filling the rest; reviewers cannot
// change templates; every refusal exits 2 and changes nothing.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';
import type { BuiltCli, Outcome } from './cli-built';
import { buildCli } from './cli-built';
import { ISSUE_STATEMENTS } from './cli-issue-file';
import { openCliComputerForSigning } from './cli-signing-computer';
import type { CliTestVault } from './cli-test-vault';
import { LICENSEE, errorOf, makeCliTestVault } from './cli-test-vault';

let cli: BuiltCli | undefined;
let vault: CliTestVault;

const fixtures = fileURLToPath(new URL('../fixtures/certificates/', import.meta.url));
const CONSIGNEE = {
  name: 'Schupstraat Diamonds BV',
  address: 'Schupstraat 21\n2018 Antwerp\nBelgium',
};
const EXPORTER_ADDRESS = '1 Carrier Plaza, New York, NY 10001, United States';
const auditEvents = () => vault.withVault((services) => services.audit.verify().eventsChecked);
const json = (outcome: Outcome): unknown => JSON.parse(outcome.stdout);

beforeAll(async () => {
  vault = await makeCliTestVault(() => cli, 'templates-cli', 'US51000-US51004');
  await vault.withVault(async (services, db) => {
    const admin = { userId: 1, role: 'administrator' as const };
    services.issuance.createParty(admin, {
      kind: 'exporter',
      name: LICENSEE,
      address: EXPORTER_ADDRESS,
      country: 'US',
    });
    services.issuance.createParty(admin, { kind: 'consignee', ...CONSIGNEE, country: 'BE' });
    documentOperationsFor(db, { now: () => new Date(), resourcesDir: undefined }).identity.generate(
      admin,
      { signerName: 'Ada Admin', keyType: 'ecdsa-p256' },
    );
    await openCliComputerForSigning(db, admin, vault.work);
  });
  const valid = JSON.parse(await readFile(join(fixtures, 'valid.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  // The shipment's own values only: number, dates, carats, value, ITN, AES entries.
  const shipment = {
    number: 'US51000',
    dateOfIssue: valid.dateOfIssue,
    dateOfExpiry: valid.dateOfExpiry,
    exportDate: valid.exportDate,
    carats: '3.25',
    valueUsd: '4100.00',
    itn: valid.itn,
    aes: { ...(valid.aes as object), licenseNumber: '51000', licenseValue: '4100.00' },
  };
  await writeFile(join(vault.work, 'shipment.json'), JSON.stringify(shipment));
  await writeFile(
    join(vault.work, 'template.json'),
    JSON.stringify({
      exporter: { name: LICENSEE, address: EXPORTER_ADDRESS },
      consignee: CONSIGNEE,
      countryOfOrigin: 'CD',
      destinationCountry: 'BE',
      hsCodes: ['7102.31'],
      portOfExit: 'New York (JFK)',
      carrier: 'Malca-Amit',
      usualParcels: '2',
    }),
  );
  await writeFile(
    join(vault.work, 'with-itn.json'),
    JSON.stringify({ destinationCountry: 'BE', itn: 'X20261127123456' }),
  );
  cli = await buildCli();
}, 180_000);

afterAll(async () => {
  await cli?.remove();
  await vault.remove();
});

describe('kpdesk templates (built CLI)', () => {
  it('saves, lists, refuses a duplicate name and shipment fields, and issues from a template', async () => {
    const saved = await vault.kpdesk([
      'templates',
      'save',
      'Antwerp weekly',
      '--file',
      'template.json',
      '--user',
      'otto',
      '--json',
    ]);
    expect(saved.code, saved.stderr + saved.stdout).toBe(0);
    expect(json(saved)).toMatchObject({
      name: 'Antwerp weekly',
      carrier: 'Malca-Amit',
      consignee: { name: CONSIGNEE.name },
    });

    const before = await auditEvents();
    const duplicate = await vault.kpdesk([
      'templates',
      'save',
      'ANTWERP WEEKLY',
      '--file',
      'template.json',
      '--user',
      'otto',
      '--json',
    ]);
    expect(duplicate.code).toBe(2);
    expect(errorOf(duplicate).code).toBe('CONFLICT');
    const withItn = await vault.kpdesk([
      'templates',
      'save',
      'With ITN',
      '--file',
      'with-itn.json',
      '--user',
      'otto',
      '--json',
    ]);
    expect(withItn.code).toBe(2);
    expect(errorOf(withItn).fields?.itn).toContain('592.301(a)(5)');
    const byReviewer = await vault.kpdesk([
      'templates',
      'delete',
      'Antwerp weekly',
      '--user',
      'rita',
      '--json',
    ]);
    expect(byReviewer.code).toBe(2);
    expect(errorOf(byReviewer).code).toBe('FORBIDDEN');
    expect(await auditEvents()).toBe(before);

    const listed = await vault.kpdesk(['templates', 'list', '--user', 'rita']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/Antwerp weekly\s+Atlas Secure Logistics Inc\.\s+Schupstraat/);

    const issued = await vault.kpdesk([
      'issue',
      'shipment.json',
      '--template',
      'antwerp weekly',
      ...ISSUE_STATEMENTS,
      '--user',
      'ada',
      '--json',
    ]);
    expect(issued.code, issued.stderr + issued.stdout).toBe(0);
    expect(json(issued)).toMatchObject({
      number: 'US51000',
      state: 'ISSUED',
    });
    const draft = await vault.withVault(
      (services) => services.certificates.getByNumber('US51000')?.draft,
    );
    expect(draft).toMatchObject({
      exporter: { name: LICENSEE, address: EXPORTER_ADDRESS },
      consignee: CONSIGNEE,
      countryOfOrigin: 'CD',
      destinationCountry: 'BE',
      hsCodes: ['7102.31'],
      parcels: '2',
      carats: '3.25',
      valueUsd: '4100.00',
    });
  }, 120_000);

  it('saves from an issued certificate, shows it, and deletes it', async () => {
    const saved = await vault.kpdesk([
      'templates',
      'save',
      'From US51000',
      '--from',
      'US51000',
      '--carrier',
      "Brink's",
      '--user',
      'otto',
    ]);
    expect(saved.code, saved.stderr + saved.stdout).toBe(0);
    const shown = await vault.kpdesk([
      'templates',
      'show',
      'from us51000',
      '--user',
      'rita',
      '--json',
    ]);
    expect(json(shown)).toMatchObject({
      name: 'From US51000',
      hsCodes: ['7102.31'],
      usualParcels: 2,
      carrier: "Brink's",
    });
    // The shipment's own values never reach a template.
    expect(shown.stdout).not.toContain('4100');
    expect(shown.stdout).not.toContain('X20261127123456');
    const deleted = await vault.kpdesk(['templates', 'delete', 'From US51000', '--user', 'otto']);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toContain('Deleted template "From US51000"');
    const missing = await vault.kpdesk([
      'issue',
      'shipment.json',
      '--template',
      'From US51000',
      ...ISSUE_STATEMENTS,
      '--user',
      'ada',
      '--json',
    ]);
    expect(missing.code).toBe(2);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
  }, 120_000);
});
