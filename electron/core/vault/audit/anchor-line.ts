// The one-line text of an audit chain head (docs/audit-anchors.md), to e-mail, print or file away
// outside the vault:
//   KPDESK-AUDIT-HEAD 1 vault=<vault id> seq=<n> hash=<64 hex> at=<ISO time of event n, or ->
// A file may hold several such lines (one per head taken); blank lines are allowed. Nothing in it
// is secret: the hash reveals nothing of the record, but a later rewrite of any event up to seq n
// changes the vault's hash at n, and a removal leaves the vault's chain shorter than n.
import type { ChainHead } from './chain-head';

export const ANCHOR_MAGIC = 'KPDESK-AUDIT-HEAD';
export const ANCHOR_FORMAT = 1;

export type HeadLine = ChainHead & { vaultId: string | null };

export function formatAnchorLine(head: HeadLine): string {
  return `${ANCHOR_MAGIC} ${String(ANCHOR_FORMAT)} vault=${head.vaultId ?? '-'} seq=${String(head.seq)} hash=${head.hash} at=${head.at ?? '-'}`;
}

const LINE = new RegExp(
  `^${ANCHOR_MAGIC} (\\d{1,4}) vault=([0-9A-Za-z-]{1,200}) seq=(0|[1-9]\\d{0,15}) hash=([0-9a-f]{64}) at=(\\S{1,40})$`,
);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** Parses one line (without its newline); a string says why it is not a head line. */
export function parseAnchorLine(line: string): HeadLine | string {
  const match = LINE.exec(line.trim());
  if (match === null) return `it is not a "${ANCHOR_MAGIC}" line in the documented form`;
  const [, format, vault, seq, hash, at] = match;
  if (Number(format) !== ANCHOR_FORMAT)
    return `it uses head format ${String(format)}, which this version of KP Desk cannot read`;
  if (at !== '-' && !ISO_TIME.test(at ?? '')) return 'its time is not an ISO 8601 UTC time';
  if (vault === undefined || seq === undefined || hash === undefined || at === undefined)
    return 'it is incomplete';
  return {
    vaultId: vault === '-' ? null : vault,
    seq: Number(seq),
    hash,
    at: at === '-' ? null : at,
  };
}
