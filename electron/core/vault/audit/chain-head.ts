// The head of the audit chain: the last event's sequence number and hash (and when it was
// written). Anything that carries a head out of the vault (a head file, a backup manifest)
// anchors the chain: a later rewrite of any event up to that point changes the hash at that
// seq, and a removal of events leaves the vault's head below it (docs/audit-anchors.md).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH } from './audit-chain';
import { lastStoredEvent, storedHashReader } from './audit-event-tables';

export type ChainHead = {
  /** 0 for a vault without events. */
  seq: number;
  /** The hash of event `seq` (the genesis hash for seq 0). */
  hash: string;
  /** When event `seq` was written; null for seq 0. */
  at: string | null;
};

export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH, at: null };

export function readChainHead(db: Database): ChainHead {
  const row = lastStoredEvent(db)();
  return row === undefined ? EMPTY_HEAD : { seq: row.seq, hash: row.hash, at: row.at };
}

/** The stored hash of event `seq` (the genesis hash for 0), or undefined when there is none. */
export function storedHashAt(db: Database): (seq: number) => string | undefined {
  const stored = storedHashReader(db);
  return (seq) => (seq === 0 ? GENESIS_HASH : stored(seq));
}
