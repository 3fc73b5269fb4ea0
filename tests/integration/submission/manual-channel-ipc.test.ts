// Issue 12, the manual channel through the app's channels (the same handlers main registers, over
// a real encrypted vault): submissions:saveFaxPackage asks main's save dialog only after the role
// and the channel are checked, writes a PDF that qpdf --check accepts, and a cancelled dialog
// writes nothing; submissions:confirmSent refuses a missing reference or a future time at the
// field and changes nothing, then makes the copy Delivered with a receipt confirmed by the user,
// not by the recipient. A reviewer may do neither; a copy KP Desk sends itself is refused.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordsKp } from '../../unit/renderer/records/records-kp';
import { recordsKp, registerStock, seedCertificate } from '../../unit/renderer/records/records-kp';
import { HARNESS_PASSPHRASE } from '../../helpers/vault-channel-harness';

const opened: RecordsKp[] = [];
afterEach(async () => {
  for (const kp of opened.splice(0)) await kp.dispose();
});

type Item = { id: number; recipient: string; status: string; receiptId: string | null };

async function shippedWithManualCensus(): Promise<{ kp: RecordsKp; census: Item; uskpa: Item }> {
  const kp = await recordsKp();
  opened.push(kp);
  await registerStock(kp, 'US10001-US10002');
  const id = await seedCertificate(kp, { number: 'US10001', issue: true });
  kp.harness.clock.now = new Date('2026-11-28T12:00:00Z');
  await kp.harness.value('vault:status');
  await kp.harness.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
  await kp.harness.signInAs('ada');
  await kp.harness.value('certificates:ship', { id, shipDate: '2026-11-28' });
  await kp.harness.value('submissions:saveRecipientChannel', {
    recipient: 'census',
    channel: 'manual',
  });
  const { items } = await kp.harness.value<{ items: Item[] }>('submissions:list', {});
  const census = items.find((item) => item.recipient === 'census');
  const uskpa = items.find((item) => item.recipient === 'uskpa');
  if (census === undefined || uskpa === undefined) throw new Error('copies not queued');
  return { kp, census, uskpa };
}

const exportsOf = (kp: RecordsKp): string[] => {
  const dir = join(kp.harness.dialogs.root, 'exports');
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('manual channel through the channels', () => {
  it('saves a fax package qpdf accepts; a cancelled dialog writes nothing', async () => {
    const { kp, census, uskpa } = await shippedWithManualCensus();
    kp.harness.dialogs.cancelNext();
    const cancelled = await kp.harness.value('submissions:saveFaxPackage', { ids: [census.id] });
    expect(cancelled).toEqual({ cancelled: true });
    expect(exportsOf(kp)).toEqual([]);

    const saved = await kp.harness.value<{ cancelled: false; path: string; bytes: number }>(
      'submissions:saveFaxPackage',
      { ids: [census.id] },
    );
    expect(saved.path.endsWith('.pdf')).toBe(true);
    // Throws (non-zero exit) when the file is not a sound PDF.
    const checked = execFileSync('qpdf', ['--check', saved.path], { encoding: 'utf8' });
    expect(checked).toMatch(/No syntax or stream encoding errors found/);
    const pages = execFileSync('qpdf', ['--show-npages', saved.path], { encoding: 'utf8' });
    expect(Number(pages.trim())).toBeGreaterThanOrEqual(2); // cover sheet + the certificate

    // USKPA is not set to the manual channel: refused before any dialog.
    const asked = kp.harness.dialogs.asked.length;
    const refused = await kp.harness.call('submissions:saveFaxPackage', { ids: [uskpa.id] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('ILLEGAL_TRANSITION');
    expect(kp.harness.dialogs.asked).toHaveLength(asked);

    const after = await kp.harness.value<{ items: Item[] }>('submissions:list', {});
    expect(after.items.find((item) => item.id === census.id)?.status).toBe('pending');
  });

  it('confirms at the field, changes nothing on refusal, then Delivered (confirmed by the user)', async () => {
    const { kp, census } = await shippedWithManualCensus();
    const statusOf = async () =>
      (await kp.harness.value<{ items: Item[] }>('submissions:list', {})).items.find(
        (item) => item.id === census.id,
      )?.status;
    const base = { id: census.id, method: 'fax' as const, sentAt: '2026-11-28T11:30:00.000Z' };

    const missing = await kp.harness.call('submissions:confirmSent', { ...base, reference: ' ' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.fields?.reference).toMatch(/Give the fax confirmation/);
    const future = await kp.harness.call('submissions:confirmSent', {
      ...base,
      sentAt: '2026-11-29T09:00:00.000Z',
      reference: 'TX 7',
    });
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.error.fields?.sentAt).toMatch(/is in the future/);
    expect(await statusOf()).toBe('pending');

    // A reviewer reads but may not record.
    await kp.harness.addUser('rita', 'reviewer');
    await kp.harness.signInAs('rita');
    const reviewer = await kp.harness.call('submissions:confirmSent', {
      ...base,
      reference: 'TX 7',
    });
    expect(reviewer.ok).toBe(false);
    expect(await statusOf()).toBe('pending');

    await kp.harness.signInAs('ada');
    const done = await kp.harness.value<Item>('submissions:confirmSent', {
      ...base,
      reference: 'TX 7',
      note: 'Cover sheet + 2 pages',
    });
    expect(done.status).toBe('delivered');
    expect(done.receiptId).toBe('TX 7');
    const receipt = await kp.harness.value<{
      verified: boolean;
      confirmedByUser?: { method: string; note: string | null; sentAt: string };
      checks: { label: string; passed: boolean | null }[];
    }>('submissions:receipt', { id: census.id });
    expect(receipt.verified).toBe(false);
    expect(receipt.confirmedByUser).toMatchObject({
      method: 'fax',
      note: 'Cover sheet + 2 pages',
      sentAt: '2026-11-28T11:30:00.000Z',
    });
    expect(receipt.checks).toEqual([
      expect.objectContaining({
        label: 'Confirmed by the user, not by the recipient',
        passed: null,
      }),
    ]);
    // Once delivered it cannot be confirmed again.
    const again = await kp.harness.call('submissions:confirmSent', { ...base, reference: 'TX 8' });
    expect(again.ok).toBe(false);
  });
});
