// Issue 13, part 3 follow-up: signing keys that can no longer be opened. A computer opened for
// signing without any signing secret is the only way to the keys; when its keychain is lost (a new
// computer, a restore) or every secret is forgotten, nothing opens the KEK again
// (docs/security.md). An administrator then replaces the keys: a new signing identity and seal
// key under a new KEK. This table records each replacement with its reason, who made it and
// which identity and seal key it retired, so the record says why signatures changed hands.
// Identities and seal keys are never deleted (0050): documents signed before stay verifiable for
// the ten-year retention period (31 CFR 501.601). Rows are never deleted; the table is an audit
// entity type ('signing_key_replacement').
import type { Migration } from './migration';

export const migration0295: Migration = {
  version: 295,
  name: 'signing-key-replacements',
  up: (db) => {
    db.exec(`
      CREATE TABLE signing_key_replacements (
        id INTEGER PRIMARY KEY,
        -- In the administrator's words: why the keys could not be opened any more.
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        retired_identity_id INTEGER REFERENCES signing_identities (id),
        retired_seal_key_id INTEGER REFERENCES seal_keys (id),
        -- The identity that signs from this replacement on (set in the same transaction).
        new_identity_id INTEGER REFERENCES signing_identities (id),
        -- How many wraps of the old KEK were erased (secrets, opened computers, pending).
        erased_wraps INTEGER NOT NULL CHECK (erased_wraps >= 0),
        replaced_at TEXT NOT NULL,
        replaced_by INTEGER NOT NULL REFERENCES users (id)
      ) STRICT;
    `);
  },
};
