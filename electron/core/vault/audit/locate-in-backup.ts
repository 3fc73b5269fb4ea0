// Where a vault's chain parts from a backup's: the backup is checked byte by byte and its
// snapshot copied to a private folder (verify-backup-file.ts), opened read-only with the vault's
// key, and the two chains compared by binary search (common-chain-prefix.ts). This names the
// first event that differs exactly, where a head alone only bounds it.
import Sqlite from 'better-sqlite3-multiple-ciphers';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyKey } from '../apply-vault-key';
import { verifyBackupFile } from '../backup/verify-backup-file';
import { readChainHead, storedHashAt } from './chain-head';
import { commonChainPrefix } from './common-chain-prefix';

/** The last seq the backup's chain shares with the vault's; undefined when the key does not open it. */
export async function commonSeqWithBackup(
  db: Database,
  backupPath: string,
  key: Buffer,
): Promise<number | undefined> {
  const work = await mkdtemp(join(tmpdir(), 'kpdesk-anchor-'));
  try {
    const copy = join(work, 'anchor.kpdb');
    await verifyBackupFile(backupPath, copy);
    const snapshot = new Sqlite(copy, { readonly: true, fileMustExist: true });
    try {
      applyKey(snapshot, key);
      const backupHead = readChainHead(snapshot);
      return commonChainPrefix(
        storedHashAt(db),
        storedHashAt(snapshot),
        Math.min(readChainHead(db).seq, backupHead.seq),
      );
    } catch {
      return undefined;
    } finally {
      snapshot.close();
    }
  } catch {
    return undefined;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
