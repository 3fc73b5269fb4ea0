// Users and sign-in. Each person signs in with their own username and password; the role
// (operator, administrator, reviewer) decides what the issuance service lets them do. An
// unknown user and a wrong password get the SAME answer, and take the same time, so sign-in
// does not reveal which usernames exist.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { UserRole } from '../../../../shared/records/user-inputs';
import { NewUserSchema, SignInSchema } from '../../../../shared/records/user-inputs';
import { AppFailure } from '../../app-failure';
import { parseInput } from './parse-input';
import type { ScryptParams } from './password-hash';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from './password-hash';

export type User = {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  createdAt: string;
  disabledAt: string | null;
};

type UserRow = {
  id: number;
  username: string;
  display_name: string;
  role: UserRole;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
};

const SIGN_IN_FAILED = 'The username or password is not correct.';

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;

export function createUserRepository(
  db: Database,
  now: () => Date,
  scrypt: ScryptParams = DEFAULT_SCRYPT,
) {
  const byId = db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?');
  const byName = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
  const all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const activeAdministrators = db
    .prepare<[], number>(
      "SELECT count(*) FROM users WHERE role = 'administrator' AND disabled_at IS NULL",
    )
    .pluck();
  const setAccount = db.prepare('UPDATE users SET role = ?, disabled_at = ? WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO users (username, display_name, role, password_hash, created_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  // Compared against when the username is unknown, so both failures cost one scrypt run.
  // Made on first use, not at start-up.
  let decoy: string | undefined;
  const decoyHash = (): string => (decoy ??= hashPassword('decoy password never used', scrypt));

  return {
    get: (id: number): User | null => {
      const row = byId.get(id);
      return row === undefined ? null : toUser(row);
    },
    list: (): User[] => all.all().map(toUser),
    count: (): number => count.get()?.n ?? 0,
    activeAdministratorCount: (): number => activeAdministrators.get() ?? 0,
    /** Role and disabled time as given; the rules about who may change them are the caller's. */
    setAccount: (id: number, role: UserRole, disabledAt: string | null): void => {
      if (setAccount.run(role, disabledAt, id).changes !== 1)
        throw new AppFailure('NOT_FOUND', `There is no user with id ${String(id)}.`);
    },
    create: (input: unknown): User => {
      const user = parseInput(NewUserSchema, input);
      if (byName.get(user.username) !== undefined)
        throw new AppFailure('CONFLICT', `The username ${user.username} is already taken.`, {
          username: 'This username is already taken.',
        });
      const result = insert.run(
        user.username,
        user.displayName,
        user.role,
        hashPassword(user.password, scrypt),
        now().toISOString(),
      );
      const created = byId.get(Number(result.lastInsertRowid));
      if (created === undefined) throw new Error('user row missing after insert');
      return toUser(created);
    },
    signIn: (input: unknown): User => {
      const credentials = parseInput(SignInSchema, input);
      const row = byName.get(credentials.username.trim());
      const matches = verifyPassword(credentials.password, row?.password_hash ?? decoyHash());
      if (row === undefined || !matches || row.disabled_at !== null)
        throw new AppFailure('AUTH_FAILED', SIGN_IN_FAILED);
      return toUser(row);
    },
  };
}
