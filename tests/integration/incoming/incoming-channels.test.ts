// The incoming channels as the renderer reaches them (dispatchChannel → core handlers → vault
// gateway → a real vault): an operator registers with the scan chosen in the open dialog; a
// mistake is refused with its fields before any dialog; a reviewer reads but cannot register;
// the receipt report's PDF is written where the save dialog said and holds the facts (read back
// with poppler's pdftotext, a reader other than the code that wrote it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  IncomingDetailSchema,
  IncomingListItemSchema,
} from '../../../shared/incoming/incoming-views';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';
import { PNG_1X1, botswanaCertificate } from './incoming-fixture';

let h: ChannelHarness;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
  await h.addUser('rita', 'reviewer');
  await h.addUser('otto', 'operator');
});
afterEach(() => h.dispose());

describe('incoming channels', () => {
  it('registers with the scan from the open dialog, lists it overdue, and saves the report', async () => {
    await h.signInAs('otto');
    // A mistake: refused naming the field, and no dialog was shown.
    const refused = await h.call('incoming:register', {
      certificate: botswanaCertificate({ number: 'ZA012345' }),
      withScan: true,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(Object.keys(refused.error.fields ?? {})).toEqual(['number']);
    expect(h.dialogs.asked).toEqual([]);

    const imports = join(h.dialogs.root, 'imports');
    mkdirSync(imports, { recursive: true });
    writeFileSync(join(imports, 'BW012345.png'), PNG_1X1);
    // Entered 2026-11-10: the confirmation was due 2026-11-25, and the harness's clock says
    // 2026-11-27, so it is overdue.
    const registered = await h.value<{ cancelled: false; record: unknown }>('incoming:register', {
      certificate: botswanaCertificate({ dateOfIssue: '2026-11-01', dateOfEntry: '2026-11-10' }),
      withScan: true,
    });
    expect(h.dialogs.asked).toEqual([{ kind: 'open', purpose: 'attachment' }]);
    const record = IncomingListItemSchema.parse(registered.record);
    expect(record.scans.map((s) => s.fileName)).toEqual(['BW012345.png']);
    expect(record.receiptDuty).toBe('overdue');
    expect(record.receiptDueOn).toBe('2026-11-25');
    expect(record.censusCopy?.status).toBe('pending');

    await h.signInAs('rita');
    expect(await h.code('incoming:register', { certificate: botswanaCertificate() })).toBe(
      'FORBIDDEN',
    );
    const listed = (await h.value<unknown[]>('incoming:list', {})).map((item) =>
      IncomingListItemSchema.parse(item),
    );
    expect(listed.map((item) => [item.number, item.receiptDuty])).toEqual([
      ['BW012345', 'overdue'],
    ]);
    const detail = IncomingDetailSchema.parse(
      await h.value('incoming:get', { number: 'BW012345' }),
    );
    const scan = await h.value<{ base64: string; mediaType: string }>('incoming:scan', {
      number: 'BW012345',
      scanId: detail.scans[0]?.id ?? 0,
    });
    expect(scan.mediaType).toBe('image/png');
    expect(Buffer.from(scan.base64, 'base64').equals(PNG_1X1)).toBe(true);

    const saved = await h.value<{ cancelled: false; path: string }>('incoming:saveReceiptReport', {
      number: 'BW012345',
    });
    expect(h.dialogs.asked.at(-1)).toMatchObject({
      kind: 'save',
      purpose: 'incoming-receipt-pdf',
      defaultName: 'receipt-confirmation-BW012345.pdf',
    });
    const text = execFileSync('pdftotext', ['-layout', saved.path, '-'], { encoding: 'utf8' });
    for (const fact of [
      /KP certificate number\s+BW012345/,
      /Number of parcels\s+3/,
      /Carat weight\s+1234\.56 ct/,
      /Importer\s+Hudson Rough Diamond Trading LLC/,
      /Exporter\s+Łódź Diament Gaborone \(Pty\) Ltd/,
      /Date received \(entry\)\s+2026-11-10/,
      /Due to the exporting authority by 2026-11-25/,
    ])
      expect(text).toMatch(fact);

    await h.signInAs('otto');
    const sent = IncomingListItemSchema.parse(
      await h.value('incoming:confirmReceiptSent', { number: 'BW012345', sentOn: '2026-11-26' }),
    );
    expect(sent.receiptDuty).toBe('sent');
    expect(sent.receiptSentOn).toBe('2026-11-26');
  });
});
