// Issue 15 part 4 on a real encrypted vault: a foreign certificate received on an import is
// registered with its scan (kept encrypted inside the vault), audited, and its Census copy queued
// at once (31 CFR 592.301(a)(1)(iii)); refusals name the field and the rule and change nothing;
// the receipt confirmation is due 15 calendar days after entry, becomes overdue the day after,
// and is recorded as sent once; the number can never serve on an export.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCAN_MAX_BYTES } from '../../../electron/core/incoming/scan-file-type';
import type { Staff, TestVault } from '../vault/vault-fixture';
import {
  dumpTables,
  failureOf,
  openTestVault,
  seedVault,
  validDraft,
} from '../vault/vault-fixture';
import { PNG_1X1, botswanaCertificate, scanPdf } from './incoming-fixture';
import type { CanonicalValue } from '../../../electron/core/vault/audit/canonical-json';
import { digestOf } from '../../../electron/core/vault/audit/entity-digest';
import { queuedIn } from '../../../electron/core/vault/audit/queued-digests';

let vault: TestVault;
let staff: Staff;
beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
  vault.clock.now = new Date('2026-11-21T15:00:00.000Z');
});
afterEach(() => vault.close());

const incoming = () => vault.services.incoming;

describe('registering an incoming certificate', () => {
  it('stores the record and its scan, audits both, and queues the Census copy', async () => {
    const scan = await scanPdf();
    const saved = incoming().register(staff.operator, {
      certificate: botswanaCertificate(),
      scan: { fileName: 'BW012345.pdf', content: scan },
    });
    expect(saved.number).toBe('BW012345');
    expect(saved.carats).toBe('1234.56');
    expect(saved.valueUsd).toBe('456789.00');
    expect(saved.receiptDueOn).toBe('2026-12-05');
    expect(saved.scans).toEqual([
      expect.objectContaining({ fileName: 'BW012345.pdf', mediaType: 'application/pdf' }),
    ]);

    // The scan is in the vault, byte for byte, and the vault file does not show it in clear.
    const back = incoming().scan(staff.reviewer, 'BW012345', saved.scans[0]?.id ?? 0);
    expect(Buffer.from(back.content).equals(Buffer.from(scan))).toBe(true);
    const file = readFileSync(vault.path);
    expect(file.includes(Buffer.from('KP certificate BW012345 (scan)'))).toBe(false);
    expect(file.includes(Buffer.from('%PDF-'))).toBe(false);

    const events = vault.db
      .prepare<[], { action: string; entity_type: string }>(
        'SELECT action, entity_type FROM audit_events ORDER BY seq DESC LIMIT 3',
      )
      .all()
      .reverse();
    // The entry's own event also records the Census copy it queued (issue 12: one event per
    // operation, not one more per outbox row).
    expect(events.slice(1)).toEqual([
      { action: 'incoming.register', entity_type: 'incoming_certificate' },
      { action: 'incoming.scan-add', entity_type: 'incoming_scan' },
    ]);
    const registered = vault.db
      .prepare<[], string>(
        "SELECT entity_digest FROM audit_events WHERE action = 'incoming.register' ORDER BY seq DESC",
      )
      .pluck()
      .get();
    const copyRow = vault.db.prepare('SELECT * FROM outbox').get() as CanonicalValue;
    expect(queuedIn(registered ?? '')).toEqual([
      { outboxId: (copyRow as { id: number }).id, digest: digestOf(copyRow) },
    ]);
    const outbox = vault.db
      .prepare('SELECT recipient, reason, status, idempotency_key, incoming_id FROM outbox')
      .all();
    expect(outbox).toEqual([
      {
        recipient: 'census',
        reason: 'import-entry',
        status: 'pending',
        idempotency_key: 'BW012345/import-entry/v1',
        incoming_id: saved.id,
      },
    ]);
    const listed = incoming().list(staff.reviewer);
    expect(listed.map((r) => [r.number, r.receiptDuty, r.censusCopy?.status])).toEqual([
      ['BW012345', 'due', 'pending'],
    ]);
    expect(vault.services.audit.verify().ok).toBe(true);
  });

  it('refuses a number whose prefix is not the exporting Participant, naming field and rule', () => {
    const before = dumpTables(vault.db);
    const error = failureOf(() =>
      incoming().register(staff.operator, {
        certificate: botswanaCertificate({ number: 'ZA012345' }),
      }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields?.number).toMatch(
      /starts with "ZA", but the exporting Participant is BW.*KPCS Annex I.*must start with BW/,
    );
    expect(dumpTables(vault.db)).toEqual(before);
  });

  it('accepts an EU certificate numbered with a member state, refuses a non-Participant', () => {
    const eu = incoming().register(staff.operator, {
      certificate: botswanaCertificate({ number: 'BE 7654321', exportingParticipant: 'EU' }),
    });
    expect(eu.number).toBe('BE7654321');
    const error = failureOf(() =>
      incoming().register(staff.operator, {
        certificate: botswanaCertificate({ number: 'KE12345', exportingParticipant: 'KE' }),
      }),
    );
    expect(error.fields?.exportingParticipant).toMatch(/not a KP Participant.*592\.308/);
  });

  it('names every wrong field at once, and stores nothing', () => {
    const before = dumpTables(vault.db);
    const error = failureOf(() =>
      incoming().register(staff.operator, {
        certificate: botswanaCertificate({
          dateOfExpiry: '2026-11-01',
          parcels: '0',
          carats: '12.345',
          valueUsd: '€ 1000',
          hsCodes: ['7102.39'],
          origins: ['BW', '****'],
          dateOfEntry: '2026-11-25',
          exporter: { name: '', address: 'Gaborone' },
        }),
      }),
    );
    expect(Object.keys(error.fields ?? {}).sort()).toEqual([
      'carats',
      'dateOfEntry',
      'dateOfExpiry',
      'exporter.name',
      'hsCodes',
      'origins',
      'parcels',
      'valueUsd',
    ]);
    expect(error.fields?.dateOfEntry).toMatch(/entered after the certificate expired/);
    const future = failureOf(() =>
      incoming().register(staff.operator, {
        certificate: botswanaCertificate({ dateOfEntry: '2026-11-22' }),
      }),
    );
    expect(future.fields?.dateOfEntry).toMatch(/after today \(2026-11-21\)/);
    expect(error.fields?.valueUsd).toMatch(/US\$/);
    expect(dumpTables(vault.db)).toEqual(before);
  });

  it('refuses the same number twice, a reviewer, and a scan that is not a PDF or image', () => {
    incoming().register(staff.operator, { certificate: botswanaCertificate() });
    expect(
      failureOf(() =>
        incoming().register(staff.operator, {
          certificate: botswanaCertificate({ number: 'bw-012345' }),
        }),
      ).code,
    ).toBe('CONFLICT');
    expect(
      failureOf(() =>
        incoming().register(staff.reviewer, {
          certificate: botswanaCertificate({ number: 'BW999999' }),
        }),
      ).code,
    ).toBe('FORBIDDEN');
    const before = dumpTables(vault.db);
    const renamed = failureOf(() =>
      incoming().register(staff.operator, {
        certificate: botswanaCertificate({ number: 'BW999999' }),
        scan: { fileName: 'scan.pdf', content: Buffer.from('MZ\x90\x00 not a pdf') },
      }),
    );
    expect(renamed.fields?.scan).toMatch(/PDF, PNG or JPEG.*by its content/);
    const big = Buffer.alloc(SCAN_MAX_BYTES + 1);
    PNG_1X1.copy(big);
    expect(
      failureOf(() =>
        incoming().register(staff.operator, {
          certificate: botswanaCertificate({ number: 'BW999999' }),
          scan: { fileName: 'huge.png', content: big },
        }),
      ).fields?.scan,
    ).toMatch(/at most 20 MB/);
    expect(dumpTables(vault.db)).toEqual(before);
    const png = incoming().register(staff.operator, {
      certificate: botswanaCertificate({ number: 'BW999999' }),
      scan: { fileName: 'scan.png', content: PNG_1X1 },
    });
    expect(png.scans[0]?.mediaType).toBe('image/png');
  });
});

describe('the receipt confirmation owed to the exporting authority', () => {
  it('is due 15 days after entry, due soon in the last 5, overdue the day after, then sent', () => {
    incoming().register(staff.operator, { certificate: botswanaCertificate() });
    const duty = () => incoming().list(staff.operator)[0]?.receiptDuty;
    expect(duty()).toBe('due');
    vault.clock.now = new Date('2026-11-30T12:00:00');
    expect(duty()).toBe('due-soon');
    vault.clock.now = new Date('2026-12-05T12:00:00');
    expect(duty()).toBe('due-soon');
    vault.clock.now = new Date('2026-12-06T12:00:00');
    expect(duty()).toBe('overdue');

    expect(
      failureOf(() =>
        incoming().confirmReceiptSent(staff.operator, { number: 'BW012345', sentOn: '2026-11-19' }),
      ).fields?.sentOn,
    ).toMatch(/before the shipment entered \(2026-11-20\)/);
    expect(
      failureOf(() =>
        incoming().confirmReceiptSent(staff.reviewer, { number: 'BW012345', sentOn: '2026-12-06' }),
      ).code,
    ).toBe('FORBIDDEN');
    const sent = incoming().confirmReceiptSent(staff.operator, {
      number: 'bw 012345',
      sentOn: '2026-12-06',
    });
    expect(sent.receiptSentOn).toBe('2026-12-06');
    expect(duty()).toBe('sent');
    expect(
      failureOf(() =>
        incoming().confirmReceiptSent(staff.operator, { number: 'BW012345', sentOn: '2026-12-06' }),
      ).code,
    ).toBe('CONFLICT');
    expect(vault.services.audit.verify().ok).toBe(true);
  });

  it('gives the e-mail text with the number, parcels, carats, importer, exporter and date', () => {
    incoming().register(staff.operator, { certificate: botswanaCertificate() });
    const { confirmation } = incoming().get(staff.reviewer, 'BW012345');
    expect(confirmation.subject).toBe(
      'Confirmation of receipt: Kimberley Process certificate BW012345',
    );
    for (const line of [
      /KP certificate number\s+BW012345/,
      /Number of parcels\s+3/,
      /Carat weight\s+1234\.56 ct/,
      /Importer\s+Hudson Rough Diamond Trading LLC, 580 Fifth Avenue/,
      /Exporter\s+Łódź Diament Gaborone \(Pty\) Ltd/,
      /Date received \(entry\)\s+2026-11-20/,
    ])
      expect(confirmation.body).toMatch(line);
  });
});

describe('an import number on the export side', () => {
  it('is refused in stock registration and drafting, and by the issue rule', () => {
    incoming().register(staff.operator, { certificate: botswanaCertificate() });
    const before = dumpTables(vault.db);
    const stock = failureOf(() =>
      vault.services.issuance.registerStock(staff.operator, { numbers: 'US12400, BW012345' }),
    );
    expect(stock.code).toBe('STOCK_NUMBER_UNAVAILABLE');
    expect(stock.fields?.numbers).toMatch(
      /BW012345 is the number of a certificate you received on an import/,
    );
    const draft = failureOf(() =>
      vault.services.issuance.createDraft(staff.operator, {
        number: 'BW-012345',
        draft: validDraft('BW012345'),
      }),
    );
    expect(draft.code).toBe('STOCK_NUMBER_UNAVAILABLE');
    expect(draft.fields?.number).toMatch(/received on an import/);
    expect(dumpTables(vault.db)).toEqual(before);
  });
});
