// The TSA address in the vault settings and the level each signed document gets, through the
// channels as the renderer reaches them: no address → B-B; the local RFC 3161 TSA → B-LT (pdfsig
// and qpdf check the stored file); a TSA that is down → still signed, B-B, and the record says
// why. The audit chain stays intact through settings:save and signing.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestTsa } from '../../../preview/test-tsa/test-tsa-server';
import { startTestTsa } from '../../../preview/test-tsa/test-tsa-server';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';
import { validDraft } from '../../unit/domain/certificate-fixtures';
import { tool } from './pdf-tools';

type Signed = { documentId: number; level: string; levelNote: string; reused: boolean };

const settings = {
  expiryMaxDays: 60,
  itnWarningDays: 30,
  retentionYears: 10,
  autoLockMinutes: 15,
  printerCalibration: { offsetXPt: 0, offsetYPt: 0 },
};

let tsa: TestTsa;
let downUrl = '';
beforeAll(async () => {
  tsa = await startTestTsa();
  const down = await startTestTsa();
  downUrl = down.url;
  await down.close();
});
afterAll(() => tsa.close());

let h: ChannelHarness;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
  await h.value('stock:register', { numbers: 'US12345-US12349' });
  await h.value('identity:generate', { signerName: 'Jane Doe', keyType: 'ecdsa-p256' });
});
afterEach(() => h.dispose());

async function issued(number: string): Promise<number> {
  const draft = await h.value<{ id: number }>('certificates:createDraft', {
    number,
    draft: { ...validDraft(), number },
  });
  await h.value('certificates:recordItn', { id: draft.id, itn: 'X20261127123456' });
  await h.value('certificates:issue', {
    id: draft.id,
    attested: true,
    packaging: { description: '2 parcels in a sealed tamper-evident box', sealNumbers: ['S-1'] },
    warranty: { statement: 'The diamonds herein invoiced have been purchased…' },
  });
  return draft.id;
}

describe('the TSA address in the settings', () => {
  it('is empty by default, saved with an audit event, and must be http(s)', async () => {
    expect(await h.value('settings:get')).toMatchObject({ tsaUrl: '' });
    expect(await h.value('settings:save', { ...settings, tsaUrl: tsa.url })).toMatchObject({
      tsaUrl: tsa.url,
      saved: true,
    });
    expect(await h.value('settings:get')).toMatchObject({ tsaUrl: tsa.url });
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
    const refused = await h.call('settings:save', { ...settings, tsaUrl: 'ftp://tsa.example' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { tsaUrl: expect.stringContaining('http') as unknown },
      },
    });
    expect(await h.value('settings:get')).toMatchObject({ tsaUrl: tsa.url });
  });
});

describe('signing with and without a TSA', () => {
  it('signs B-B without a TSA address, B-LT with the local TSA, and records each level', async () => {
    const first = await h.value<Signed>('documents:sign', {
      certificateId: await issued('US12345'),
    });
    expect(first).toMatchObject({ level: 'B-B', reused: false });
    expect(first.levelNote).toContain('no time-stamp authority is set');

    await h.value('settings:save', { ...settings, tsaUrl: tsa.url });
    const before = tsa.issued();
    const id = await issued('US12346');
    const second = await h.value<Signed>('documents:sign', { certificateId: id });
    expect(second).toMatchObject({ level: 'B-LT', reused: false });
    expect(second.levelNote).toMatch(/^Time-stamped .* by .*KP Desk Test TSA/);
    expect(tsa.issued()).toBe(before + 1);
    // Signing again reuses the stored document and reports its recorded level.
    expect(await h.value<Signed>('documents:sign', { certificateId: id })).toMatchObject({
      level: 'B-LT',
      reused: true,
    });
    const saved = await h.value<{ path: string }>('documents:save', { certificateId: id });
    const pdfsig = await tool('pdfsig', [saved.path]);
    expect(pdfsig).toContain('Signature is Valid.');
    expect(await tool('qpdf', ['--check', saved.path])).toContain(
      'No syntax or stream encoding errors found',
    );
    expect(readFileSync(saved.path).includes('/Type /DSS')).toBe(true);
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
  });

  it('still signs when the TSA is down: B-B, and the record says why', async () => {
    await h.value('settings:save', { ...settings, tsaUrl: downUrl });
    const id = await issued('US12347');
    const signed = await h.value<Signed>('documents:sign', { certificateId: id });
    expect(signed).toMatchObject({ level: 'B-B', reused: false });
    expect(signed.levelNote).toMatch(
      /without a time-stamp: The time-stamp authority 127\.0\.0\.1:\d+ could not be reached/,
    );
    expect(await h.value<Signed>('documents:sign', { certificateId: id })).toMatchObject({
      level: 'B-B',
      levelNote: signed.levelNote,
      reused: true,
    });
    const saved = await h.value<{ path: string }>('documents:save', { certificateId: id });
    expect(await tool('pdfsig', [saved.path])).toContain('Total document signed');
  });
});
