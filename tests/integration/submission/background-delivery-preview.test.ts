// Background delivery in the app, end to end through the preview host's HTTP bridge (the same core
// handlers main registers): a real encrypted vault, the recipients configured through the
// settings channels with files chosen through the (folder) dialogs, and the reference intake
// server with mutual TLS. An issued and shipped certificate's copies become Delivered with a
// receipt that checks out, without any CLI; a recipient the intake does not play ends Rejected and
// counts as needing the user; bad settings are refused naming the field, and nothing is saved.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakePki } from '../../../preview/intake/intake-pki';
import { createIntakePki } from '../../../preview/intake/intake-pki';
import type { IntakeServer } from '../../../preview/intake/intake-server';
import { startIntakeServer } from '../../../preview/intake/intake-server';
import type { PreviewServer } from '../../../preview/start-preview-server';
import { previewClient } from './preview-client';
import type { QueueItem as Item } from './preview-client';
import { startPreviewServer } from '../../../preview/start-preview-server';

let dir = '';
let dataDir = '';
let preview: PreviewServer;
const { invoke, must, waitForQueue } = previewClient(() => preview);
let intake: IntakeServer;
let pki: IntakePki;

const importFile = (name: string, text: string) => writeFile(join(dataDir, 'imports', name), text);

async function chooseRecipientFiles(
  recipient: 'census' | 'uskpa',
  files: { ca: string; cert: string; key: string },
) {
  // The folder dialogs pick the newest file whose name ends as the purpose asks.
  await importFile(`${recipient}.ca.pem`, files.ca);
  expect(
    await must('submissions:chooseRecipientFile', { recipient, field: 'caPem' }),
  ).toMatchObject({ field: 'caPem' });
  await importFile(`${recipient}.client.pem`, files.cert);
  await must('submissions:chooseRecipientFile', { recipient, field: 'clientCertPem' });
  await importFile(`${recipient}.key`, files.key);
  await must('submissions:chooseRecipientFile', { recipient, field: 'clientKeyPem' });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kp-bg-delivery-'));
  dataDir = join(dir, 'data');
  await mkdir(join(dir, 'renderer'), { recursive: true });
  await mkdir(join(dataDir, 'imports'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>KP Desk</title>');
  await writeFile(join(dir, 'bridge-client.js'), 'window.bridged = true;\n');
  pki = createIntakePki();
  // This intake plays Census only: a USKPA envelope is refused (422), so those rows end Rejected.
  intake = await startIntakeServer({ pki, accepts: ['census'] });
  preview = await startPreviewServer({
    rendererDir: join(dir, 'renderer'),
    bridgeClientFile: join(dir, 'bridge-client.js'),
    dataDir,
    log: (line) => {
      process.stderr.write(`${line}\n`);
    },
  });
  const created = await must<{ recoveryKey: string }>('vault:create', {
    passphrase: 'a long vault passphrase for tests',
  });
  await must('users:createFirstAdministrator', {
    displayName: 'Ada Admin',
    username: 'ada',
    password: 'correct horse battery staple',
  });
  await must('vault:confirmRecoveryKey', { recoveryKey: created.recoveryKey });
  await must('licensee:save', {
    legalName: 'Hudson Rough Trading LLC',
    address: '580 Fifth Avenue, New York, NY 10036, United States',
    tin: '12-3456789',
    isCommonCarrier: true,
  });
  await must('stock:register', { numbers: 'US10000-US10009' });
  // Key generation and the vault's scrypt are slow on a loaded machine; a hang still ends.
}, 170_000);

afterAll(async () => {
  await preview.close();
  await intake.close();
  await rm(dir, { recursive: true, force: true });
});

const draft = (number: string) => ({
  number,
  countryOfOrigin: 'CD',
  dateOfIssue: '2026-11-27',
  dateOfExpiry: '2027-01-26',
  exportDate: '2026-11-28',
  exporter: {
    name: 'Hudson Rough Trading LLC',
    address: '580 Fifth Avenue\nNew York, NY 10036\nUnited States',
  },
  consignee: { name: 'Antwerp Rough BV', address: 'Hoveniersstraat 30\n2018 Antwerp\nBelgium' },
  destinationCountry: 'BE',
  carats: '12.50',
  valueUsd: '15000.00',
  parcels: '2',
  hsCodes: ['7102.31'],
  itn: '',
  aes: {
    licenseType: 'T12',
    licenseNumber: number.slice(2),
    licenseValue: '15000.00',
    fromForeignTradeZone: false,
    ftzNumber: '',
  },
});

describe('submissions in the app (preview host, reference intake with mutual TLS)', () => {
  it('refuses bad recipient settings naming the field, and saves nothing', async () => {
    const expired = createIntakePki({ caDays: -1 });
    await chooseRecipientFiles('census', {
      ca: expired.ca.certPem,
      cert: pki.client.certPem,
      key: pki.client.keyPem,
    });
    const old = await invoke('submissions:saveRecipient', { recipient: 'census', url: intake.url });
    expect(old.ok).toBe(false);
    expect(old.error?.code).toBe('RECIPIENT_SETTINGS_INVALID');
    expect(old.error?.fields?.caPem).toMatch(/expired on/);

    const plain = await invoke('submissions:saveRecipient', {
      recipient: 'census',
      url: intake.url.replace('https:', 'http:'),
    });
    expect(plain.error?.fields?.url).toMatch(/https:\/\//);

    // A key that is not the client certificate's own.
    await chooseRecipientFiles('census', {
      ca: pki.ca.certPem,
      cert: pki.client.certPem,
      key: pki.server.keyPem,
    });
    const wrongKey = await invoke('submissions:saveRecipient', {
      recipient: 'census',
      url: intake.url,
    });
    expect(wrongKey.error?.fields?.clientKeyPem).toMatch(/does not belong/);

    // A CA file that is not a CA.
    await chooseRecipientFiles('census', {
      ca: pki.server.certPem,
      cert: pki.client.certPem,
      key: pki.client.keyPem,
    });
    const notCa = await invoke('submissions:saveRecipient', {
      recipient: 'census',
      url: intake.url,
    });
    expect(notCa.error?.fields?.caPem).toMatch(/not a certification authority/);

    // Missing client certificate for a recipient never configured.
    await importFile('uskpa.ca.pem', pki.ca.certPem);
    await must('submissions:chooseRecipientFile', { recipient: 'uskpa', field: 'caPem' });
    const missing = await invoke('submissions:saveRecipient', {
      recipient: 'uskpa',
      url: intake.url,
    });
    expect(missing.error?.fields?.clientCertPem).toMatch(/Give the client certificate/);

    const { recipients } = await must<{ recipients: unknown[] }>('submissions:recipients');
    expect(recipients).toEqual([]);
    expect(intake.requests()).toBe(0);
  });

  it("delivers an issued and shipped certificate's Census copy in the background, with a receipt that checks out", async () => {
    const record = await must<{ id: number }>('certificates:createDraft', {
      number: 'US10001',
      draft: draft('US10001'),
    });
    await must('certificates:recordItn', { id: record.id, itn: 'X20261127123456' });
    await must('certificates:issue', {
      id: record.id,
      attested: true,
      packaging: {
        description: '2 parcels in a sealed tamper-evident box',
        sealNumbers: ['S-1001'],
      },
      warranty: {
        statement:
          'The diamonds herein invoiced have been purchased from legitimate sources not involved in funding conflict.',
        invoiceNumbers: ['INV-77'],
      },
    });
    // The signed PDF travels in the Census envelope (without it the intake accepts with a warning).
    await must('identity:generate', { signerName: 'Ada Admin' });
    await must('documents:sign', { certificateId: record.id });
    await must('certificates:ship', { id: record.id, shipDate: '2026-11-28' });
    // Nothing configured yet: the copies wait; the Census copy of an export on 2026-11-28 is overdue.
    const waiting = await must<{ items: Item[] }>('submissions:list', {});
    expect(waiting.items.map((item) => item.status).sort()).toEqual(['pending', 'pending']);
    expect(await must('submissions:overdue')).toMatchObject([
      { number: 'US10001', duty: 'export' },
    ]);

    for (const recipient of ['census', 'uskpa'] as const) {
      await chooseRecipientFiles(recipient, {
        ca: pki.ca.certPem,
        cert: pki.client.certPem,
        key: pki.client.keyPem,
      });
      await must('submissions:saveRecipient', { recipient, url: intake.url });
    }
    const settled = await waitForQueue((items) =>
      items.every((item) => item.status === 'delivered' || item.status === 'rejected'),
    );
    const census = settled.find((item) => item.recipient === 'census');
    const uskpa = settled.find((item) => item.recipient === 'uskpa');
    expect(census).toMatchObject({ status: 'delivered', kind: 'shipped', number: 'US10001' });
    expect(uskpa).toMatchObject({ status: 'rejected', lastErrorCode: 'ENVELOPE_REFUSED' });
    expect(intake.deliveries()).toBe(1);

    const receipt = await must<{
      verified: boolean;
      checks: { label: string; passed: boolean | null }[];
    }>('submissions:receipt', { id: census?.id });
    expect(receipt.verified).toBe(true);
    expect(receipt.checks.map((check) => [check.label, check.passed])).toEqual([
      ['Signature', true],
      ['Signer', true],
      ['This submission', true],
    ]);
    expect(await must('submissions:overdue')).toEqual([]);
    const status = await must<{ needsUser: number; overdue: number }>('submissions:status');
    expect(status).toMatchObject({ needsUser: 1, overdue: 0 });
    expect(
      await must<Item[]>('submissions:forCertificate', { certificateId: record.id }),
    ).toHaveLength(2);

    const exported = await must<{ cancelled: boolean; path: string; receipts: number }>(
      'submissions:exportReceipts',
      {},
    );
    expect(exported).toMatchObject({ cancelled: false, receipts: 1 });
    const file = JSON.parse(await readFile(exported.path, 'utf8')) as {
      receipts: { signedReceipt: { receipt: { idempotencyKey: string } } }[];
    };
    expect(file.receipts.map((entry) => entry.signedReceipt.receipt.idempotencyKey)).toEqual([
      'US10001/shipped/v1',
    ]);
  });

  it("cancels a Rejected copy on the user's word; a reviewer may read but not act", async () => {
    const { items } = await must<{ items: Item[] }>('submissions:list', { status: 'rejected' });
    const [rejected] = items;
    expect(rejected).toBeDefined();
    await must('users:create', {
      displayName: 'Rita Reviewer',
      username: 'rita',
      password: 'another long password 1',
      role: 'reviewer',
    });
    await must('session:signOut');
    await must('session:signIn', { username: 'rita', password: 'another long password 1' });
    expect((await must<{ items: Item[] }>('submissions:list', {})).items).toHaveLength(2);
    const refused = await invoke('submissions:cancel', { id: rejected?.id });
    expect(refused.error?.code).toBe('FORBIDDEN');
    await must('session:signOut');
    const anonymous = await invoke('submissions:list', {});
    expect(anonymous.ok).toBe(false);
    await must('session:signIn', { username: 'ada', password: 'correct horse battery staple' });
    expect(await must('submissions:cancel', { id: rejected?.id })).toMatchObject({
      status: 'cancelled',
    });
    expect(await must('submissions:status')).toMatchObject({ needsUser: 0 });
  });
});
