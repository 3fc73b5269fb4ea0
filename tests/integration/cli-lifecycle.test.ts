// `kpdesk ship`, `deliver`, `void`, `records` and `parties` on the BUILT CLI against a real
// encrypted vault (issue 15, CLI parity): each step goes through the issuance service, so the
// app's roles and lifecycle rules apply, the outbox gets the Census and USKPA rows in the same
// transaction, and a refusal changes nothing (the audit chain's length and the record's state are
// compared before and after).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateDraftInput } from '../../shared/domain/certificate-draft';
import type { BuiltCli, Outcome } from './cli-built';
import { buildCli } from './cli-built';
import type { CliTestVault } from './cli-test-vault';
import { errorOf, makeCliTestVault } from './cli-test-vault';

const fixtures = fileURLToPath(new URL('../fixtures/certificates/', import.meta.url));

let cli: BuiltCli | undefined;
let vault: CliTestVault;

const auditEvents = () => vault.withVault((services) => services.audit.verify().eventsChecked);
const stateOf = (number: string) =>
  vault.withVault((services) => services.certificates.getByNumber(number)?.state);
const json = (outcome: Outcome): Record<string, unknown> =>
  JSON.parse(outcome.stdout) as Record<string, unknown>;

/** Refused, exit 2, with this error code, and nothing written to the vault. */
async function expectRefused(args: string[], code: string): Promise<Outcome> {
  const before = await auditEvents();
  const outcome = await vault.kpdesk([...args, '--json']);
  expect(outcome.code, outcome.stdout + outcome.stderr).toBe(2);
  expect(errorOf(outcome).code).toBe(code);
  expect(await auditEvents()).toBe(before);
  return outcome;
}

beforeAll(async () => {
  vault = await makeCliTestVault(() => cli, 'lifecycle-cli', 'US40000-US40009');
  const valid = JSON.parse(
    await readFile(join(fixtures, 'valid.json'), 'utf8'),
  ) as CertificateDraftInput;
  // Three issued certificates (and one draft), made in-process: the CLI steps are under test.
  await vault.withVault((services) => {
    const ada = services.users.list().find((user) => user.username === 'ada');
    if (ada === undefined) throw new Error('no administrator');
    const actor = { userId: ada.id, role: ada.role };
    const consignees = [
      'Schupstraat Diamonds BV',
      'Hoveniersstraat Trading NV',
      'Mumbai Rough Pvt Ltd',
    ];
    consignees.forEach((name, index) => {
      const number = `US4000${String(index)}`;
      const record = services.issuance.createDraft(actor, {
        number,
        draft: {
          ...valid,
          number,
          consignee: { ...valid.consignee, name } as { name: string; address: string },
          itn: `X2026112700000${String(index)}`,
          aes: { ...valid.aes, licenseNumber: number.slice(2) },
        },
      });
      services.issuance.recordItn(actor, { id: record.id, itn: `X2026112700000${String(index)}` });
      services.issuance.issue(actor, {
        id: record.id,
        attested: true,
        packaging: { description: 'Sealed box' },
        warranty: { statement: 'Conflict-free.' },
      });
    });
    services.issuance.createDraft(actor, {
      number: 'US40005',
      draft: { ...valid, number: 'US40005', itn: '' },
    });
  });
  cli = await buildCli();
}, 120_000);

afterAll(async () => {
  await cli?.remove();
  await vault.remove();
});

describe('kpdesk ship and deliver (built CLI)', () => {
  it('ships on a date and queues the Census copy; refuses bad dates and reviewers', async () => {
    await expectRefused(
      ['ship', 'US40000', '--date', '2026-13-01', '--user', 'otto'],
      'INVALID_INPUT',
    );
    await expectRefused(['ship', 'US40000', '--user', 'otto'], 'INVALID_INPUT');
    await expectRefused(['ship', 'US40000', '--date', '2026-11-28', '--user', 'rita'], 'FORBIDDEN');
    // Before the date of issue (2026-11-27): the lifecycle refuses it.
    const early = await expectRefused(
      ['ship', 'US40000', '--date', '2026-11-20', '--user', 'otto'],
      'ILLEGAL_TRANSITION',
    );
    expect(errorOf(early).message).toMatch(/issue/i);
    await expectRefused(['ship', 'US49999', '--date', '2026-11-28', '--user', 'otto'], 'NOT_FOUND');
    await expectRefused(
      ['ship', 'US40005', '--date', '2026-11-28', '--user', 'otto'],
      'ILLEGAL_TRANSITION',
    );
    expect(await stateOf('US40000')).toBe('ISSUED');

    const shipped = await vault.kpdesk([
      'ship',
      'us-40000',
      '--date',
      '2026-11-28',
      '--user',
      'otto',
      '--json',
    ]);
    expect(shipped.code, shipped.stdout + shipped.stderr).toBe(0);
    expect(json(shipped)).toMatchObject({
      number: 'US40000',
      state: 'SHIPPED',
      shipDate: '2026-11-28',
    });
    await vault.withVault((services) => {
      const record = services.certificates.getByNumber('US40000');
      const outbox = services.outbox.listForCertificate(record?.id ?? 0);
      expect(outbox.map((row) => [row.recipient, row.reason])).toContainEqual([
        'census',
        'shipped',
      ]);
    });
  });

  it('delivers a shipped certificate, with the import confirmation', async () => {
    await expectRefused(['deliver', 'US40001', '--user', 'otto'], 'ILLEGAL_TRANSITION');
    const delivered = await vault.kpdesk([
      'deliver',
      'US40000',
      '--import-confirmed',
      '--user',
      'ada',
    ]);
    expect(delivered.code, delivered.stderr).toBe(0);
    expect(delivered.stdout).toContain('Delivered US40000, import confirmed.');
    expect(await stateOf('US40000')).toBe('DELIVERED');
  });
});

describe('kpdesk void (built CLI)', () => {
  it('voids with a USKPA reason, queues Census and USKPA copies; refuses what the rules refuse', async () => {
    await expectRefused(
      ['void', 'US40001', '--reason', 'bored', '--user', 'otto'],
      'INVALID_INPUT',
    );
    await expectRefused(['void', 'US40001', '--user', 'otto'], 'INVALID_INPUT');
    await expectRefused(['void', 'US40001', '--reason', 'printer', '--user', 'rita'], 'FORBIDDEN');
    // "Other" needs notes (USKPA void form).
    await expectRefused(
      ['void', 'US40001', '--reason', 'other', '--user', 'otto'],
      'ILLEGAL_TRANSITION',
    );
    // Delivered: too late to void.
    await expectRefused(
      ['void', 'US40000', '--reason', 'printer', '--user', 'otto'],
      'ILLEGAL_TRANSITION',
    );

    const voided = await vault.kpdesk([
      'void',
      'US40001',
      '--reason',
      'PRINTER',
      '--user',
      'otto',
      '--json',
    ]);
    expect(voided.code, voided.stdout + voided.stderr).toBe(0);
    expect(json(voided)).toMatchObject({
      number: 'US40001',
      state: 'VOIDED',
      voidReason: 'Printer error',
    });
    const other = await vault.kpdesk([
      'void', 'US40005', '--reason', 'Other (notes required)', '--notes', 'Customer changed the HS code', '--user', 'otto', '--json',
    ]); // prettier-ignore
    expect(json(other)).toMatchObject({
      state: 'VOIDED',
      voidNotes: 'Customer changed the HS code',
    });
    await vault.withVault((services) => {
      const record = services.certificates.getByNumber('US40001');
      const events = services.outbox
        .listForCertificate(record?.id ?? 0)
        .map((row) => [row.recipient, row.reason]);
      expect(events).toEqual(
        expect.arrayContaining([
          ['census', 'voided'],
          ['uskpa', 'voided'],
        ]),
      );
      expect(services.stock.get('US40001')?.status).toBe('voided');
    });
  });

  it('voids a blank form never drafted, and never the same number twice', async () => {
    const blank = await vault.kpdesk([
      'void',
      'US40009',
      '--reason',
      'printer',
      '--user',
      'otto',
      '--json',
    ]);
    expect(blank.code, blank.stdout + blank.stderr).toBe(0);
    expect(json(blank)).toMatchObject({ certificateId: null, number: 'US40009', state: 'VOIDED' });
    await expectRefused(
      ['void', 'US40009', '--reason', 'printer', '--user', 'otto'],
      'STOCK_NUMBER_UNAVAILABLE',
    );
    await expectRefused(
      ['void', 'US49999', '--reason', 'printer', '--user', 'otto'],
      'STOCK_NUMBER_UNAVAILABLE',
    );
    await vault.withVault((services) => {
      expect(services.stock.get('US40009')?.status).toBe('voided');
      expect(services.audit.verify()).toMatchObject({ ok: true });
    });
  });
});

describe('kpdesk records (built CLI)', () => {
  it('lists by state and finds any part of a party name, number or ITN', async () => {
    const all = await vault.kpdesk(['records', '--user', 'rita', '--json']);
    expect(all.code, all.stderr).toBe(0);
    const numbers = (outcome: Outcome) =>
      (json(outcome).records as { number: string }[]).map((record) => record.number).sort();
    expect(numbers(all)).toEqual(['US40000', 'US40001', 'US40002', 'US40005']);
    // Inside a name, in any letter case: "straat" is in two consignee names, never at their start
    // (US40005, a draft, has the fixture's consignee, as US40000).
    const inside = await vault.kpdesk([
      'records',
      '--search',
      'STRAAT',
      '--user',
      'rita',
      '--json',
    ]);
    expect(numbers(inside)).toEqual(['US40000', 'US40001', 'US40005']);
    expect(
      numbers(
        await vault.kpdesk([
          'records',
          '--search',
          '4000',
          '--state',
          'voided',
          '--user',
          'rita',
          '--json',
        ]),
      ),
    ).toEqual(['US40001', 'US40005']);
    expect(
      numbers(await vault.kpdesk(['records', '--search', '112700000', '--user', 'rita', '--json'])),
    ).toEqual(['US40000', 'US40001', 'US40002']);
    expect(
      numbers(await vault.kpdesk(['records', '--search', '%', '--user', 'rita', '--json'])),
    ).toEqual([]);
    const limited = await vault.kpdesk(['records', '--limit', '2', '--user', 'rita', '--json']);
    expect(json(limited)).toMatchObject({ more: true });
    const text = await vault.kpdesk(['records', '--search', 'mumbai', '--user', 'rita']);
    expect(text.stdout).toMatch(/^NUMBER\s+STATE\s+ISSUED\s+EXPORTER\s+CONSIGNEE\s+TO\s+ITN/);
    expect(text.stdout).toContain('US40002');
    expect(text.stdout).toContain('1 certificate.');
    const bad = await vault.kpdesk(['records', '--state', 'lost', '--user', 'rita', '--json']);
    expect(errorOf(bad)).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { '--state': expect.any(String) as string },
    });
    const stranger = await vault.kpdesk(['records', '--user', 'nobody', '--json']);
    expect(stranger.code).toBe(2);
  });
});

describe('kpdesk parties (built CLI)', () => {
  it('imports CSV all or nothing, skips what is known, exports what imports back', async () => {
    const csv = [
      'kind,name,address,country',
      'consignee,Schupstraat Diamonds BV,"Schupstraat 21, 2018 Antwerp, Belgium",be',
      'exporter,"Hudson ""Rough"" Trading LLC","580 Fifth Avenue\nNew York, NY 10036, United States",US',
      'consignee,schupstraat diamonds bv,"Another address, Antwerp, Belgium",BE',
    ].join('\r\n');
    await writeFile(join(vault.work, 'parties.csv'), csv);
    await writeFile(
      join(vault.work, 'bad.csv'),
      'kind,name,address,country\nconsignee,A,Addr,BE\nbuyer,B,Addr,Belgium\n',
    );
    const bad = await expectRefused(
      ['parties', 'import', 'bad.csv', '--user', 'otto'],
      'INVALID_INPUT',
    );
    expect(errorOf(bad).fields).toMatchObject({
      'row 2, kind': expect.any(String) as string,
      'row 2, country': expect.any(String) as string,
    });
    await expectRefused(['parties', 'import', 'parties.csv', '--user', 'rita'], 'FORBIDDEN');

    const imported = await vault.kpdesk([
      'parties',
      'import',
      'parties.csv',
      '--user',
      'otto',
      '--json',
    ]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    const result = json(imported) as {
      added: unknown[];
      skipped: { row: number; reason: string }[];
    };
    expect(result.added).toHaveLength(2);
    expect(result.skipped).toEqual([
      expect.objectContaining({ row: 3, reason: 'The same entry as row 1 of this file.' }),
    ]);

    const exported = await vault.kpdesk(['parties', 'export', '--user', 'rita', '--json']);
    const parties = (
      json(exported) as { parties: { name: string; address: string; country: string }[] }
    ).parties;
    expect(parties).toContainEqual({
      kind: 'exporter',
      name: 'Hudson "Rough" Trading LLC',
      address: '580 Fifth Avenue\nNew York, NY 10036, United States',
      country: 'US',
    });
    const toFile = await vault.kpdesk([
      'parties',
      'export',
      '--out',
      'book.csv',
      '--user',
      'rita',
      '--json',
    ]);
    expect(json(toFile)).toMatchObject({ count: 2 });
    const text = await readFile(join(vault.work, 'book.csv'), 'utf8');
    expect(text.split('\r\n')[0]).toBe('kind,name,address,country');
    expect(text).toContain('"Hudson ""Rough"" Trading LLC"');
    // Never overwrites; and the exported file imports back as "already there".
    expect(
      (await vault.kpdesk(['parties', 'export', '--out', 'book.csv', '--user', 'rita'])).code,
    ).toBe(2);
    const again = await vault.kpdesk(['parties', 'import', 'book.csv', '--user', 'otto', '--json']);
    expect(json(again)).toMatchObject({
      added: [],
      skipped: [expect.anything(), expect.anything()],
    });
  });
});
