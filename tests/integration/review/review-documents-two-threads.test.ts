// The review's signed PDFs verified on the helper thread (issue 14: the documents phase on both
// cores) answer exactly as this thread does: the helper, bundled by the project's own build
// script as the app ships it, opens its own read-only connection, builds the same verifier and
// verifies every document (this thread takes none, so every answer compared is the helper's);
// its verifications equal this thread's, planted defects included (a PDF changed after signing,
// a record that no longer says what its PDF says).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedDocumentFindings } from '../../../electron/core/review/check-stored-documents';
import { readReviewedCertificates } from '../../../electron/core/review/reviewed-certificates';
import { verifyStoredInTwoThreads } from '../../../electron/core/review/verify-documents-in-two-threads';
import type { StoredDocument } from '../../../electron/core/review/verify-stored-documents';
import {
  verifyOneStored,
  verifyStoredHere,
} from '../../../electron/core/review/verify-stored-documents';
import { documentOperationsFor } from '../../../electron/core/vault/document-gateway-groups';
import type { BuiltEntries } from '../built-entries';
import { buildEntries } from '../built-entries';
import type { ReviewWorld } from './review-world';
import { openReviewWorld } from './review-world';

let built: BuiltEntries;
let world: ReviewWorld;

beforeAll(async () => {
  built = await buildEntries('review-documents', ['review-documents-worker']);
  world = await openReviewWorld();
  const id = world.idOf('US12341');
  world.tamper((db) => {
    const row = db
      .prepare<[number], { id: number; content: Buffer }>(
        "SELECT id, content FROM attachments WHERE certificate_id = ? AND kind = 'signed-certificate'",
      )
      .get(id);
    if (row === undefined) throw new Error('no signed PDF');
    const changed = Buffer.from(row.content);
    changed[row.content.toString('latin1').indexOf('/Producer') + 1] = 'p'.charCodeAt(0);
    db.prepare('UPDATE attachments SET content = ?, sha256 = ? WHERE id = ?').run(
      changed,
      createHash('sha256').update(changed).digest('hex'),
      row.id,
    );
    db.prepare(
      "UPDATE certificates SET draft_json = json_set(draft_json, '$.carats', '13.50') WHERE number = 'US12340'",
    ).run();
  });
}, 180_000);

afterAll(async () => {
  await world.close();
  built.remove();
});

describe('the review documents verified on the helper thread', () => {
  it('gives every document the verification this thread gives, defects included', async () => {
    const { db } = world.vault;
    const now = () => world.vault.clock.now;
    const verify = await documentOperationsFor(db, {
      now,
      resourcesDir: undefined,
    }).batchVerifier();
    const documents: StoredDocument[] = db
      .prepare<[], { attachmentId: number; fileName: string }>(
        `SELECT id AS attachmentId, file_name AS fileName FROM attachments
          WHERE kind IN ('signed-certificate', 'signed-void-copy') ORDER BY id`,
      )
      .all();
    expect(documents.length).toBe(4);
    const shares: { here: number; helper: number }[] = [];
    const onHelper = verifyStoredInTwoThreads(
      db,
      // The documents thread is found beside the audit thread's bundle.
      { workerFile: join(built.file('electron'), 'audit-verify-worker.mjs'), key: world.vault.key },
      {
        at: now(),
        settings: world.vault.services.settings.validation(),
        resourcesDir: undefined,
        thisThreadTakes: false,
        helperFromDocuments: 1,
        onShares: (share) => shares.push(share),
      },
      verifyOneStored(db, verify),
    );
    const byHelper = onHelper(documents);
    expect(shares).toEqual([{ here: 0, helper: 4 }]);
    const here = verifyStoredHere(db, verify)(documents);
    expect(byHelper).toEqual(here);

    const certificates = readReviewedCertificates(db, null);
    const findings = storedDocumentFindings(db, certificates, onHelper).findings;
    expect(findings.map((f) => [f.code, f.certificateNumber]).sort()).toEqual([
      ['DOCUMENT_NOT_VERIFIED', 'US12341'],
      ['DOCUMENT_RECORD_MISMATCH', 'US12340'],
    ]);
    expect(findings).toEqual(
      storedDocumentFindings(db, certificates, verifyStoredHere(db, verify)).findings,
    );
  });
});
