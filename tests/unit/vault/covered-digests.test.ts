// The form in which an operation's audit event records the other rows it created (issue 15, a
// record import: covered-digests.ts): written by withCovered, read back exactly by ownDigest and
// coveredIn, and anything else with the mark refused (only a hand-made event can hold it). It
// never looks like an outbox entry (' <id>:'), which check-queued-outbox.ts finds by ':' in SQL.
import { describe, expect, it } from 'vitest';
import { coveredIn, withCovered } from '../../../electron/core/vault/audit/covered-digests';
import { ownDigest, queuedIn } from '../../../electron/core/vault/audit/queued-digests';

const own = 'a'.repeat(64);
const rows = [
  { entityType: 'stock' as const, entityId: 'US12345', digest: 'b'.repeat(64) },
  { entityType: 'record_import' as const, entityId: '17', digest: '0123456789abcdef'.repeat(4) },
];

describe('the rows recorded inside the event of the operation that created them', () => {
  it('leaves the digest of an event that covers nothing as it was', () => {
    expect(withCovered(own, [])).toBe(own);
    expect(coveredIn(own)).toEqual([]);
  });

  it('reads back the record digest and every row, in order, and no outbox row', () => {
    const text = withCovered(own, rows);
    expect(text).toBe(
      `${own} covers stock=US12345=${'b'.repeat(64)} record_import=17=${'0123456789abcdef'.repeat(4)}`,
    );
    expect(ownDigest(text)).toBe(own);
    expect(coveredIn(text)).toEqual(rows);
    expect(queuedIn(text)).toEqual([]);
    expect(text).not.toContain(':');
  });

  it('refuses a text with the mark that withCovered would not write', () => {
    for (const bad of [
      `${own} covers `,
      `${own} covers stock=US12345=${'b'.repeat(63)}`,
      `${own} covers stock=US12345=${'B'.repeat(64)}`,
      `${own} covers nothing=US12345=${'b'.repeat(64)}`,
      `${own} covers stock=US 12345=${'b'.repeat(64)}`,
      `${own} covers stock=US12345=${'b'.repeat(64)}=x`,
      `${own} covers stock=US12345=${'b'.repeat(64)}  record_import=1=${'b'.repeat(64)}`,
    ])
      expect(coveredIn(bad), bad).toBeNull();
  });

  it('never writes a key it could not read back', () => {
    expect(() =>
      withCovered(own, [{ entityType: 'stock', entityId: 'US 1', digest: 'b'.repeat(64) }]),
    ).toThrow(/cannot be written/);
  });
});
