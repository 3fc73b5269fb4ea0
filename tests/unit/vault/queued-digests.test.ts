// The form in which an operation's audit event records the outbox rows it queued (issue 12):
// written by withQueued, read back exactly by ownDigest and queuedIn, and anything else with the
// mark refused (only a hand-made event can hold it).
import { describe, expect, it } from 'vitest';
import { ownDigest, queuedIn, withQueued } from '../../../electron/core/vault/audit/queued-digests';

const own = 'a'.repeat(64);
const rows = [
  { outboxId: 7, digest: 'b'.repeat(64) },
  { outboxId: 12345, digest: '0123456789abcdef'.repeat(4) },
];

describe('the outbox rows recorded inside an operation event', () => {
  it('leaves the digest of an event that queued nothing as it was', () => {
    expect(withQueued(own, [])).toBe(own);
    expect(ownDigest(own)).toBe(own);
    expect(queuedIn(own)).toEqual([]);
  });

  it('reads back the record digest and every row, in order', () => {
    const text = withQueued(own, rows);
    expect(text).toBe(`${own} outbox 7:${'b'.repeat(64)} 12345:${'0123456789abcdef'.repeat(4)}`);
    expect(ownDigest(text)).toBe(own);
    expect(queuedIn(text)).toEqual(rows);
  });

  it('refuses a text with the mark that withQueued would not write', () => {
    for (const bad of [
      `${own} outbox `,
      `${own} outbox 7:${'b'.repeat(63)}`,
      `${own} outbox 07:${'b'.repeat(64)}`,
      `${own} outbox 7:${'B'.repeat(64)}`,
      `${own} outbox 7:${'b'.repeat(64)}  8:${'b'.repeat(64)}`,
      `${own} outbox 7:${'b'.repeat(64)}:1`,
    ])
      expect(queuedIn(bad), bad).toBeNull();
  });

  it('takes a digest without the mark as a digest of its own, whatever its length', () => {
    expect(ownDigest(`${own}x`)).toBe(`${own}x`);
    expect(queuedIn(`${own}x`)).toEqual([]);
  });
});
