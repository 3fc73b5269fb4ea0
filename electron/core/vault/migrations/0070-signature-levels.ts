// PAdES B-T / B-LT (ETSI EN 319 142-1): each signed document records the level it got and why,
// since a TSA that is down or unset leaves a document at B-B without failing the signing.
// A table of its own rather than new columns of `attachments`: the audit chain digests every
// column of an audited row (audit/entity-digest.ts), so a new column would change the digest of
// every document signed before and the audit check would report them all as altered. The level
// is a fact about the stored PDF (which carries its own proof), not a record a user edits.
// Documents signed before this migration were all B-B. (The TSA's address is a setting row,
// key 'timestamp.tsaUrl', written with its own audit event: settings-repository.ts.)
import type { Migration } from './migration';

export const migration0070: Migration = {
  version: 70,
  name: 'signature-levels',
  up: (db) => {
    db.exec(`
      CREATE TABLE signature_levels (
        attachment_id INTEGER PRIMARY KEY REFERENCES attachments (id),
        level TEXT NOT NULL CHECK (level IN ('B-B', 'B-T', 'B-LT')),
        note TEXT NOT NULL CHECK (length(note) <= 2000)
      ) STRICT;
      INSERT INTO signature_levels (attachment_id, level, note)
        SELECT id, 'B-B', 'Signed as PAdES B-B (before time-stamps were available).'
        FROM attachments WHERE kind IN ('signed-certificate', 'signed-void-copy');
    `);
  },
};
