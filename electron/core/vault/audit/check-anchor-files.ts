// The anchors check as the CLI (`kpdesk audit verify --anchors`) and the app's "Check the record"
// run it: read the anchors in the files and folders named (head files, backups, signed
// certificates, receipts exports: read-anchor-files.ts) and, when asked, the USKPA receipts
// stored in the vault (receipt-anchors.ts), compare the
// vault's chain with each (check-anchors.ts), and, for a contradicted backup whose manifest the
// vault's key authenticates, find the first event that differs exactly (locate-in-backup.ts).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AnchorReport } from './check-anchors';
import { checkAnchors } from './check-anchors';
import type { AnchorFiles } from './read-anchor-files';
import { readAnchorFiles } from './read-anchor-files';
import { commonSeqWithBackup } from './locate-in-backup';
import { storedReceiptAnchors, uskpaPinnedCa } from './receipt-anchors';

export type AnchorFilesReport = AnchorReport & Omit<AnchorFiles, 'anchors'>;

export async function checkAnchorFiles(
  db: Database,
  paths: readonly string[],
  options: {
    cwd: string;
    vaultId: string | null;
    key?: Buffer;
    /** Also the USKPA receipts stored in the vault (submission_receipts). */
    storedReceipts?: boolean;
  },
): Promise<AnchorFilesReport> {
  const { key } = options;
  // A signed certificate anchors only if this vault's own identities signed it.
  const ownSigners = new Set(
    db.prepare<[], string>('SELECT fingerprint_sha256 FROM signing_identities').pluck().all(),
  );
  const files = await readAnchorFiles(paths, options.cwd, key, ownSigners, uskpaPinnedCa(db));
  if (options.storedReceipts === true) {
    const stored = storedReceiptAnchors(db);
    files.anchors.push(...stored.anchors);
    files.ignored.push(...stored.ignored);
  }
  const report = await checkAnchors(db, files.anchors, {
    vaultId: options.vaultId,
    ...(key === undefined
      ? {}
      : {
          locateExact: (anchor) =>
            anchor.kind === 'backup' && anchor.authenticated === true
              ? commonSeqWithBackup(db, anchor.source, key)
              : Promise.resolve(undefined),
        }),
  });
  // A file that should have been an anchor and is not counts against the record's check too.
  return {
    ...report,
    ok: report.ok && files.problems.length === 0,
    problems: files.problems,
    ignored: files.ignored,
  };
}
