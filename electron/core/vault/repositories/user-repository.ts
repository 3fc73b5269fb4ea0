// Users and sign-in. Each person signs in with their own username and password; the role
// (operator, administrator, reviewer) decides what the issuance service lets them do. An
// unknown user and a wrong password get the SAME answer, and take the same time, so sign-in
// does not reveal which usernames exist.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { AppFailure } from '../../app-failure';
import { parseInput } from './parse-input';
import type { ScryptParams } from './password-hash';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from './password-hash';

export const userRoles = ['operator', 'administrator', 'reviewer'] as const;
export type UserRole = (typeof userRoles)[number];

export const MIN_PASSWORD_LENGTH = 12;

export const NewUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9._-]{3,64}$/,
        'Use 3 to 64 letters, digits, dots, dashes or underscores for the username.',
      ),
    displayName: z.string().trim().min(1, 'Enter the name of the person.').max(200),
    role: z.enum(userRoles),
    password: z
      .string()
      .min(
        MIN_PASSWORD_LENGTH,
        `Use a password of at least ${String(MIN_PASSWORD_LENGTH)} characters.`,
      )
      .max(1024),
  })
  .strict();

const SignInSchema = z
  .object({ username: z.string().max(64), password: z.string().max(1024) })
  .strict();

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
