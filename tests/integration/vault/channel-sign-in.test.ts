// Every channel with nobody signed in (issue 13: `licensee:get` answered with nobody signed in).
// The walk goes over channelNames itself, each with an input its contract accepts, so a refusal
// is the sign-in check and not the input's parse: a channel that needs a user answers
// AUTH_FAILED (VAULT_LOCKED while locked) and changes nothing; a channel open to nobody answers
// without any record in it (neither the licensee's name nor a certificate's number or parties).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelAccess } from '../../../shared/ipc/channel-access';
import type { ChannelName } from '../../../shared/ipc/channels';
import { channelNames } from '../../../shared/ipc/channels';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';
import { validDraft } from '../../unit/domain/certificate-fixtures';

const FINGERPRINT = Array.from({ length: 32 }, () => 'AB').join(':');

/** An input each channel's contract accepts (so only the sign-in check can refuse it). */
const inputs: Record<ChannelName, unknown> = {
  'app:getInfo': {},
  'settings:get': {},
  'settings:save': {
    expiryMaxDays: 30,
    itnWarningDays: 10,
    retentionYears: 12,
    autoLockMinutes: 5,
    printerCalibration: { offsetXPt: 0, offsetYPt: 0 },
  },
  'certificates:validate': { certificate: validDraft() },
  'vault:status': {},
  'vault:create': { passphrase: 'another long passphrase' },
  'vault:unlock': { passphrase: HARNESS_PASSPHRASE },
  'vault:lock': {},
  'vault:changePassphrase': {
    currentPassphrase: HARNESS_PASSPHRASE,
    newPassphrase: 'a new long vault passphrase',
  },
  'vault:confirmRecoveryKey': { recoveryKey: 'not-the-key' },
  'vault:rotateRecoveryKey': { currentPassphrase: HARNESS_PASSPHRASE },
  'vault:rememberOnThisComputer': { passphrase: HARNESS_PASSPHRASE },
  'vault:forgetOnThisComputer': {},
  'vault:backup': {},
  'vault:restore': { passphrase: HARNESS_PASSPHRASE },
  'tasks:progress': {},
  'session:signIn': { username: 'ada', password: 'not her password' },
  'session:signOut': {},
  'users:createFirstAdministrator': {
    username: 'mallory',
    displayName: 'Mallory',
    password: 'a long enough password',
  },
  'users:list': {},
  'users:create': {
    username: 'mallory',
    displayName: 'Mallory',
    role: 'administrator',
    password: 'a long enough password',
  },
  'users:update': { id: 1, role: 'operator' },
  'licensee:get': {},
  'licensee:save': {
    legalName: 'Mallory LLC',
    address: '1 Main St, Dover, DE 19901, United States',
    tin: '98-7654321',
    isCommonCarrier: true,
  },
  'parties:list': { prefix: '' },
  'parties:save': { kind: 'exporter', name: 'X', address: 'Y', country: 'US' },
  'stock:register': { numbers: 'US20000' },
  'stock:summary': {},
  'stock:voidBlank': { number: 'US12346', reason: 'Damaged' },
  'certificates:createDraft': { number: 'US12346', draft: validDraft() },
  'certificates:updateDraft': { id: 1, draft: validDraft(), expectedVersion: 1 },
  'certificates:recordItn': { id: 1, itn: 'X20261127123456' },
  'certificates:issue': {
    id: 1,
    attested: true,
    packaging: { description: 'box' },
    warranty: { statement: 'warranty' },
  },
  'certificates:ship': { id: 1, shipDate: '2026-11-27' },
  'certificates:deliver': { id: 1, importConfirmed: true },
  'certificates:void': { id: 1, reason: 'Other (notes required)', notes: 'x' },
  'certificates:get': { id: 1 },
  'certificates:list': {},
  'certificates:timeline': { id: 1 },
  'certificates:requestEdit': { id: 1, proposed: validDraft(), reason: 'x' },
  'editRequests:list': {},
  'editRequests:decide': { requestId: 1, decision: 'approve', note: 'x' },
  'audit:verify': {},
  'identity:get': {},
  'identity:generate': { signerName: 'Mallory' },
  'identity:import': { password: 'x' },
  'identity:importCertificate': {},
  'documents:preview': { certificateId: 1 },
  'documents:sign': { certificateId: 1 },
  'documents:save': { certificateId: 1 },
  'documents:printOverlay': { certificateId: 1 },
  'documents:printCalibration': {},
  'documents:verify': {},
  'trust:list': {},
  'trust:add': { label: 'Mallory root' },
  'trust:remove': { fingerprintSha256: FINGERPRINT },
  'vault:rekey': { currentPassphrase: HARNESS_PASSPHRASE },
  'audit:head': {},
  'reports:statistics': { period: '2026' },
  'review:run': {},
  'review:export': { format: 'csv' },
  'audit:list': {},
  'audit:export': {},
  'submissions:list': {},
  'submissions:forCertificate': { certificateId: 1 },
  'submissions:retryNow': { id: 1 },
  'submissions:cancel': { id: 1 },
  'submissions:receipt': { id: 1 },
  'submissions:exportReceipts': {},
  'submissions:status': {},
  'submissions:overdue': {},
  'submissions:recipients': {},
  'submissions:chooseRecipientFile': { recipient: 'census', field: 'caPem' },
  'submissions:saveRecipient': { recipient: 'census', url: 'https://intake.example/v1' },
  'documents:list': { certificateId: 1 },
  'preferences:get': {},
  'preferences:save': { locale: 'en-US' },
  'submissions:saveRecipientChannel': { recipient: 'census', channel: 'manual' },
  'reports:exportStatistics': { period: '2026', format: 'csv' },
  'audit:unlockCheck': {},
  'incoming:list': {},
  'incoming:get': { number: 'BW012345' },
  'incoming:register': { certificate: { importer: {}, exporter: {} } },
  'incoming:confirmReceiptSent': { number: 'BW012345', sentOn: '2026-11-27' },
  'incoming:scan': { number: 'BW012345', scanId: 1 },
  'incoming:saveReceiptReport': { number: 'BW012345' },
  'auditPackage:export': { passphrase: 'a package passphrase' },
  'identity:signingKeys': {},
  'identity:setSigningSecret': { secret: 'a signing secret of length' },
  'identity:unlockSigning': { secret: 'a signing secret of length' },
  'identity:openWorkstation': { secret: 'a signing secret of length' },
  'identity:closeWorkstation': { which: 'all' },
  'identity:exportEscrow': {
    secret: 'a signing secret of length',
    exportPassphrase: 'an export passphrase here',
  },
  'audit:checkAnchors': {},
  'auditPackage:open': { passphrase: 'a package passphrase' },
  'auditPackage:current': {},
  'auditPackage:close': {},
  'templates:list': {},
  'templates:get': { name: 'Antwerp weekly' },
  'templates:save': { name: 'Antwerp weekly' },
  'templates:rename': { name: 'Antwerp weekly', newName: 'Antwerp' },
  'templates:delete': { name: 'Antwerp weekly' },
  'templates:apply': { name: 'Antwerp weekly' },
  'identity:replaceKeys': { reason: 'The signing computer was replaced.', confirm: true },
  'submissions:saveFaxPackage': { ids: [1] },
  'submissions:confirmSent': {
    id: 1,
    method: 'fax',
    sentAt: '2026-12-07T10:00:00.000Z',
    reference: 'TX 0042',
  },
};

/** Text of the records that must not come out before sign-in: the licensee profile, the issued
 * certificate's number and the administrator's name (certificates:validate answers about the
 * certificate the caller sent, so only the licensee's text is looked for in its answer). */
const LICENSEE_TEXT = ['Hudson Rough Trading', '12-3456789'];
const RECORD_TEXT = [...LICENSEE_TEXT, 'US12345', 'Ada Admin'];

const guarded = channelNames.filter((channel) => channelAccess[channel].needs !== 'nobody');
// Last: vault:lock and session:signOut change the session the walk relies on.
const open = channelNames
  .filter((channel) => channelAccess[channel].needs === 'nobody')
  .sort((a, b) => Number(a === 'vault:lock') - Number(b === 'vault:lock'));

let h: ChannelHarness;
let eventsBefore: number;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
  await h.issueFixture();
  eventsBefore = (await h.value<{ eventsChecked: number }>('audit:verify')).eventsChecked;
  await h.value('session:signOut');
});
afterEach(() => h.dispose());

async function expectNothingChanged(): Promise<void> {
  await h.signInAs('ada');
  const report = await h.value<{ ok: boolean; eventsChecked: number }>('audit:verify');
  expect(report.ok).toBe(true);
  // At most three new events: the record of the verification in beforeEach (issue 13 part 6: a
  // clean full verification records its head), the walk's failed sign-in and Ada's sign-in
  // after it (all audited).
  expect(report.eventsChecked - eventsBefore).toBeLessThanOrEqual(3);
  expect(await h.value<unknown[]>('users:list')).toHaveLength(1);
  expect(await h.value('licensee:get')).toMatchObject({ legalName: 'Hudson Rough Trading LLC' });
  const stock = await h.value<{ counts: Record<string, number> }>('stock:summary');
  expect(stock.counts).toMatchObject({ available: 4, used: 1 });
}

describe('every channel with nobody signed in', () => {
  it('lists each channel once, and gives every open one its reason', () => {
    expect(Object.keys(channelAccess).sort()).toEqual([...channelNames].sort());
    for (const channel of open) {
      const access = channelAccess[channel];
      expect(access.needs === 'nobody' && access.why.length > 20, channel).toBe(true);
    }
    // The channels named in issue 13 are not open to nobody.
    for (const channel of ['licensee:get', 'settings:get', 'users:list'] as const)
      expect(guarded).toContain(channel);
  });

  it('refuses every record channel with AUTH_FAILED while the vault is open; nothing changes', async () => {
    expect(await h.value('vault:status')).toMatchObject({ vault: 'open', user: null });
    const answers: Record<string, string> = {};
    for (const channel of guarded) answers[channel] = await h.code(channel, inputs[channel]);
    expect(answers).toEqual(Object.fromEntries(guarded.map((c) => [c, 'AUTH_FAILED'])));
    await expectNothingChanged();
  });

  it('answers the open channels without any record in the answer', async () => {
    for (const channel of open) {
      const result = await h.call(channel, inputs[channel]);
      const text = JSON.stringify(result);
      const secret = channel === 'certificates:validate' ? LICENSEE_TEXT : RECORD_TEXT;
      for (const record of secret) expect(text, `${channel}: ${text}`).not.toContain(record);
    }
    expect(await h.value('vault:status')).toMatchObject({ vault: 'locked', user: null });
    await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
    await expectNothingChanged();
  });

  it('refuses every record channel with VAULT_LOCKED while locked (settings: the defaults)', async () => {
    await h.value('vault:lock');
    const answers: Record<string, string> = {};
    for (const channel of guarded) answers[channel] = await h.code(channel, inputs[channel]);
    expect(answers).toEqual(
      Object.fromEntries(guarded.map((c) => [c, c === 'settings:get' ? 'ok' : 'VAULT_LOCKED'])),
    );
    expect(await h.value('settings:get')).toMatchObject({ saved: false, autoLockMinutes: 15 });
  });
});
