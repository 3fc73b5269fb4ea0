// Corrections of an issued certificate over the channels: an operator asks
// (certificates:requestEdit), a reviewer or administrator decides (editRequests:decide), anyone
// signed in lists them (editRequests:list). The certificate changes only on approval, audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';
import { validDraft } from '../../unit/domain/certificate-fixtures';

type EditRequest = { id: number; status: string; certificateId: number; decisionNote: string };
type Record = { draft: { consignee: { name: string } }; version: number; state: string };

let h: ChannelHarness;
let certificateId: number;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
  certificateId = await h.issueFixture();
  await h.addUser('otto', 'operator');
  await h.addUser('rita', 'reviewer');
  await h.addUser('bert', 'administrator');
});
afterEach(() => h.dispose());

const corrected = () => ({
  ...validDraft(),
  consignee: { name: 'Diamant Import BV', address: 'Hoveniersstraat 30\n2018 Antwerp\nBelgium' },
});

describe('edit requests', () => {
  it('asks, lists, approves: the certificate changes only then, and the chain holds', async () => {
    await h.signInAs('otto');
    const asked = await h.value<EditRequest>('certificates:requestEdit', {
      id: certificateId,
      proposed: corrected(),
      reason: 'The consignee is a BV, not an NV (invoice INV-1).',
    });
    expect(asked).toMatchObject({ status: 'pending', certificateId });
    const unchanged = await h.value<Record>('certificates:get', { id: certificateId });
    expect(unchanged.draft.consignee.name).toBe('Diamant Import NV');
    expect(
      await h.code('editRequests:decide', { requestId: asked.id, decision: 'approve', note: 'OK' }),
    ).toBe('FORBIDDEN');

    await h.signInAs('rita');
    expect(await h.value<EditRequest[]>('editRequests:list', { status: 'pending' })).toEqual([
      expect.objectContaining({ id: asked.id }),
    ]);
    // A reviewer is read-only: the decision is an administrator's.
    expect(
      await h.code('editRequests:decide', { requestId: asked.id, decision: 'approve', note: 'OK' }),
    ).toBe('FORBIDDEN');
    await h.signInAs('bert');
    const approved = await h.value<EditRequest>('editRequests:decide', {
      requestId: asked.id,
      decision: 'approve',
      note: 'Checked against the invoice.',
    });
    expect(approved).toMatchObject({
      status: 'approved',
      decisionNote: 'Checked against the invoice.',
    });
    const after = await h.value<Record>('certificates:get', { id: certificateId });
    expect(after).toMatchObject({
      state: 'ISSUED',
      draft: { consignee: { name: 'Diamant Import BV' } },
    });
    expect(await h.value('editRequests:list', { status: 'pending' })).toEqual([]);
    expect(await h.value<EditRequest[]>('editRequests:list', { certificateId })).toHaveLength(1);
    const actions = (
      await h.value<{ action: string }[]>('certificates:timeline', { id: certificateId })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'edit-request.create',
        'certificate.apply-edit',
        'edit-request.approve',
      ]),
    );
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
  });

  it('rejects without changing the certificate, and refuses a second decision', async () => {
    await h.signInAs('otto');
    const asked = await h.value<EditRequest>('certificates:requestEdit', {
      id: certificateId,
      proposed: corrected(),
      reason: 'Typo in the consignee.',
    });
    expect(
      await h.code('certificates:requestEdit', {
        id: certificateId,
        proposed: corrected(),
        reason: 'again',
      }),
    ).toBe('CONFLICT');
    await h.signInAs('ada');
    expect(
      await h.value('editRequests:decide', {
        requestId: asked.id,
        decision: 'reject',
        note: 'No.',
      }),
    ).toMatchObject({ status: 'rejected' });
    expect(
      await h.code('editRequests:decide', { requestId: asked.id, decision: 'approve', note: 'OK' }),
    ).toBe('CONFLICT');
    const record = await h.value<Record>('certificates:get', { id: certificateId });
    expect(record.draft.consignee.name).toBe('Diamant Import NV');
  });

  it('refuses bad input and reviewers asking; nothing is recorded', async () => {
    expect(
      await h.code('certificates:requestEdit', {
        id: certificateId,
        proposed: corrected(),
        reason: ' ',
      }),
    ).toBe('INVALID_INPUT');
    expect(
      await h.code('certificates:requestEdit', { id: 999, proposed: corrected(), reason: 'x' }),
    ).toBe('NOT_FOUND');
    expect(await h.code('editRequests:decide', { requestId: 1, decision: 'maybe' })).toBe(
      'INVALID_INPUT',
    );
    expect(await h.code('editRequests:list', { status: 'open' })).toBe('INVALID_INPUT');
    await h.signInAs('rita');
    expect(
      await h.code('certificates:requestEdit', {
        id: certificateId,
        proposed: corrected(),
        reason: 'x',
      }),
    ).toBe('FORBIDDEN');
    expect(await h.value('editRequests:list', {})).toEqual([]);
  });

  it('keeps four eyes: an administrator cannot decide a correction they asked for', async () => {
    // Ada (administrator) asks; she can neither approve nor reject it; Bert can.
    const asked = await h.value<EditRequest>('certificates:requestEdit', {
      id: certificateId,
      proposed: corrected(),
      reason: 'The consignee is a BV, not an NV (invoice INV-1).',
    });
    const before = {
      record: await h.value('certificates:get', { id: certificateId }),
      timeline: await h.value('certificates:timeline', { id: certificateId }),
      requests: await h.value('editRequests:list', {}),
    };
    for (const decision of ['approve', 'reject']) {
      const refused = await h.call('editRequests:decide', {
        requestId: asked.id,
        decision,
        note: 'Checked it myself.',
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (!refused.ok) expect(refused.error.fields?.requestId).toMatch(/another administrator/);
    }
    expect(await h.value('certificates:get', { id: certificateId })).toEqual(before.record);
    expect(await h.value('certificates:timeline', { id: certificateId })).toEqual(before.timeline);
    expect(await h.value('editRequests:list', {})).toEqual(before.requests);

    await h.signInAs('bert');
    expect(
      await h.value('editRequests:decide', {
        requestId: asked.id,
        decision: 'approve',
        note: 'Checked against the invoice.',
      }),
    ).toMatchObject({ status: 'approved' });
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
  });
});
