// certificates:timeline: the audit events of one certificate (and of its form and its edit
// requests), in chain order, with the name of who acted; nothing of other certificates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';
import { validDraft } from '../../unit/domain/certificate-fixtures';

type Event = { seq: number; action: string; entityType: string; userDisplayName: string | null };

let h: ChannelHarness;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
});
afterEach(() => h.dispose());

describe('certificates:timeline', () => {
  it('lists the events of one certificate in order, with who acted', async () => {
    const id = await h.issueFixture();
    await h.addUser('otto', 'operator');
    await h.signInAs('otto');
    await h.value('certificates:ship', { id, shipDate: '2026-11-27' }); // today on the harness's clock
    // Another certificate's events stay out.
    await h.value('certificates:createDraft', {
      number: 'US12346',
      draft: { ...validDraft(), number: 'US12346' },
    });

    const events = await h.value<Event[]>('certificates:timeline', { id });
    expect(events.map((e) => [e.entityType, e.action, e.userDisplayName])).toEqual([
      // When its form was registered: the event of the range it came in (issue 13 part 6).
      ['stock_range', 'stock.register-range', 'Ada Admin'],
      ['stock', 'stock.take', 'Ada Admin'],
      ['certificate', 'certificate.create', 'Ada Admin'],
      ['certificate', 'certificate.record-itn', 'Ada Admin'],
      ['certificate', 'certificate.issue', 'Ada Admin'],
      ['certificate', 'certificate.ship', 'otto (operator)'],
    ]);
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('answers NOT_FOUND for an unknown id and INVALID_INPUT for a malformed one', async () => {
    expect(await h.code('certificates:timeline', { id: 42 })).toBe('NOT_FOUND');
    expect(await h.code('certificates:timeline', { id: 'US12345' })).toBe('INVALID_INPUT');
  });
});
