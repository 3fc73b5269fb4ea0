// Passwords are stored only as scrypt hashes: "scrypt$N$r$p$salt$hash" (base64), so the
// parameters travel with the hash and can be raised later without breaking old accounts.
// Verification compares with timingSafeEqual.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export type ScryptParams = { N: number; r: number; p: number };

/** OWASP's scrypt minimum (N=2^17, r=8, p=1) costs 128 MiB; 2^15 keeps sign-in under ~100 ms. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// A stored hash is data: its parameters are bounded so a doctored row cannot make sign-in
// allocate gigabytes.
const MAX_N = 2 ** 20;

function derive(password: string, salt: Buffer, params: ScryptParams): Buffer {
  return scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  });
}

export function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): string {
  const salt = randomBytes(SALT_LENGTH);
  const hash = derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), hash.toString('base64')]
    .map(String)
    .join('$');
}

function readHash(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (N === undefined || r === undefined || p === undefined) return null;
  if (!Number.isInteger(N) || N < 2 || N > MAX_N || (N & (N - 1)) !== 0) return null;
  if (!Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16)
    return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < SALT_LENGTH || hash.length !== KEY_LENGTH) return null;
  return { params: { N, r, p }, salt, hash };
}

export function verifyPassword(password: string, stored: string): boolean {
  const reading = readHash(stored);
  if (reading === null) return false;
  return timingSafeEqual(derive(password, reading.salt, reading.params), reading.hash);
}
