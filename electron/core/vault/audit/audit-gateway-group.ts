// The vault gateway's `audit` group (issue 13): the chain's head exported as an anchor line, the
// anchors checked against the chain, the full verification beside issuing, and what the check at
// unlock found. Each call is made as the signed-in user over the open vault (`asUser`).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { AppFailure } from '../../app-failure';
import type { AuditChecks, OpenVault } from '../../audit-check/audit-checks';
import type { UnlockCheck } from '../../audit-check/check-since-verified-head';
import type { AsUser } from '../gateway-calls';
import { parseInput } from '../repositories/parse-input';
import { formatAnchorLine } from './anchor-line';
import { checkAnchorFiles } from './check-anchor-files';
import { readChainHead } from './chain-head';

export type AuditGatewayOptions = {
  asUser: AsUser;
  /** The open vault (throws VAULT_LOCKED otherwise) and what the check at unlock found. */
  touch: () => OpenVault & { unlockCheck: UnlockCheck };
  /** Whether this connection is still the open one (a verification outliving a lock records nothing). */
  isOpen: (db: Database) => boolean;
  auditChecks: AuditChecks;
  /** The data folder: relative anchor paths are read from it. */
  dataDir: string;
  vaultId: () => string | null;
};

const AnchorPathsSchema = z
  .object({
    paths: z.array(z.string().min(1).max(4096)).max(100),
    /** Also the USKPA receipts stored in the vault (receipt-anchors.ts). */
    storedReceipts: z.boolean().optional(),
  })
  .strict()
  .refine((input) => input.paths.length > 0 || input.storedReceipts === true, {
    error: 'Name at least one anchor file, or check against the stored receipts.',
    path: ['paths'],
  });

export function auditGatewayGroup(options: AuditGatewayOptions) {
  const { asUser, touch } = options;
  return {
    /** Administrators: the chain's head as one line, to keep outside the vault (an anchor). */
    head: asUser((_services, actor) => {
      if (actor.role !== 'administrator')
        throw new AppFailure('FORBIDDEN', 'Only an administrator can export the audit head.');
      const head = readChainHead(touch().db);
      const vaultId = options.vaultId();
      return { line: formatAnchorLine({ ...head, vaultId }), vaultId, ...head };
    }),
    /** `{ paths }` from main's open dialog: head files, signed PDFs, backups, receipts exports
     * (anchors); `storedReceipts`: also the USKPA receipts in the vault. */
    checkAnchors: asUser(async (_services, _actor, input) => {
      const { paths, storedReceipts } = parseInput(AnchorPathsSchema, input);
      const { db, key } = touch();
      const vaultId = options.vaultId();
      return checkAnchorFiles(db, paths, {
        cwd: options.dataDir,
        vaultId,
        key,
        ...(storedReceipts === undefined ? {} : { storedReceipts }),
      });
    }),
    /** The full verification, on its own connection and thread: issuing goes on meanwhile. */
    verify: asUser((_services, actor) =>
      options.auditChecks.verify(touch(), actor.userId, options.isOpen),
    ),
    /** What the check at unlock found: the events since the last full verification's head. */
    unlockCheck: asUser(() => touch().unlockCheck),
  };
}
