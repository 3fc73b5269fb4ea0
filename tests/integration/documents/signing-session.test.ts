// The signing keys opened once for many documents (signing-keys/signing-session.ts, issue 15's
// bulk issue), on a real encrypted vault: every document of a session is signed by the vault's
// identity and sealed by its seal key (checked by the verifier against the stored certificate and
// seal key), close() overwrites both plain keys with zeros and the session then signs nothing,
// and the refusals are those of a single signature (no identity, an expired certificate, keys
// not opened in this session). The signed PDF's audit digest is computed from the bytes in memory
// (attachment-repository.ts addWithAuditDigest): it must be the digest of the row as stored.
import { randomBytes, X509Certificate } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Certificate } from '../../../shared/domain/certificate';
import { AppFailure } from '../../../electron/core/app-failure';
import { verifyPdf } from '../../../electron/core/documents/verify/verify-pdf';
import { createAuditWriter } from '../../../electron/core/vault/audit/audit-chain';
import { createEntityReaders, digestOf } from '../../../electron/core/vault/audit/entity-digest';
import { verifyAuditChain } from '../../../electron/core/vault/audit/verify-audit-chain';
import { documentOperationsFor } from '../../../electron/core/vault/document-gateway-groups';
import type { DocumentOperations } from '../../../electron/core/vault/document-operations';
import { createAttachmentRepository } from '../../../electron/core/vault/repositories/attachment-repository';
import { createIdentityRepository } from '../../../electron/core/vault/repositories/identity-repository';
import type { Staff, TestVault } from '../vault/vault-fixture';
import { TEST_SCRYPT, openTestVault, seedVault, validDraft } from '../vault/vault-fixture';

let vault: TestVault;
let staff: Staff;
let documents: DocumentOperations;

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
  documents = documentOperationsFor(vault.db, {
    now: () => vault.clock.now,
    resourcesDir: undefined,
    signingKdf: TEST_SCRYPT,
  });
});
afterEach(() => vault.close());

const certificate = (number: string): Certificate => ({
  number,
  countryOfOrigin: 'CD',
  dateOfIssue: '2026-11-27',
  dateOfExpiry: '2027-01-26',
  exportDate: '2026-11-28',
  exporter: {
    name: 'Hudson Rough Diamond Trading LLC',
    address: '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States',
  },
  consignee: { name: 'Schupstraat Diamonds BV', address: 'Schupstraat 21, 2018 Antwerp, Belgium' },
  destinationCountry: 'BE',
  caratHundredths: 1250,
  valueCents: 1_500_000,
  parcels: 2,
  hsCode: '7102.31',
  itn: 'X20261127123456',
});

const failure = async (run: () => unknown): Promise<AppFailure['error']> => {
  try {
    await run();
  } catch (error: unknown) {
    if (error instanceof AppFailure) return error.error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('a signing session', () => {
  it('signs every document of a run with the vault identity and seal key, then zeroes them', async () => {
    documents.identity.generate(staff.admin, { signerName: 'Ada Admin' });
    const identities = createIdentityRepository(vault.db, () => vault.clock.now);
    const stored = identities.active();
    const seal = identities.activeSealKey();
    if (stored === null || seal === null) throw new Error('no identity after generate');

    const session = documents.openSigningSession();
    const signingKey = session.identity.privateKeyPkcs8Der;
    const sealKey = session.sealKey.privateKeyPkcs8Der;
    const pdfs = [];
    for (const number of ['US12340', 'US12341', 'US12342'])
      pdfs.push(await documents.prepare(certificate(number), 'certificate', undefined, session));
    const leaf = stored.identity.certificateChainDer[0];
    if (leaf === undefined) throw new Error('identity without certificate');
    const fingerprint = new X509Certificate(leaf).fingerprint256.replace(/:/g, '').toLowerCase();
    pdfs.forEach((prepared, index) => {
      const result = verifyPdf(prepared.pdf, { sealPublicKey: seal.publicKeySpkiDer });
      expect(result.integrity.status).toBe('intact');
      expect(result.seal.status).toBe('verified');
      expect(result.seal.payload?.n).toBe(`US1234${String(index)}`);
      expect(result.signer.fingerprintSha256?.replace(/:/g, '').toLowerCase()).toBe(fingerprint);
    });

    expect(signingKey.some((byte) => byte !== 0)).toBe(true);
    session.close();
    expect(signingKey.every((byte) => byte === 0)).toBe(true);
    expect(sealKey.every((byte) => byte === 0)).toBe(true);
    await expect(
      documents.prepare(certificate('US12343'), 'certificate', undefined, session),
    ).rejects.toThrow('signing session used after close');
    session.close(); // idempotent
  });

  it('refuses as a single signature does: no identity, then locked keys, then an expired certificate', async () => {
    expect((await failure(() => documents.openSigningSession())).code).toBe('IDENTITY_INVALID');

    documents.identity.generate(staff.admin, { signerName: 'Ada Admin' });
    documents.signingKeys.close(); // as when the vault is opened again without a signing secret
    expect((await failure(() => documents.openSigningSession())).code).toBe('SIGNING_LOCKED');
    expect(
      (await failure(() => documents.prepare(certificate('US12340'), 'certificate'))).code,
    ).toBe('SIGNING_LOCKED');
  });

  it('refuses a document signed after the certificate expired, mid-session', async () => {
    documents.identity.generate(staff.admin, { signerName: 'Ada Admin' });
    const session = documents.openSigningSession();
    try {
      await documents.prepare(certificate('US12340'), 'certificate', undefined, session);
      vault.clock.now = new Date('2099-01-01T00:00:00.000Z');
      const refused = await failure(() =>
        documents.prepare(certificate('US12341'), 'certificate', undefined, session),
      );
      expect(refused.code).toBe('IDENTITY_INVALID');
      expect(refused.message).toMatch(/expired/);
    } finally {
      session.close();
    }
  });
});

describe('the audit digest of an attachment added with its bytes in memory', () => {
  it('is the digest of the row as stored, and the chain verifies after a signed document is kept', async () => {
    documents.identity.generate(staff.admin, { signerName: 'Ada Admin' });
    const record = vault.services.issuance.createDraft(staff.operator, {
      number: 'US12340',
      draft: validDraft('US12340'),
    });
    const attachments = createAttachmentRepository(vault.db, () => vault.clock.now);
    const readers = createEntityReaders(vault.db);
    const audit = createAuditWriter(vault.db, () => vault.clock.now);
    for (const content of [randomBytes(263_001), Buffer.from(randomBytes(101)).subarray(1)]) {
      const added = vault.db.transaction(() => {
        const result = attachments.addWithAuditDigest({
          certificateId: record.id,
          kind: 'other',
          fileName: 'scan.pdf',
          mediaType: 'application/pdf',
          content,
        });
        // Recorded as the app records an attachment; the verifier below re-reads the row.
        audit.append({
          userId: staff.operator.userId,
          action: 'attachment.add',
          entityType: 'attachment',
          entityId: result.meta.id,
          entityDigest: result.auditDigest,
        });
        return result;
      })();
      expect(added.auditDigest).toBe(digestOf(readers.attachment(String(added.meta.id))));
    }

    // The whole path: issue, sign and keep the PDF (store's audit event takes that digest);
    // the verifier reads the row back and digests it itself.
    const { issuance } = vault.services;
    const draft = issuance.createDraft(staff.operator, {
      number: 'US12341',
      draft: validDraft('US12341'),
    });
    issuance.recordItn(staff.operator, { id: draft.id, itn: 'X20261127123457' });
    issuance.issue(staff.operator, {
      id: draft.id,
      attested: true,
      packaging: { description: '2 parcels in a sealed box', sealNumbers: ['S-2'] },
      warranty: { statement: 'The diamonds herein invoiced…', invoiceNumbers: ['INV-2'] },
    });
    const signed = await documents.sign(staff.operator, { certificateId: draft.id });
    const event = vault.db
      .prepare<[string], { entity_digest: string }>(
        "SELECT entity_digest FROM audit_events WHERE action = 'document.sign' AND entity_id = ?",
      )
      .get(String(signed.documentId));
    expect(event?.entity_digest).toBe(digestOf(readers.attachment(String(signed.documentId))));
    expect(verifyAuditChain(vault.db).ok).toBe(true);
  });
});
