// The demo recipient (issue 12): `npm run preview` points Census and USKPA of its vault at the
// reference intake server it runs on this computer, so a new user sees a copy go Pending →
// Delivered with a verified receipt. The row must say so itself (Settings and Submissions label it
// "demo intake on this computer; nothing reaches Census"), so the mark lives in the vault, next to
// the settings it qualifies, not in the preview host's memory. The packaged app never sets it:
// every save through the settings (app or CLI) writes 0, so a real recipient is never labelled a
// demo, and only the preview's after-open hook (demo-recipients.ts) writes 1.
// The new column changes every existing row's digest, so each row gets one
// 'audit.cover-existing' event with its digest as it is now (as 0095 and 0180 did).
// Self-contained on purpose: it writes the event format of its time.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH, eventHash } from '../audit/audit-chain';
import type { CanonicalValue } from '../audit/canonical-json';
import { digestOf } from '../audit/entity-digest';
import type { Migration } from './migration';

function coverChangedRows(db: Database, at: string): void {
  const last = db
    .prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    )
    .get();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const insert = db.prepare(
    `INSERT INTO audit_events (seq, at, user_id, action, entity_type, entity_id, entity_digest,
       prev_hash, hash) VALUES (?, ?, NULL, 'audit.cover-existing', 'submission_recipient', ?, ?, ?, ?)`,
  );
  const rows = db
    .prepare('SELECT * FROM submission_recipients ORDER BY recipient')
    .all() as (Record<string, CanonicalValue> & { recipient: string })[];
  for (const row of rows) {
    seq += 1;
    const fields = {
      seq,
      at,
      userId: null,
      action: 'audit.cover-existing',
      entityType: 'submission_recipient',
      entityId: row.recipient,
      entityDigest: digestOf(row),
    };
    const hash = eventHash(prevHash, fields);
    insert.run(seq, at, row.recipient, fields.entityDigest, prevHash, hash);
    prevHash = hash;
  }
}

export const migration0230: Migration = {
  version: 230,
  name: 'submission-recipient-demo',
  up: (db) => {
    db.exec(
      `ALTER TABLE submission_recipients
         ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))`,
    );
    coverChangedRows(db, new Date().toISOString());
  },
};
