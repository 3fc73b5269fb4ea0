// The rows of signing_key_wraps (migration 0210): one 'secret' wrap per administrator who set a
// signing secret, one 'workstation' wrap per computer opened for signing, and at most one
// 'pending' wrap (the KEK itself, until the first signing secret is set). Writes run inside the
// caller's transaction, which appends the audit event (entity 'signing_key_wrap').
import type { Database } from 'better-sqlite3-multiple-ciphers';

export type KekWrapKind = 'pending' | 'secret' | 'workstation';

export type KekWrapRow = {
  id: number;
  kind: KekWrapKind;
  user_id: number | null;
  workstation_id: string | null;
  wrap: string;
  created_at: string;
  created_by: number | null;
};

export type KekWrapRepository = ReturnType<typeof createKekWrapRepository>;

export function createKekWrapRepository(db: Database, now: () => Date) {
  const all = db.prepare<[], KekWrapRow>('SELECT * FROM signing_key_wraps ORDER BY id');
  const ofKind = db.prepare<[KekWrapKind], KekWrapRow>(
    'SELECT * FROM signing_key_wraps WHERE kind = ? ORDER BY id',
  );
  const secretOf = db.prepare<[number], KekWrapRow>(
    "SELECT * FROM signing_key_wraps WHERE kind = 'secret' AND user_id = ?",
  );
  const insert = db.prepare(
    `INSERT INTO signing_key_wraps (kind, user_id, workstation_id, wrap, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare<[string, number]>('UPDATE signing_key_wraps SET wrap = ? WHERE id = ?');
  const remove = db.prepare<[number]>('DELETE FROM signing_key_wraps WHERE id = ?');

  const mustBeInTransaction = (what: string): void => {
    if (!db.inTransaction) throw new Error(`${what} must run inside a transaction`);
  };

  return {
    all: (): KekWrapRow[] => all.all(),
    pending: (): KekWrapRow | undefined => ofKind.get('pending'),
    workstations: (): KekWrapRow[] => ofKind.all('workstation'),
    secrets: (): KekWrapRow[] => ofKind.all('secret'),
    secretOf: (userId: number): KekWrapRow | undefined => secretOf.get(userId),
    add: (entry: {
      kind: KekWrapKind;
      userId: number | null;
      workstationId: string | null;
      wrap: unknown;
      createdBy: number | null;
    }): number => {
      mustBeInTransaction('signing_key_wraps.add');
      return Number(
        insert.run(
          entry.kind,
          entry.userId,
          entry.workstationId,
          JSON.stringify(entry.wrap),
          now().toISOString(),
          entry.createdBy,
        ).lastInsertRowid,
      );
    },
    replaceWrap: (id: number, wrap: unknown): void => {
      mustBeInTransaction('signing_key_wraps.replaceWrap');
      update.run(JSON.stringify(wrap), id);
    },
    remove: (id: number): void => {
      mustBeInTransaction('signing_key_wraps.remove');
      remove.run(id);
    },
  };
}
