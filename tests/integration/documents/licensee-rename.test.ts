// A licensee renamed in Settings keeps its earlier certificates verifiable (issue 14, part 3). A
// licensee that is not a common carrier is always its own exporter (USKPA licence terms), and its
// certificates carry the name it had when they were issued; renaming it later must not make them
// fail verification (a border official or a reviewer would see a genuine certificate as altered),
// nor degrade the copies the vault still owes (the Census copy at export, 31 CFR 592.301(a)(1)(iv)).
// New certificates must carry the new name. Real parts: an encrypted vault, the app's signing, the
// verifier with its page binding, and the review.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runReview } from '../../../electron/core/review/review-service';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { DocumentOperations } from '../../../electron/core/vault/document-operations';
import { documentOperationsFor } from '../../../electron/core/vault/document-gateway-groups';
import { openDatabase } from '../../../electron/core/vault/open-database';
import type { VaultServices } from '../../../electron/core/vault/vault-services';
import { createVaultServices } from '../../../electron/core/vault/vault-services';
import { benchCertificateDraft } from '../../../bench/bench-certificate';

const OLD_NAME = 'Hudson Rough Diamond Trading LLC';
const NEW_NAME = 'Hudson Diamond Holdings LLC';
const ADDRESS = '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States';

type World = {
  dir: string;
  db: Database;
  services: VaultServices;
  documents: DocumentOperations;
  actor: { userId: number; role: 'administrator' };
  now: () => Date;
};

let world: World;

beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'kp-rename-'));
  const now = () => new Date('2026-11-27T10:00:00.000Z');
  const db = openDatabase(join(dir, 'vault.kpdb'), randomBytes(32), { create: true });
  const services = createVaultServices(db, { now, passwordHashing: { N: 1024, r: 8, p: 1 } });
  const admin = services.issuance.createFirstAdministrator({
    username: 'ada',
    displayName: 'Ada Admin',
    password: 'rename test password 1',
  });
  const actor = { userId: admin.id, role: 'administrator' } as const;
  services.issuance.saveLicensee(actor, {
    legalName: OLD_NAME,
    address: ADDRESS,
    tin: '12-3456789',
    isCommonCarrier: false,
  });
  services.issuance.registerStock(actor, { numbers: 'US100000-US100009', description: 'Book' });
  const documents = documentOperationsFor(db, { now, resourcesDir: undefined });
  documents.identity.generate(actor, { signerName: 'Ada Admin' });
  world = { dir, db, services, documents, actor, now };
});

afterEach(() => {
  world.db.close();
  rmSync(world.dir, { recursive: true, force: true });
});

function draftFor(number: string, exporterName: string) {
  const draft = benchCertificateDraft(number);
  return { ...draft, exporter: { ...draft.exporter, name: exporterName } };
}

async function issueAndSign(number: string, exporterName: string): Promise<number> {
  const { services, documents, actor } = world;
  const { id } = services.issuance.createDraft(actor, {
    number,
    draft: draftFor(number, exporterName),
  });
  services.issuance.recordItn(actor, { id, itn: `X20261127${number.slice(2).padStart(6, '0')}` });
  services.issuance.issue(actor, {
    id,
    attested: true,
    packaging: { description: 'Sealed tamper-evident box', sealNumbers: ['S-1'] },
    warranty: { statement: 'The diamonds herein invoiced…', invoiceNumbers: ['INV-1'] },
  });
  await documents.sign(actor, { certificateId: id });
  return id;
}

/** The stored signed PDF of a certificate, verified against the vault as the app does. */
async function verifyStored(certificateId: number) {
  const { services, documents, actor, dir } = world;
  const stored = services.attachments
    .list(certificateId)
    .filter((meta) => meta.kind === 'signed-certificate')
    .at(-1);
  if (stored === undefined) throw new Error('no signed certificate stored');
  const path = join(dir, `${String(certificateId)}.pdf`);
  writeFileSync(path, services.attachments.read(stored.id));
  return documents.verify(actor, { path });
}

function rename(): void {
  world.services.issuance.saveLicensee(world.actor, {
    legalName: NEW_NAME,
    address: ADDRESS,
    tin: '12-3456789',
    isCommonCarrier: false,
  });
}

describe('a renamed licensee', () => {
  it('keeps its earlier certificate VALID, matching the record as it was issued', async () => {
    const id = await issueAndSign('US100000', OLD_NAME);
    expect((await verifyStored(id)).result.verdict).toBe('VALID');
    rename();
    const after = await verifyStored(id);
    expect(after.result.record).toMatchObject({ status: 'match', mismatches: [] });
    expect(after.result.verdict).toBe('VALID');
    expect(after.vault).toMatchObject({ number: 'US100000', storedDocument: 'certificate' });
  });

  it('finds nothing wrong with the earlier certificate in the full review', async () => {
    const id = await issueAndSign('US100000', OLD_NAME);
    rename();
    const report = await runReview(
      {
        db: world.db,
        services: world.services,
        documents: world.documents,
        now: world.now,
        vaultId: null,
      },
      world.actor,
      {},
    );
    const aboutDocuments = report.findings.filter(
      (finding) => finding.certificateId === id && finding.code.startsWith('DOCUMENT_'),
    );
    expect(aboutDocuments).toEqual([]);
    expect(report.checked.documents).toBe(1);
    expect(report.vault.licensee).toBe(NEW_NAME);
  });

  it('still sends the whole certificate to Census when the earlier one is shipped', async () => {
    const id = await issueAndSign('US100000', OLD_NAME);
    rename();
    world.services.issuance.ship(world.actor, { id, shipDate: '2026-11-27' });
    const census = world.services.outbox
      .listForCertificate(id)
      .filter((row) => row.recipient === 'census');
    expect(census).toHaveLength(1);
    expect(census[0]?.payload).toMatchObject({
      number: 'US100000',
      exporter: { name: OLD_NAME },
      shipDate: '2026-11-27',
    });
  });

  it('issues new certificates under the new name only, and they verify', async () => {
    rename();
    const { services, actor } = world;
    const { id: refused } = services.issuance.createDraft(actor, {
      number: 'US100001',
      draft: draftFor('US100001', OLD_NAME),
    });
    services.issuance.recordItn(actor, { id: refused, itn: 'X20261127100001' });
    let refusal: unknown = null;
    try {
      services.issuance.issue(actor, {
        id: refused,
        attested: true,
        packaging: { description: 'Sealed tamper-evident box', sealNumbers: ['S-1'] },
        warranty: { statement: 'The diamonds herein invoiced…', invoiceNumbers: ['INV-1'] },
      });
    } catch (caught) {
      refusal = caught;
    }
    expect(refusal).toMatchObject({
      error: {
        code: 'CERTIFICATE_HAS_ERRORS',
        fields: {
          'exporter.name': expect.stringContaining(`the exporter must be ${NEW_NAME}`) as string,
        },
      },
    });
    expect(services.certificates.get(refused)?.state).toBe('VALIDATED');
    const id = await issueAndSign('US100002', NEW_NAME);
    const verification = await verifyStored(id);
    expect(verification.result.verdict).toBe('VALID');
    expect(verification.result.record.status).toBe('match');
  });

  it('approves a correction that keeps the exporter as issued, refuses one that changes the exporter', async () => {
    const { services, actor } = world;
    const id = await issueAndSign('US100000', OLD_NAME);
    rename();
    const bea = services.issuance.createUser(actor, {
      username: 'bea',
      displayName: 'Bea Admin',
      role: 'administrator',
      password: 'rename test password 2',
    });
    const second = { userId: bea.id, role: 'administrator' } as const;
    const issued = draftFor('US100000', OLD_NAME);
    const kept = services.issuance.requestEdit(actor, {
      id,
      proposed: { ...issued, itn: 'X20261127100000', parcels: '3' },
      reason: 'Three parcels, not two.',
    });
    services.issuance.decideEdit(second, {
      requestId: kept.id,
      decision: 'approve',
      note: 'Checked against the packing list.',
    });
    expect(services.certificates.get(id)?.draft.parcels).toBe('3');
    // Changing the exporter is judged now: only the licensee's current name may be its exporter.
    const changed = services.issuance.requestEdit(actor, {
      id,
      proposed: {
        ...issued,
        itn: 'X20261127100000',
        parcels: '3',
        exporter: { ...issued.exporter, name: 'Someone Else LLC' },
      },
      reason: 'Another exporter.',
    });
    expect(() =>
      services.issuance.decideEdit(second, {
        requestId: changed.id,
        decision: 'approve',
        note: 'Checked.',
      }),
    ).toThrow(/error/);
    expect(services.certificates.get(id)?.draft.exporter.name).toBe(OLD_NAME);
  });
});
