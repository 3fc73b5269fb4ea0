// Issue 13, part 3: the signing and seal private keys were plain PKCS#8 inside the vault, so the
// vault passphrase alone (which every operator of a workstation knows) gave them out. From here
// on they are stored wrapped under a random signing key-encryption key (KEK,
// signing-keys/private-key-envelope.ts), and the KEK only in `signing_key_wraps`: under an
// administrator's signing secret, or under a key this computer's OS keychain holds.
// An existing vault has no secret yet, so this migration wraps the keys under a new KEK and keeps
// that KEK in one 'pending' wrap. Signing is refused while the KEK is only pending; the first
// administrator who sets a signing secret moves it under the secret and erases the pending wrap
// (secure_delete, then a WAL checkpoint: signing-keys/signing-keyring.ts). Until then the keys are
// exactly as exposed as before, and the app and the CLI say so.
// Each rewritten row and the new wrap get an audit event ('signing-keys.protect', no user), as
// 0095 does: self-contained, with the event format of its own time.
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH, eventHash } from '../audit/audit-chain';
import type { CanonicalValue } from '../audit/canonical-json';
import { digestOf } from '../audit/entity-digest';
import type { PrivateKeyOwner } from '../../signing-keys/private-key-envelope';
import { isWrappedPrivateKey, wrapPrivateKey } from '../../signing-keys/private-key-envelope';
import type { Migration } from './migration';

const ACTION = 'signing-keys.protect';

export const CREATE_SIGNING_KEY_WRAPS = `
  CREATE TABLE signing_key_wraps (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('pending', 'secret', 'workstation')),
    -- The administrator whose signing secret opens a 'secret' wrap.
    user_id INTEGER REFERENCES users (id),
    -- A random id naming one opened workstation (the computer that holds its keychain key).
    workstation_id TEXT,
    -- The wrap itself as JSON (signing-keys/kek-wraps.ts).
    wrap TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id),
    CHECK ((kind = 'secret') = (user_id IS NOT NULL)),
    CHECK ((kind = 'workstation') = (workstation_id IS NOT NULL))
  ) STRICT;
  CREATE UNIQUE INDEX signing_key_wraps_one_secret_per_user
    ON signing_key_wraps (user_id) WHERE kind = 'secret';
  CREATE UNIQUE INDEX signing_key_wraps_one_pending
    ON signing_key_wraps (kind) WHERE kind = 'pending';
  CREATE UNIQUE INDEX signing_key_wraps_workstation
    ON signing_key_wraps (workstation_id) WHERE kind = 'workstation';
`;

type Row = { id: number; private_key: Buffer };

function protectExisting(db: Database, at: string): void {
  const tables: { table: string; owner: PrivateKeyOwner }[] = [
    { table: 'signing_identities', owner: 'signing_identity' },
    { table: 'seal_keys', owner: 'seal_key' },
  ];
  const plain = tables.flatMap(({ table, owner }) =>
    // Names come from the constant list above, never from input.
    (db.prepare(`SELECT id, private_key FROM ${table} ORDER BY id`).all() as Row[])
      .filter((row) => !isWrappedPrivateKey(row.private_key))
      .map((row) => ({ table, owner, row })),
  );
  if (plain.length === 0) return;

  const last = db
    .prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    )
    .get();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const insertEvent = db.prepare(
    `INSERT INTO audit_events (seq, at, user_id, action, entity_type, entity_id, entity_digest, prev_hash, hash)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
  );
  const record = (entityType: string, entityId: string, row: CanonicalValue): void => {
    seq += 1;
    const fields = {
      seq,
      at,
      userId: null,
      action: ACTION,
      entityType,
      entityId,
      entityDigest: digestOf(row),
    };
    const hash = eventHash(prevHash, fields);
    insertEvent.run(seq, at, ACTION, entityType, entityId, fields.entityDigest, prevHash, hash);
    prevHash = hash;
  };

  const kek = randomBytes(32);
  try {
    for (const { table, owner, row } of plain) {
      db.prepare(`UPDATE ${table} SET private_key = ? WHERE id = ?`).run(
        wrapPrivateKey(kek, row.private_key, owner),
        row.id,
      );
      const after = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(row.id);
      record(owner, String(row.id), after as CanonicalValue);
    }
    const wrapId = Number(
      db
        .prepare(`INSERT INTO signing_key_wraps (kind, wrap, created_at) VALUES ('pending', ?, ?)`)
        .run(JSON.stringify({ kek: kek.toString('base64') }), at).lastInsertRowid,
    );
    const wrapRow = db.prepare('SELECT * FROM signing_key_wraps WHERE id = ?').get(wrapId);
    record('signing_key_wrap', String(wrapId), wrapRow as CanonicalValue);
  } finally {
    kek.fill(0);
  }
}

export const migration0210: Migration = {
  version: 210,
  name: 'protected-signing-keys',
  up: (db) => {
    // The plain keys' cells are overwritten with zeros, not left in free pages.
    db.pragma('secure_delete = ON');
    db.exec(CREATE_SIGNING_KEY_WRAPS);
    protectExisting(db, new Date().toISOString());
  },
};
