// The preview's demo recipient (issue 12), through the preview host's HTTP bridge with its demo
// intake on (as `npm run preview` runs it): after first-run setup both recipients are the demo
// intake, marked demo; an issued and shipped certificate's copies become Delivered with receipts
// that verify, counted on the intake; the audit chain holds. The vault kept in its folder opens
// in a second preview run (a new intake port): the rows still marked demo follow the intake and
// the earlier receipts still verify (the test PKI is kept with the vault), while a recipient the
// administrator configured is left alone and no longer labelled demo.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakePki } from '../../../preview/intake/intake-pki';
import type { PreviewServer } from '../../../preview/start-preview-server';
import { previewClient } from './preview-client';
import type { QueueItem as Item } from './preview-client';
import { startPreviewServer } from '../../../preview/start-preview-server';

type Recipient = { recipient: string; channel: string; url: string | null; demo: boolean };

let dir = '';
let dataDir = '';
let preview: PreviewServer;
const { must, waitForQueue } = previewClient(() => preview);
const PASSPHRASE = 'a long vault passphrase for tests';

const start = () =>
  startPreviewServer({
    rendererDir: join(dir, 'renderer'),
    bridgeClientFile: join(dir, 'bridge-client.js'),
    dataDir,
    demoIntake: true,
    log: (line) => {
      process.stderr.write(`${line}\n`);
    },
  });

const recipients = async () =>
  (await must<{ recipients: Recipient[] }>('submissions:recipients')).recipients;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kp-demo-intake-'));
  dataDir = join(dir, 'data');
  await mkdir(join(dir, 'renderer'), { recursive: true });
  await mkdir(join(dataDir, 'imports'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>KP Desk</title>');
  await writeFile(join(dir, 'bridge-client.js'), 'window.bridged = true;\n');
  preview = await start();
}, 170_000);

afterAll(async () => {
  await preview.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the demo recipient of npm run preview', () => {
  it('is set up at first run, delivers the copies with verified receipts', async () => {
    expect(preview.intakeUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\//);
    const created = await must<{ recoveryKey: string }>('vault:create', { passphrase: PASSPHRASE });
    // The vault exists but has no administrator yet: nothing is configured before first-run ends.
    await must('users:createFirstAdministrator', {
      displayName: 'Ada Admin',
      username: 'ada',
      password: 'correct horse battery staple',
    });
    await must('vault:confirmRecoveryKey', { recoveryKey: created.recoveryKey });
    expect(await recipients()).toEqual([
      expect.objectContaining({ recipient: 'census', channel: 'https', demo: true }),
      expect.objectContaining({ recipient: 'uskpa', channel: 'https', demo: true }),
    ]);
    expect((await recipients()).map((r) => r.url)).toEqual([preview.intakeUrl, preview.intakeUrl]);

    await must('licensee:save', {
      legalName: 'Hudson Rough Trading LLC',
      address: '580 Fifth Avenue, New York, NY 10036, United States',
      tin: '12-3456789',
      isCommonCarrier: true,
    });
    await must('stock:register', { numbers: 'US10000-US10009' });
    const fixture = JSON.parse(
      await readFile(join(process.cwd(), 'tests/fixtures/certificates/valid.json'), 'utf8'),
    ) as { aes?: Record<string, unknown> } & Record<string, unknown>;
    const draft = {
      ...fixture,
      number: 'US10001',
      aes: fixture.aes === undefined ? undefined : { ...fixture.aes, licenseNumber: '10001' },
    };
    const record = await must<{ id: number }>('certificates:createDraft', {
      number: 'US10001',
      draft,
    });
    await must('certificates:recordItn', { id: record.id, itn: 'X20261127123456' });
    await must('certificates:issue', {
      id: record.id,
      attested: true,
      packaging: { description: '2 parcels in a sealed box', sealNumbers: ['S-1001'] },
      warranty: {
        statement:
          'The diamonds herein invoiced have been purchased from legitimate sources not involved in funding conflict.',
        invoiceNumbers: ['INV-77'],
      },
    });
    await must('identity:generate', { signerName: 'Ada Admin' });
    await must('documents:sign', { certificateId: record.id });
    const today = new Date().toISOString().slice(0, 10);
    await must('certificates:ship', { id: record.id, shipDate: today });

    const settled = await waitForQueue(
      (items) => items.length === 2 && items.every((item) => item.status.startsWith('delivered')),
    );
    // The USKPA report left at issue, before the PDF was signed: the intake accepts it with a
    // warning (no signed PDF); the Census copy of the export carries the signed PDF.
    expect(settled.map((item) => [item.recipient, item.kind, item.status])).toEqual([
      ['census', 'shipped', 'delivered'],
      ['uskpa', 'issued', 'delivered_with_warnings'],
    ]);
    for (const item of settled) {
      const receipt = await must<{ verified: boolean }>('submissions:receipt', { id: item.id });
      expect(receipt.verified).toBe(true);
    }
    const audit = await must<{ ok: boolean }>('audit:verify');
    expect(audit.ok).toBe(true);
  });

  it('follows the intake to its new address in the next run, and never a recipient the user set', async () => {
    // The administrator replaces Census with their own settings (here: the same test files).
    const pki = JSON.parse(
      await readFile(join(dataDir, 'demo-intake', 'pki.json'), 'utf8'),
    ) as IntakePki;
    const files = [
      ['census.ca.pem', 'caPem', pki.ca.certPem],
      ['census.client.pem', 'clientCertPem', pki.client.certPem],
      ['census.key', 'clientKeyPem', pki.client.keyPem],
    ] as const;
    for (const [name, field, text] of files) {
      await writeFile(join(dataDir, 'imports', name), text);
      await must('submissions:chooseRecipientFile', { recipient: 'census', field });
    }
    const firstUrl = preview.intakeUrl ?? '';
    await must('submissions:saveRecipient', { recipient: 'census', url: firstUrl });
    expect((await recipients()).map((r) => [r.recipient, r.demo])).toEqual([
      ['census', false],
      ['uskpa', true],
    ]);

    await preview.close();
    preview = await start();
    expect(preview.intakeUrl).not.toBe(firstUrl);
    await must('vault:unlock', { passphrase: PASSPHRASE });
    await must('session:signIn', { username: 'ada', password: 'correct horse battery staple' });
    expect((await recipients()).map((r) => [r.recipient, r.url, r.demo])).toEqual([
      ['census', firstUrl, false],
      ['uskpa', preview.intakeUrl, true],
    ]);
    // The receipts of the first run still verify: the demo intake kept its test PKI.
    const { items } = await must<{ items: Item[] }>('submissions:list', {});
    for (const item of items) {
      const receipt = await must<{ verified: boolean }>('submissions:receipt', { id: item.id });
      expect(receipt.verified).toBe(true);
    }
    expect((await must<{ ok: boolean }>('audit:verify')).ok).toBe(true);
  });
});
