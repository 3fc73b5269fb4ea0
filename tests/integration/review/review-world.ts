// A clean vault for the review's tests, built only by the app's own operations: a signing
// identity, three certificates (US12340 shipped and delivered, US12341 issued, US12342 voided
// after issue), each signed (the voided one also has its signed VOID copy), and every copy and
// report delivered to the reference intake server (real HTTPS with mutual TLS, signed receipts).
// Defects are then planted one at a time: by real operations where the app allows the defect,
// by direct SQL on a second connection (as an attacker with the key would) where it does not.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CertificateDraftInput } from '../../../shared/domain/certificate-draft';
import type { ReviewReport } from '../../../shared/review/review-report';
import type { ReviewSources } from '../../../electron/core/review/review-service';
import { runReview } from '../../../electron/core/review/review-service';
import { documentOperationsFor } from '../../../electron/core/vault/document-gateway-groups';
import { openDatabase } from '../../../electron/core/vault/open-database';
import { createVaultServices } from '../../../electron/core/vault/vault-services';
import type { SubmissionWorld } from '../submission/submission-fixture';
import { openSubmissionWorld, packaging, warranty } from '../submission/submission-fixture';
import { TEST_SCRYPT, validDraft } from '../vault/vault-fixture';

export type ReviewWorld = SubmissionWorld & {
  /** Draft, ITN, issue and sign; the ITN is the number's own unless given. */
  issue: (number: string, change?: Partial<CertificateDraftInput>) => Promise<number>;
  sign: (certificateId: number) => Promise<void>;
  idOf: (number: string) => number;
  review: (
    request?: { period?: string },
    extra?: Partial<Pick<ReviewSources, 'importNumbers' | 'anchors'>>,
    actor?: unknown,
  ) => Promise<ReviewReport>;
  /** Changes the file through a second connection, then reopens the test's connection. */
  tamper: (change: (db: Database) => void) => void;
};

export const itnOf = (number: string): string => `X20261127${number.slice(2).padStart(6, '0')}`;

export async function openReviewWorld(): Promise<ReviewWorld> {
  const world = await openSubmissionWorld();
  const { vault, staff } = world;
  const now = () => vault.clock.now;
  const documents = () => documentOperationsFor(vault.db, { now, resourcesDir: undefined });
  documents().identity.generate(staff.admin, { signerName: 'Ada Admin' });
  const idOf = (number: string): number =>
    vault.db
      .prepare<[string], number>('SELECT id FROM certificates WHERE number = ?')
      .pluck()
      .get(number) ?? 0;
  const sign = async (certificateId: number): Promise<void> => {
    await documents().sign(staff.operator, { certificateId });
  };
  const issue = async (number: string, change: Partial<CertificateDraftInput> = {}) => {
    const { issuance } = vault.services;
    const { id } = issuance.createDraft(staff.operator, {
      number,
      draft: { ...validDraft(number), ...change },
    });
    issuance.recordItn(staff.operator, { id, itn: change.itn ?? itnOf(number) });
    issuance.issue(staff.operator, { id, attested: true, packaging, warranty });
    await sign(id);
    return id;
  };
  const shipped = await issue('US12340');
  // The shipments leave the next day: a ship date is recorded on or after its day, never before
  // (rule 8, SHIP_DATE_IN_FUTURE), so the clock moves to it.
  vault.clock.now = new Date('2026-11-28T12:00:00.000Z');
  vault.services.issuance.ship(staff.operator, { id: shipped, shipDate: '2026-11-28' });
  vault.services.issuance.deliver(staff.operator, { id: shipped, importConfirmed: true });
  await issue('US12341');
  const voided = await issue('US12342');
  vault.services.issuance.void(staff.operator, { id: voided, reason: 'Printer error' });
  await sign(voided);
  await world.submissions.drain();

  return {
    ...world,
    issue,
    sign,
    idOf,
    review: (request = {}, extra = {}, actor = staff.reviewer) => {
      // Services over the current connection (a tamper reopens it).
      const services = createVaultServices(vault.db, { now, passwordHashing: TEST_SCRYPT });
      return runReview(
        { db: vault.db, services, documents: documents(), now, vaultId: null, ...extra },
        actor,
        request,
      );
    },
    tamper: (change) => {
      vault.db.close();
      const raw = openDatabase(vault.path, vault.key, { create: false });
      try {
        change(raw);
      } finally {
        raw.close();
      }
      vault.db = openDatabase(vault.path, vault.key, { create: false });
      vault.services = createVaultServices(vault.db, { now, passwordHashing: TEST_SCRYPT });
    },
  };
}
