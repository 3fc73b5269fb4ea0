// Checks the vault's audit chain against anchors: chain heads that left the vault earlier (head
// files, backup manifests; docs/audit-anchors.md). The hash chain alone cannot show a rewrite by
// someone who holds the key and recomputes every hash from event 1, nor the removal of the last
// events; an anchor taken after the rewritten point can: the vault's hash at the anchor's seq
// differs, or the vault's chain no longer reaches it. Reports each anchor's verdict and where
// the first event that differs lies: between the highest anchor the chain still agrees with and
// the lowest it contradicts, or exactly, where a backup's own chain could be compared event by
// event (check-anchor-files.ts).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ChainHead } from './chain-head';
import { readChainHead, storedHashAt } from './chain-head';
import { describeEntity } from './describe-entity';

export type Anchor = ChainHead & {
  /** Where it came from, as the user named it (a file, a line of a file, a backup). */
  source: string;
  kind: 'head-file' | 'backup' | 'signed-certificate' | 'receipt';
  vaultId: string | null;
  /** Backups: whether the manifest's MAC held under this vault's key (null: not checked);
   * signed certificates: true (read-pdf-anchor.ts admits only this vault's own signatures);
   * receipts: true (receipt-anchors.ts admits only those USKPA's pinned CA verifies). */
  authenticated: boolean | null;
};

export type AnchorVerdict = {
  anchor: Anchor;
  status: 'holds' | 'contradicted' | 'other-vault';
  message: string;
};

export type FirstDifference = {
  /** The first event that differs lies in [from, to]; from === to when it is known exactly. */
  from: number;
  to: number;
  /** The vault's event at `from` when exact (it may have been removed: then absent). */
  event?: { seq: number; action: string; entityType: string; entityId: string; record: string };
  message: string;
};

export type AnchorReport = {
  ok: boolean;
  vaultHead: ChainHead;
  verdicts: AnchorVerdict[];
  firstDifference?: FirstDifference;
};

/** For a contradicted backup anchor: the last seq its own chain shares with the vault's. */
export type ExactLocator = (anchor: Anchor) => Promise<number | undefined>;

const at = (anchor: Anchor): string => (anchor.at === null ? '' : ` (event of ${anchor.at})`);

function verdictOf(
  anchor: Anchor,
  head: ChainHead,
  hashAt: (seq: number) => string | undefined,
  vaultId: string | null,
): AnchorVerdict {
  if (anchor.vaultId !== null && vaultId !== null && anchor.vaultId !== vaultId)
    return {
      anchor,
      status: 'other-vault',
      message: `It is the head of another vault (${anchor.vaultId}); this vault is ${vaultId}. Not compared.`,
    };
  if (anchor.seq > head.seq)
    return {
      anchor,
      status: 'contradicted',
      message: `It records event ${String(anchor.seq)}${at(anchor)}, but the vault's chain ends at event ${String(head.seq)}: events were removed, or the chain was rewritten.`,
    };
  if (hashAt(anchor.seq) !== anchor.hash)
    return {
      anchor,
      status: 'contradicted',
      message: `Event ${String(anchor.seq)} in the vault is not the event this anchor recorded${at(anchor)}: the chain was rewritten at or before event ${String(anchor.seq)}.`,
    };
  return {
    anchor,
    status: 'holds',
    message: `The vault's chain still holds event ${String(anchor.seq)} as recorded${at(anchor)}.`,
  };
}

function eventAt(db: Database, seq: number): FirstDifference['event'] {
  const row = db
    .prepare<[number], { action: string; entityType: string; entityId: string }>(
      'SELECT action, entity_type AS entityType, entity_id AS entityId FROM audit_events WHERE seq = ?',
    )
    .get(seq);
  if (row === undefined) return undefined;
  return { seq, ...row, record: describeEntity(db, row.entityType, row.entityId) };
}

export async function checkAnchors(
  db: Database,
  anchors: readonly Anchor[],
  options: { vaultId: string | null; locateExact?: ExactLocator },
): Promise<AnchorReport> {
  const head = readChainHead(db);
  const hashAt = storedHashAt(db);
  const verdicts = anchors.map((anchor) => verdictOf(anchor, head, hashAt, options.vaultId));
  const contradicted = verdicts.filter((v) => v.status === 'contradicted');
  if (contradicted.length === 0) return { ok: true, vaultHead: head, verdicts };

  // The first difference is at or before the lowest contradicted seq (or the first event the
  // vault lacks), and after every anchor below it that still holds.
  let to = Math.min(...contradicted.map((v) => Math.min(v.anchor.seq, head.seq + 1)));
  const holding = verdicts
    .filter((v) => v.status === 'holds' && v.anchor.seq < to)
    .map((v) => v.anchor.seq);
  let from = Math.max(0, ...holding) + 1;
  if (options.locateExact !== undefined)
    for (const verdict of contradicted) {
      const common = await options.locateExact(verdict.anchor);
      if (common !== undefined && common + 1 <= to) {
        from = common + 1;
        to = common + 1;
      }
    }
  const event = from === to ? eventAt(db, from) : undefined;
  const where =
    from === to
      ? `The first event that differs is event ${String(from)}${event === undefined ? ' (no longer in the vault)' : `: ${event.action} on ${event.record}`}.`
      : `The first event that differs lies between event ${String(from)} and event ${String(to)}; an anchor taken in between narrows it.`;
  return {
    ok: false,
    vaultHead: head,
    verdicts,
    firstDifference: {
      from,
      to,
      ...(event === undefined ? {} : { event }),
      message: where,
    },
  };
}
