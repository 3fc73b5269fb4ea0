// Text with a direction override, a zero-width character, a bell or half a surrogate pair never
// becomes a record (issue 13: such names were stored, an ISSUED certificate then could not be
// printed, and a lone surrogate in a signer's name was an internal error). Over the channels each
// is INVALID_INPUT naming the field, with nothing written; and a draft or correction stored
// before the rule (written here with plain SQL) is refused at issue and at approval, naming the
// field, so no ISSUED certificate can carry such text.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';
import { validDraft as fixtureDraft } from '../../unit/domain/certificate-fixtures';
import type { TestVault } from './vault-fixture';
import { dumpTables, failureOf, openTestVault, seedVault, validDraft } from './vault-fixture';

const RLO = '\u202E';
const ZWSP = '\u200B';
const BEL = '\u0007';
const LONE = '\uD83D';

let h: ChannelHarness | undefined;
let vault: TestVault | undefined;
afterEach(() => {
  h?.dispose();
  vault?.close();
  h = undefined;
  vault = undefined;
});

describe('typed text over the channels', () => {
  it('refuses each kind of hostile text naming the field; nothing is stored', async () => {
    h = createChannelHarness();
    await h.firstRun();
    await h.value('stock:register', { numbers: 'US12345-US12349' });
    const draft = fixtureDraft();
    const refusals: [Parameters<ChannelHarness['call']>[0], unknown, string, RegExp][] = [
      [
        'certificates:createDraft',
        {
          number: 'US12345',
          draft: { ...draft, consignee: { ...draft.consignee, name: `Diamant${RLO}VN` } },
        },
        'draft.consignee.name',
        /^The consignee’s name contains a text-direction control .*U\+202E/,
      ],
      [
        'certificates:createDraft',
        {
          number: 'US12345',
          draft: { ...draft, exporter: { ...draft.exporter, name: `Hudson${ZWSP}Rough` } },
        },
        'draft.exporter.name',
        /^The exporter’s name contains an invisible character .*U\+200B/,
      ],
      [
        'certificates:createDraft',
        {
          number: 'US12345',
          draft: { ...draft, consignee: { ...draft.consignee, address: `Antwerp${BEL}` } },
        },
        'draft.consignee.address',
        /^The consignee’s address contains a control character .*U\+0007/,
      ],
      [
        'identity:generate',
        { signerName: `Ada Admin ${LONE}` },
        'signerName',
        /^The signer’s name contains half of a character .*U\+D83D/,
      ],
      [
        'users:create',
        { username: 'otto', displayName: `Otto${RLO}`, role: 'operator', password: 'x'.repeat(12) },
        'displayName',
        /^The name of the person contains a text-direction control/,
      ],
      [
        'licensee:save',
        { legalName: `Hudson${BEL}`, address: 'x', tin: '12-3456789', isCommonCarrier: true },
        'legalName',
        /^The legal name contains a control character/,
      ],
      [
        'parties:save',
        { kind: 'consignee', name: `${ZWSP}${ZWSP}`, address: 'Antwerp', country: 'BE' },
        'name',
        /^The name contains an invisible character/,
      ],
      [
        'parties:save',
        { kind: 'consignee', name: 'Diamant Import NV', address: `${ZWSP}\u2060`, country: 'BE' },
        'address',
        /^The address contains only invisible characters/,
      ],
    ];
    const timelineBefore = await h.value<{ eventsChecked: number }>('audit:verify');
    for (const [channel, input, field, message] of refusals) {
      const result = await h.call(channel, input);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!result.ok) expect(result.error.fields?.[field], `${channel} ${field}`).toMatch(message);
    }
    // The first verification records the head it proved (audit.verified, issue 13 part 6): that
    // one event, and none from the refusals.
    expect(await h.value('audit:verify')).toMatchObject({
      ok: true,
      eventsChecked: timelineBefore.eventsChecked + 1,
    });
    expect(await h.value<{ items: unknown[] }>('certificates:list', {})).toMatchObject({
      items: [],
    });
    expect(await h.value('identity:get')).toBeNull();
    expect(await h.value<unknown[]>('users:list')).toHaveLength(1);
  });
});

describe('text stored before the rule', () => {
  function issueInput(id: number) {
    return {
      id,
      attested: true,
      packaging: { description: '2 parcels in a sealed box', sealNumbers: ['S-1'] },
      warranty: { statement: 'The diamonds herein invoiced…', invoiceNumbers: ['INV-1'] },
    };
  }

  it('is refused at issue, naming the field: the certificate stays a draft', () => {
    vault = openTestVault();
    const staff = seedVault(vault);
    const { issuance } = vault.services;
    const created = issuance.createDraft(staff.operator, {
      number: 'US12340',
      draft: validDraft('US12340'),
    });
    issuance.recordItn(staff.operator, { id: created.id, itn: 'X20261127123456' });
    // As an older KP Desk stored it: the consignee's name with a right-to-left override.
    const stored = { ...validDraft('US12340'), itn: 'X20261127123456' };
    const legacy = {
      ...stored,
      consignee: { ...stored.consignee, name: `Diamant${RLO}VN tropmI` },
    };
    vault.db
      .prepare('UPDATE certificates SET draft_json = ? WHERE id = ?')
      .run(JSON.stringify(legacy), created.id);
    const before = dumpTables(vault.db);
    const failure = failureOf(() => issuance.issue(staff.operator, issueInput(created.id)));
    expect(failure.code).toBe('CERTIFICATE_HAS_ERRORS');
    expect(failure.fields?.['consignee.name']).toMatch(/text-direction control .*U\+202E/);
    expect(dumpTables(vault.db)).toEqual(before);
    expect(vault.services.certificates.get(created.id)?.state).not.toBe('ISSUED');
  });

  it('is refused when a correction stored with it is approved; the certificate is unchanged', () => {
    vault = openTestVault();
    const staff = seedVault(vault);
    const { issuance } = vault.services;
    const created = issuance.createDraft(staff.operator, {
      number: 'US12340',
      draft: validDraft('US12340'),
    });
    issuance.recordItn(staff.operator, { id: created.id, itn: 'X20261127123456' });
    const issued = issuance.issue(staff.operator, issueInput(created.id));
    const asked = issuance.requestEdit(staff.operator, {
      id: created.id,
      proposed: { ...issued.draft, parcels: '3' },
      reason: 'Parcel count was miskeyed.',
    });
    const legacy = {
      ...issued.draft,
      exporter: { ...issued.draft.exporter, name: `Hudson${BEL}` },
    };
    vault.db
      .prepare('UPDATE edit_requests SET proposed_json = ? WHERE id = ?')
      .run(JSON.stringify(legacy), asked.id);
    const before = dumpTables(vault.db);
    const failure = failureOf(() =>
      issuance.decideEdit(staff.admin, { requestId: asked.id, decision: 'approve', note: 'OK' }),
    );
    expect(failure.code).toBe('CERTIFICATE_HAS_ERRORS');
    expect(failure.fields?.['exporter.name']).toMatch(/control character .*U\+0007/);
    expect(dumpTables(vault.db)).toEqual(before);
    // The stored record stays readable as it is (a 10-year record), text and all.
    expect(
      vault.services.editRequests.list({}).find((r) => r.id === asked.id)?.proposed.exporter.name,
    ).toBe(`Hudson${BEL}`);
  });
});
