// The vault's key file, `<vault>.keys.json`: the 32-byte database key, only ever wrapped
// (architecture.md §5). Each wrap is AES-256-GCM whose additional data binds the vault id and the
// wrap's kind, so a wrap copied from another vault, or relabelled as another kind, fails its tag.
// The file is written atomically (temp file in the same directory, fsync, rename) with mode 0600,
// so a crash leaves either the old file or the new one, never half of one.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { AppFailure } from '../../app-failure';

export const KEY_FILE_FORMAT = 1;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

// Bounds on what a key file may ask of scrypt: a damaged or hostile file must not make the app
// allocate gigabytes. The lower bound is the test size; new wraps use the strong defaults.
export const ScryptParamsSchema = z
  .object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64,
  })
  .strict();

export type ScryptParams = z.infer<typeof ScryptParamsSchema>;

const sealed = {
  cipher: z.literal('aes-256-gcm'),
  iv: base64,
  tag: base64,
  ciphertext: base64,
};

export const SecretWrapSchema = z
  .object({ kind: z.enum(['passphrase', 'recovery']), ...sealed, kdf: ScryptParamsSchema })
  .strict();

// The keychain seals a random wrapping key (sealedKey); the database key itself never reaches the
// OS keychain API. `backend` records which keychain sealed it (style-lessons §12).
export const KeychainWrapSchema = z
  .object({ kind: z.literal('keychain'), ...sealed, backend: z.string().min(1), sealedKey: base64 })
  .strict();

export const WrapSchema = z.discriminatedUnion('kind', [SecretWrapSchema, KeychainWrapSchema]);

export const KeyFileSchema = z
  .object({
    format: z.literal(KEY_FILE_FORMAT),
    vaultId: z.uuid(),
    createdAt: z.iso.datetime(),
    wraps: z.array(WrapSchema).min(1),
  })
  .strict()
  .refine((file) => new Set(file.wraps.map((w) => w.kind)).size === file.wraps.length, {
    error: 'at most one wrap of each kind',
  });

export type SecretWrap = z.infer<typeof SecretWrapSchema>;
export type KeychainWrap = z.infer<typeof KeychainWrapSchema>;
export type Wrap = z.infer<typeof WrapSchema>;
export type WrapKind = Wrap['kind'];
export type KeyFile = z.infer<typeof KeyFileSchema>;

export function parseKeyFile(text: string): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success)
    throw new AppFailure(
      'VAULT_CORRUPT',
      "The vault's key file is damaged and cannot be read. Restore it from a backup; the vault was not changed.",
    );
  return parsed.data;
}

export function readKeyFile(path: string): KeyFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AppFailure('VAULT_NOT_FOUND', `The vault's key file was not found at ${path}.`);
    throw error;
  }
  return parseKeyFile(text);
}

// The directory entry of the rename must reach the disk too; Windows cannot open a directory,
// and NTFS journals the rename itself.
function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeTempFile(path: string, file: KeyFile): string {
  const checked = KeyFileSchema.parse(file);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(checked, null, 2)}\n`);
    fsyncSync(fd);
  } catch (error: unknown) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  return temp;
}

/** Replaces the key file atomically (rename over the old one). */
export function writeKeyFile(path: string, file: KeyFile): void {
  const temp = writeTempFile(path, file);
  try {
    renameSync(temp, path);
  } catch (error: unknown) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDirectory(dirname(path));
}

/** Writes a new key file; refuses (VAULT_EXISTS) rather than overwrite one, even in a race. */
export function createKeyFile(path: string, file: KeyFile): void {
  const temp = writeTempFile(path, file);
  try {
    // link() fails with EEXIST when the target exists, where rename() would silently replace it.
    linkSync(temp, path);
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new AppFailure(
        'VAULT_EXISTS',
        `A vault key file already exists at ${path}; it was not overwritten.`,
      );
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  fsyncDirectory(dirname(path));
}
