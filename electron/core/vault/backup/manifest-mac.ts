// The backup manifest's MAC (format 2): HMAC-SHA256 over the format line and the manifest bytes,
// under a key derived from the vault key with HKDF-SHA256 (its own label, so the MAC key is
// never the database key itself). The manifest names every file's SHA-256, so the MAC
// authenticates the whole backup; the SHA-256 in the header only detects damage, which anyone
// can recompute after changing the date or the version. Checked as soon as the vault key is
// known (the user's passphrase or recovery key unwraps it), before anything is shown as fact.
// Limit: whoever holds the vault key (every holder of the passphrase) can also make a MAC; it
// proves the manifest was written by a holder of this vault's key, not by KP Desk alone.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { AppFailure } from '../../app-failure';
import { BACKUP_MAGIC } from './backup-format';

const MAC_KEY_LABEL = 'KP Desk backup manifest MAC v1';

function macKey(vaultKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', vaultKey, Buffer.alloc(0), MAC_KEY_LABEL, 32));
}

/** Hex HMAC-SHA256 of `<magic> <format>\n` + the manifest bytes. */
export function manifestMac(vaultKey: Buffer, format: number, manifestBytes: Buffer): string {
  const key = macKey(vaultKey);
  try {
    return createHmac('sha256', key)
      .update(`${BACKUP_MAGIC} ${String(format)}\n`)
      .update(manifestBytes)
      .digest('hex');
  } finally {
    key.fill(0);
  }
}

export type ManifestAuthentication = {
  format: number;
  manifestBytes: Buffer;
  /** Absent in format 1, which had no MAC. */
  manifestMac?: string | undefined;
};

/**
 * Throws `fail(...)` unless the manifest's MAC holds under `vaultKey`. Returns whether the
 * manifest is authenticated at all: false for a format 1 backup (made before manifests had a
 * MAC), whose date and version are then shown as not proven.
 */
export function authenticateManifest(
  vaultKey: Buffer,
  found: ManifestAuthentication,
  fail: (what: string) => AppFailure,
): boolean {
  if (found.format === 1) return false;
  if (found.manifestMac === undefined) throw fail('its manifest carries no MAC');
  const expected = Buffer.from(manifestMac(vaultKey, found.format, found.manifestBytes), 'hex');
  const given = Buffer.from(found.manifestMac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw fail(
      'its manifest is not authentic (its MAC does not match: the manifest was changed after the backup was made, or the backup belongs to another key)',
    );
  return true;
}
