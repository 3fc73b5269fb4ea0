// Consecutive "Draft saved" events as one timeline entry. The wizard autosaves after every pause
// in typing, so one draft collects dozens of saves: each stays in the audit log (hash-chained,
// never dropped), but the timeline shows a run of them as one entry that can be expanded
// (issue 16: "nine 'Draft saved' entries clutter each timeline").
import type { z } from 'zod';
import type { TimelineEventSchema } from '../../../shared/records/record-outputs';

export type TimelineEvent = z.output<typeof TimelineEventSchema>;

export type TimelineEntry =
  | { kind: 'event'; event: TimelineEvent }
  /** Two or more draft saves in a row by the same user, oldest first. */
  | { kind: 'draft-saves'; events: [TimelineEvent, TimelineEvent, ...TimelineEvent[]] };

export const DRAFT_SAVE_ACTION = 'certificate.update-draft';

export function groupTimeline(events: readonly TimelineEvent[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let run: TimelineEvent[] = [];
  const flush = () => {
    const [first, second, ...rest] = run;
    if (first !== undefined && second !== undefined)
      entries.push({ kind: 'draft-saves', events: [first, second, ...rest] });
    else if (first !== undefined) entries.push({ kind: 'event', event: first });
    run = [];
  };
  for (const event of events) {
    const previous = run.at(-1);
    if (event.action === DRAFT_SAVE_ACTION) {
      if (previous !== undefined && previous.userId !== event.userId) flush();
      run.push(event);
      continue;
    }
    flush();
    entries.push({ kind: 'event', event });
  }
  flush();
  return entries;
}
