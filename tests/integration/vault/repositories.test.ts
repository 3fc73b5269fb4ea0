// The repositories on a real encrypted vault: what each stores, refuses and finds, and that the
// searches are answered from their indexes (EXPLAIN QUERY PLAN).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCertificateSearch } from '../../../electron/core/records-search/search-certificates';
import { createAuditWriter } from '../../../electron/core/vault/audit/audit-chain';
import { createOutboxRepository } from '../../../electron/core/vault/repositories/outbox-repository';
import { listStatementFor } from '../../../electron/core/vault/repositories/certificate-list-query';
import { PARTY_PREFIX_SQL } from '../../../electron/core/vault/repositories/party-repository';
import { CertificateListSchema } from '../../../shared/records/certificate-list-query';
import type { Staff, TestVault } from './vault-fixture';
import {
  PASSWORD,
  dumpTables,
  failureOf,
  openTestVault,
  seedVault,
  validDraft,
} from './vault-fixture';

let vault: TestVault;
let staff: Staff;

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
});
afterEach(() => vault.close());

function plan(sql: string, ...params: unknown[]): string {
  return vault.db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((row) => row.detail)
    .join('\n');
}

describe('licensee and users', () => {
  it('stores the licensee profile and requires a TIN as NN-NNNNNNN', () => {
    expect(vault.services.licensee.get()).toMatchObject({
      tin: '12-3456789',
      isCommonCarrier: false,
    });
    const failure = failureOf(() =>
      vault.services.issuance.saveLicensee(staff.admin, {
        legalName: 'Hudson',
        address: 'NY',
        tin: '12-345678',
        isCommonCarrier: false,
      }),
    );
    expect(failure).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { tin: expect.stringMatching(/NN-NNNNNNN/) as string },
    });
  });

  it('signs in with the right password and gives one answer for every wrong one', () => {
    const { users } = vault.services;
    expect(users.signIn({ username: 'OTTO', password: PASSWORD })).toMatchObject({
      role: 'operator',
    });
    const wrong = failureOf(() => users.signIn({ username: 'otto', password: `${PASSWORD}!` }));
    const unknown = failureOf(() => users.signIn({ username: 'nobody', password: PASSWORD }));
    expect(wrong.code).toBe('AUTH_FAILED');
    expect(unknown).toEqual(wrong);
  });

  it('stores only a salted scrypt hash and refuses a taken username', () => {
    const hashes = vault.db.prepare<[], string>('SELECT password_hash FROM users').pluck().all();
    expect(hashes.every((hash) => hash.startsWith('scrypt$1024$8$1$'))).toBe(true);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(hashes.join()).not.toContain(PASSWORD);
    expect(
      failureOf(() =>
        vault.services.issuance.createUser(staff.admin, {
          username: 'Otto',
          displayName: 'Otto 2',
          role: 'operator',
          password: 'another long password',
        }),
      ).code,
    ).toBe('CONFLICT');
  });
});

describe('the address book', () => {
  it('finds parties by case-insensitive name prefix, using the name index', () => {
    const { issuance, parties } = vault.services;
    for (const name of ['Schupstraat Diamonds BV', 'schoeman & Co', 'Sch%_ Trading', 'Zed NV'])
      issuance.createParty(staff.operator, {
        kind: 'consignee',
        name,
        address: 'Antwerp, Belgium',
        country: 'be',
      });
    const names = (prefix: string) => parties.search({ prefix }).map((p) => p.name);
    expect(names('SCH')).toEqual(['Sch%_ Trading', 'schoeman & Co', 'Schupstraat Diamonds BV']);
    expect(names('sch%')).toEqual(['Sch%_ Trading']);
    expect(names('schu')).toEqual(['Schupstraat Diamonds BV']);
    expect(names('x')).toEqual([]);
    expect(parties.search({ prefix: 'z', kind: 'exporter' })).toEqual([]);
    expect(plan(PARTY_PREFIX_SQL, 'sch', 'sci', null, null, 20)).toMatch(
      /SEARCH parties USING INDEX parties_by_name/,
    );
  });
});

describe('the stock of forms', () => {
  it('registers ranges and lists, reports gaps and counts', () => {
    const { issuance, stock } = vault.services;
    issuance.registerStock(staff.operator, { numbers: 'US12400-US12409, US12412\nus 12413' });
    expect(stock.gaps()).toEqual([
      { from: 'US12360', to: 'US12399', count: 40 },
      { from: 'US12410', to: 'US12411', count: 2 },
    ]);
    expect(stock.counts()).toEqual({ available: 32, used: 0, voided: 0 });
  });

  it('rejects a whole registration that repeats any number, naming the duplicates', () => {
    const before = dumpTables(vault.db);
    const failure = failureOf(() =>
      vault.services.issuance.registerStock(staff.operator, {
        numbers: 'US12500, US12358-US12361, US12500',
      }),
    );
    expect(failure.code).toBe('CONFLICT');
    expect(failure.message).toContain('US12358, US12359, US12500');
    expect(failure.message).not.toContain('US12360');
    expect(dumpTables(vault.db)).toEqual(before);
  });

  it('never makes a used or voided number available again', () => {
    const { issuance, stock } = vault.services;
    const used = issuance.createDraft(staff.operator, {
      number: 'US12340',
      draft: validDraft('US12340'),
    });
    issuance.void(staff.operator, {
      id: used.id,
      reason: 'Other (notes required)',
      notes: 'spoiled',
    });
    expect(stock.counts()).toEqual({ available: 19, used: 0, voided: 1 });
    expect(
      failureOf(() => issuance.registerStock(staff.operator, { numbers: 'US12340' })).code,
    ).toBe('CONFLICT');
    expect(
      failureOf(() =>
        issuance.createDraft(staff.operator, { number: 'US12340', draft: validDraft('US12340') }),
      ).message,
    ).toMatch(/already voided/);
  });
});

describe('certificates', () => {
  function draftOn(number: string, changes: Record<string, unknown>): number {
    return vault.services.issuance.createDraft(staff.operator, {
      number,
      draft: { ...validDraft(number), ...changes },
    }).id;
  }

  it('lists pages of certificates newest first with filters and a keyset cursor', () => {
    const ids = Array.from({ length: 7 }, (_, i) =>
      draftOn(`US${String(12340 + i)}`, {
        dateOfIssue: `2026-11-${String(20 + (i % 3))}`,
        destinationCountry: i % 2 === 0 ? 'BE' : 'AE',
        consignee: { name: i === 3 ? 'Dubai Gems DMCC' : 'Schupstraat Diamonds BV', address: 'x' },
      }),
    );
    const { certificates } = vault.services;
    const seen: number[] = [];
    let page = certificates.list({ limit: 3 });
    seen.push(...page.items.map((item) => item.id));
    while (page.nextCursor !== null) {
      page = certificates.list({ limit: 3, cursor: page.nextCursor });
      seen.push(...page.items.map((item) => item.id));
    }
    const expected = [...ids].sort((a, b) => {
      const day = (id: number) => (id - (ids[0] ?? 0)) % 3;
      return day(b) - day(a) || b - a;
    });
    expect(seen).toEqual(expected);
    expect(
      certificates.list({ destination: 'ae' }).items.every((i) => i.destinationCountry === 'AE'),
    ).toBe(true);
    expect(certificates.list({ partyPrefix: 'dubai' }).items.map((i) => i.id)).toEqual([ids[3]]);
    expect(
      certificates.list({ issuedFrom: '2026-11-21', issuedTo: '2026-11-21', state: 'DRAFT' }).items,
    ).toHaveLength(2);
    expect(certificates.list({ hsCode: '7102.31' }).items).toHaveLength(7);
    expect(plan('SELECT * FROM certificates WHERE number = ?', 'US12340')).toMatch(/USING INDEX/);
    expect(plan('SELECT * FROM certificates WHERE itn = ?', 'X1')).toMatch(/certificates_by_itn/);
    // The records list filtered by state, destination and dates: the repository names the
    // index of migration 0030 (certificate-list-query.ts), which serves the range.
    expect(
      plan(
        `SELECT id FROM certificates INDEXED BY certificates_by_state_destination_issue_names
           WHERE state = ? AND destination_country = ?
           AND date_of_issue >= ? AND date_of_issue <= ? ORDER BY date_of_issue DESC, id DESC LIMIT 50`,
        'ISSUED',
        'BE',
        '2026-01-01',
        '2026-12-31',
      ),
    ).toMatch(
      /certificates_by_state_destination_issue_names \(state=\? AND destination_country=\?/,
    );
  });

  it('finds a certificate by its whole number or ITN exactly, else by any part of a number, ITN or name', () => {
    const ids = Array.from({ length: 4 }, (_, i) =>
      draftOn(`US${String(12340 + i)}`, {
        dateOfIssue: '2026-11-27',
        consignee: { name: i === 2 ? 'US Diamond Traders' : 'Antwerp Rough BV', address: 'x' },
      }),
    );
    const [first, second, third, fourth] = ids;
    const { certificates, issuance } = vault.services;
    issuance.recordItn(staff.operator, { id: second ?? 0, itn: 'X20261128123456' });
    const found = (text: string, more: Record<string, unknown> = {}) =>
      certificates.list({ text, ...more }).items.map((item) => item.id);

    expect(found('US12341')).toEqual([second]);
    expect(found(' us-12341 ')).toEqual([second]);
    expect(found('X20261128123456')).toEqual([second]);
    expect(found('x20261128123456')).toEqual([second]);
    expect(found('X20261128999999')).toEqual([]);
    // Issue 16: any part, not only the start. Before, "US1234" was read as a name start and found
    // nobody, and "rough" or "traders" (inside a name) found nobody either.
    expect(found('US1234')).toEqual([fourth, third, second, first]);
    expect(found('2342')).toEqual([third]);
    expect(found('1128123')).toEqual([second]);
    expect(found('rough bv')).toEqual([fourth, second, first]);
    // The exporter (the fixture's "Hudson Rough Trading LLC") is a party too.
    expect(found('son rough')).toEqual([fourth, third, second, first]);
    expect(found('TRADERS')).toEqual([third]);
    expect(found('mond traders')).toEqual([third]);
    expect(found('us diamond')).toEqual([third]);
    expect(found('antwerp')).toEqual([fourth, second, first]);
    // "%" and "_" are characters, never wildcards.
    expect(found('%')).toEqual([]);
    expect(found('_')).toEqual([]);
    // Combined with a state: the ITN recorded made the second VALIDATED.
    expect(found('US12341', { state: 'VALIDATED' })).toEqual([second]);
    expect(found('US12341', { state: 'DRAFT' })).toEqual([]);
    expect(found('X20261128123456', { state: 'DRAFT', destination: 'BE' })).toEqual([]);
    expect(found('antwerp', { state: 'DRAFT', destination: 'BE' })).toEqual([fourth, first]);
    expect(found('rough bv', { state: 'VALIDATED' })).toEqual([second]);
    // Pages of a part search follow the keyset cursor like any other filter.
    const firstPage = certificates.list({ text: 'rough bv', limit: 2 });
    expect(firstPage.items.map((item) => item.id)).toEqual([fourth, second]);
    const nextCursor = firstPage.nextCursor ?? undefined;
    expect(
      certificates.list({ text: 'rough bv', limit: 2, cursor: nextCursor }).items.map((i) => i.id),
    ).toEqual([first]);

    // The list and `kpdesk records --search` share one test: they find the same certificates.
    const search = createCertificateSearch(vault.db);
    for (const text of ['US1234', '2342', 'rough bv', 'TRADERS', 'x2026'])
      expect(
        search({ text })
          .items.map((item) => item.id)
          .sort(),
      ).toEqual(found(text).sort());

    // A whole number or ITN still runs on its own index, whatever else is filtered; a part reads
    // the rows in date order from an index (the page stops at its 50th match), never the table
    // sorted afterwards.
    const planOf = (input: Record<string, unknown>) => {
      const { sql, params } = listStatementFor(CertificateListSchema.parse(input));
      return plan(sql, params);
    };
    expect(planOf({ text: 'US12341', state: 'ISSUED', destination: 'BE' })).toMatch(
      /SEARCH certificates USING INDEX sqlite_autoindex_certificates_1 \(number=\?\)/,
    );
    expect(planOf({ text: 'X20261128123456', state: 'ISSUED', hsCode: '7102.31' })).toMatch(
      /SEARCH certificates USING INDEX certificates_by_itn \(itn=\?\)/,
    );
    // Any part of a text, with or without other filters: migration 0175's index, which holds the
    // texts and the filters, so only matching rows are read from the table.
    expect(planOf({ text: 'antwerp', state: 'ISSUED', destination: 'BE' })).toMatch(
      /USING INDEX certificates_text_search/,
    );
    // A destination alone: its rows in date order from its own index, never all of them sorted.
    expect(planOf({ destination: 'BE' })).toMatch(
      /SEARCH certificates USING INDEX certificates_by_destination \(destination_country=\?\)/,
    );
    expect(planOf({ destination: 'BE', hsCode: '7102.31' })).not.toMatch(/TEMP B-TREE/);
    for (const input of [{ text: 'US12341' }, { text: 'X20261128123456' }])
      expect(planOf(input)).not.toMatch(/SCAN certificates(?! USING)/);
    for (const input of [
      { text: 'antwerp' },
      { text: 'antwerp', state: 'ISSUED' },
      { text: 'antwerp', issuedFrom: '2026-01-01' },
      { text: 'antwerp', destination: 'BE' },
    ]) {
      expect(planOf(input)).not.toMatch(/SCAN certificates(?! USING)/);
      expect(planOf(input)).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('returns from insert the very record a later read gives, without reading it back', () => {
    const created = vault.services.issuance.createDraft(staff.operator, {
      number: 'US12340',
      draft: { ...validDraft('US12340'), itn: ' x20261127123456 ' },
    });
    expect(vault.services.certificates.get(created.id)).toEqual(created);
    expect(created).toMatchObject({
      version: 1,
      packaging: {},
      warranty: {},
      importConfirmed: false,
    });
  });

  it('refuses a stale version with CONFLICT', () => {
    const id = draftOn('US12340', {});
    const { issuance } = vault.services;
    issuance.updateDraft(staff.operator, { id, draft: validDraft('US12340'), expectedVersion: 1 });
    expect(
      failureOf(() =>
        issuance.updateDraft(staff.operator, {
          id,
          draft: validDraft('US12340'),
          expectedVersion: 1,
        }),
      ).code,
    ).toBe('CONFLICT');
  });
});

describe('attachments and outbox', () => {
  it('keeps attachments inside the vault with their sha256 and refuses damaged ones', () => {
    const id = vault.services.issuance.createDraft(staff.operator, {
      number: 'US12340',
      draft: validDraft('US12340'),
    }).id;
    const content = Buffer.from('%PDF-1.7 signed certificate scan');
    const meta = vault.services.issuance.addAttachment(staff.operator, {
      certificateId: id,
      kind: 'signed-certificate',
      fileName: 'US12340.pdf',
      mediaType: 'application/pdf',
      content,
    });
    expect(meta).toMatchObject({
      size: content.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
    });
    expect(vault.services.attachments.read(meta.id).equals(content)).toBe(true);
    vault.db.prepare("UPDATE attachments SET content = x'00'").run();
    expect(failureOf(() => vault.services.attachments.read(meta.id)).code).toBe('VAULT_CORRUPT');
    expect(vault.services.audit.verify().firstBreak).toMatchObject({ entityType: 'attachment' });
  });

  it('lists pending outbox rows oldest first', () => {
    const { issuance, outbox } = vault.services;
    const id = issuance.createDraft(staff.operator, {
      number: 'US12340',
      draft: validDraft('US12340'),
    }).id;
    issuance.void(staff.operator, { id, reason: 'Other (notes required)', notes: 'spoiled' });
    expect(outbox.listPending().map((row) => [row.recipient, row.status])).toEqual([
      ['census', 'pending'],
      ['uskpa', 'pending'],
    ]);
  });

  it('versions each message per number, kind and recipient, and audits the row as written', () => {
    const { issuance, audit } = vault.services;
    // The repository as vault-services.ts builds it (the services expose only its reads).
    const now = () => new Date('2026-11-27T10:00:00.000Z');
    const outbox = createOutboxRepository(vault.db, now);
    const writer = createAuditWriter(vault.db, now);
    const first = issuance.createDraft(staff.operator, {
      number: 'US12340',
      draft: validDraft('US12340'),
    }).id;
    const second = issuance.createDraft(staff.operator, {
      number: 'US12341',
      draft: validDraft('US12341'),
    }).id;
    // Each row recorded as an operation records it: inside that operation's own event.
    const add = (id: number, recipient: 'census' | 'uskpa', reason: string): number =>
      vault.db.transaction(() => {
        const row = outbox.add(id, recipient, reason, { n: 1 });
        const event = { userId: null, action: 'certificate.ship', queued: [row] };
        writer.append({ ...event, entityType: 'certificate', entityId: id });
        return row.outboxId;
      })();
    const addForStock = (): number =>
      vault.db.transaction(() => {
        const row = outbox.addForStockNumber('US12350', 'census', 'voided', { n: 2 });
        const event = { userId: null, action: 'stock.void-blank', queued: [row] };
        writer.append({ ...event, entityType: 'stock', entityId: 'US12350' });
        return row.outboxId;
      })();
    const ids = [
      add(first, 'census', 'shipped'),
      add(first, 'census', 'shipped'),
      add(first, 'uskpa', 'shipped'),
      add(first, 'census', 'voided'),
      add(second, 'census', 'shipped'),
      add(first, 'census', 'shipped'),
      addForStock(),
      addForStock(),
    ];
    const keyOf = vault.db.prepare<[number], string>(
      "SELECT recipient || ' ' || idempotency_key FROM outbox WHERE id = ?",
    );
    expect(ids.map((id) => keyOf.pluck().get(id))).toEqual([
      'census US12340/shipped/v1',
      'census US12340/shipped/v2',
      'uskpa US12340/shipped/v1',
      'census US12340/voided/v1',
      'census US12341/shipped/v1',
      'census US12340/shipped/v3',
      'census US12350/voided/v1',
      'census US12350/voided/v2',
    ]);
    // The digest each operation's event records for its row was computed from the RETURNING
    // row: it must be what the verifier reads back, and a change to the row must break it.
    expect(audit.verify().ok).toBe(true);
    vault.db.prepare('UPDATE outbox SET payload_json = \'{"n":3}\' WHERE id = ?').run(ids[1]);
    expect(audit.verify().firstBreak).toMatchObject({ entityType: 'outbox' });
  });
});
