// Which b-trees (tables and indexes) the frames in a WAL file belong to: the pages a set of
// commits wrote, counted per table or index, so a change to the schema or to a statement can be
// judged by the pages it saves at each commit (bench/README.md, "The outbox's overhead on
// issue"). Each WAL frame is a 24-byte header (the page number first, big-endian; SQLCipher
// leaves the header in clear) and one page; dbstat maps a page number to its b-tree. A page
// written twice in the WAL counts twice, as it was written twice.
import { readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** Frames per b-tree name ("(freelist or new)" for a page dbstat does not place). */
export function walPagesByTree(db: Database, walFile: string): Map<string, number> {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const owner = new Map<number, string>();
  for (const row of db
    .prepare<[], { name: string; pageno: number }>('SELECT name, pageno FROM dbstat')
    .all())
    owner.set(row.pageno, row.name);
  const wal = readFileSync(walFile);
  const counts = new Map<string, number>();
  for (let at = WAL_HEADER; at + FRAME_HEADER <= wal.length; at += FRAME_HEADER + pageSize) {
    const page = wal.readUInt32BE(at);
    const name = page === 1 ? '(database header)' : (owner.get(page) ?? '(freelist or new)');
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}
