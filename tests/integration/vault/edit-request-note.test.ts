// A decision on a correction (editRequests:decide) is part of the record reviewers read later, so
// it needs a note: an empty or blank one is refused with INVALID_INPUT naming the note, and the
// request, the certificate and the audit chain stay exactly as they were.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';
import { validDraft as fixtureDraft } from '../../unit/domain/certificate-fixtures';
import type { TestVault } from './vault-fixture';
import { dumpTables, failureOf, openTestVault, seedVault, validDraft } from './vault-fixture';

const blankNotes = ['', '   ', '\n\t '];

describe('editRequests:decide needs a note', () => {
  let h: ChannelHarness | undefined;
  let vault: TestVault | undefined;
  afterEach(() => {
    h?.dispose();
    vault?.close();
    h = undefined;
    vault = undefined;
  });

  it('refuses a blank note over the channel, naming the note, and changes nothing', async () => {
    h = createChannelHarness();
    await h.firstRun();
    const certificateId = await h.issueFixture();
    const asked = await h.value<{ id: number }>('certificates:requestEdit', {
      id: certificateId,
      proposed: { ...fixtureDraft(), parcels: '3' },
      reason: 'Parcel count was miskeyed.',
    });
    const before = {
      record: await h.value('certificates:get', { id: certificateId }),
      timeline: await h.value('certificates:timeline', { id: certificateId }),
      requests: await h.value('editRequests:list', {}),
    };
    for (const decision of ['approve', 'reject'])
      for (const note of [...blankNotes, undefined]) {
        const refused = await h.call('editRequests:decide', {
          requestId: asked.id,
          decision,
          ...(note === undefined ? {} : { note }),
        });
        expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        // A missing note is named too (zod's own words); a blank one gets the rule.
        const named = !refused.ok ? refused.error.fields?.note : undefined;
        expect(named).toMatch(note === undefined ? /./ : /note explaining the decision/);
      }
    expect(await h.value('certificates:get', { id: certificateId })).toEqual(before.record);
    expect(await h.value('certificates:timeline', { id: certificateId })).toEqual(before.timeline);
    expect(await h.value('editRequests:list', {})).toEqual(before.requests);
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });

    // With a note, the same decision goes through (and the note is kept trimmed), decided by
    // another administrator than Ada, who asked (four eyes).
    await h.addUser('bert', 'administrator');
    await h.signInAs('bert');
    expect(
      await h.value('editRequests:decide', {
        requestId: asked.id,
        decision: 'reject',
        note: '  Packing list says 2.  ',
      }),
    ).toMatchObject({ status: 'rejected', decisionNote: 'Packing list says 2.' });
  });

  it('is enforced by the issuance service itself: every table stays as it was', () => {
    vault = vault ?? openTestVault();
    const staff = seedVault(vault);
    const { issuance } = vault.services;
    const created = issuance.createDraft(staff.operator, {
      number: 'US12340',
      draft: validDraft('US12340'),
    });
    issuance.recordItn(staff.operator, { id: created.id, itn: 'X20261127123456' });
    issuance.issue(staff.operator, {
      id: created.id,
      attested: true,
      packaging: { description: '2 parcels in a sealed box', sealNumbers: ['S-1'] },
      warranty: { statement: 'The diamonds herein invoiced…', invoiceNumbers: ['INV-1'] },
    });
    const asked = issuance.requestEdit(staff.operator, {
      id: created.id,
      proposed: { ...validDraft('US12340'), parcels: '3' },
      reason: 'Parcel count was miskeyed.',
    });
    const before = dumpTables(vault.db);
    for (const note of blankNotes) {
      const failure = failureOf(() =>
        issuance.decideEdit(staff.admin, { requestId: asked.id, decision: 'approve', note }),
      );
      expect(failure.code).toBe('INVALID_INPUT');
      expect(failure.fields?.note).toMatch(/note explaining the decision/);
      expect(dumpTables(vault.db)).toEqual(before);
    }
  });
});
