// A run of autosaves is one timeline entry (issue 16); a save by someone else, a lone save and
// every other event stay entries of their own, in order, and no event is lost.
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../../renderer/src/records/timeline-groups';
import { groupTimeline } from '../../../../renderer/src/records/timeline-groups';

let seq = 0;
function event(action: string, userId: number | null = 1): TimelineEvent {
  seq += 1;
  return {
    seq,
    at: `2026-11-27T10:${String(seq).padStart(2, '0')}:00.000Z`,
    action,
    entityType: 'certificate',
    userId,
    userDisplayName: userId === null ? null : `User ${String(userId)}`,
  };
}

const save = (userId = 1) => event('certificate.update-draft', userId);

describe('groupTimeline', () => {
  it('makes one entry of consecutive saves by one user, and keeps every event', () => {
    const events = [
      event('certificate.create'),
      save(),
      save(),
      save(),
      event('certificate.record-itn'),
    ];
    const entries = groupTimeline(events);
    expect(entries.map((entry) => entry.kind)).toEqual(['event', 'draft-saves', 'event']);
    const run = entries[1];
    expect(run?.kind === 'draft-saves' ? run.events.map((e) => e.seq) : []).toEqual(
      events.slice(1, 4).map((e) => e.seq),
    );
  });

  it('keeps a lone save as it is, and splits a run where the user changes', () => {
    const events = [save(1), event('certificate.record-itn'), save(1), save(1), save(2), save(2)];
    const entries = groupTimeline(events);
    expect(entries.map((entry) => entry.kind)).toEqual([
      'event',
      'event',
      'draft-saves',
      'draft-saves',
    ]);
    const counted = entries.reduce(
      (total, entry) => total + (entry.kind === 'event' ? 1 : entry.events.length),
      0,
    );
    expect(counted).toBe(events.length);
  });
});
