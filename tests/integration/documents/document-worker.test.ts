// Signing inside the vault worker thread, as the Electron main process reaches it: the worker is
// built by the project's build script (the PDF makers are bundled in, loaded on first use), the
// keys are generated and used in the worker, and only the summary and the signed document's
// metadata come back. The private key is nowhere in the vault's files on disk (SQLCipher).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuiltEntries } from '../built-entries';
import { buildEntries, repoRoot } from '../built-entries';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VaultGateway } from '../../../electron/core/vault/vault-gateway';
import { createWorkerClient } from '../../../electron/core/vault/worker/vault-worker-client';
import { validDraft } from '../../unit/domain/certificate-fixtures';

let built: BuiltEntries | undefined;
const workerFile = (): string => {
  if (built === undefined) throw new Error('the worker was not built');
  return built.file('electron', 'vault-worker.mjs');
};
let dir = '';

beforeAll(async () => {
  built = await buildEntries('document-worker', ['vault-worker']);
  dir = mkdtempSync(join(tmpdir(), 'kp-document-worker-'));
}, 180_000);
afterAll(() => {
  built?.remove();
  rmSync(dir, { recursive: true, force: true });
});

it('generates the identity and signs a certificate in the worker thread', async () => {
  const client = createWorkerClient<VaultGateway>(workerFile(), {
    dataDir: dir,
    resourcesDir: join(repoRoot, 'resources'),
    passwordHashing: { N: 1024, r: 8, p: 1 },
  });
  try {
    await client.openWithKey({ keyHex: randomBytes(32).toString('hex'), create: true });
    await client.createFirstAdministrator({
      username: 'ada',
      displayName: 'Ada Admin',
      password: 'correct horse battery',
    });
    await client.licensee.save({
      legalName: 'Hudson Rough Trading LLC',
      address: '580 Fifth Avenue, New York, NY 10036, United States',
      tin: '12-3456789',
      isCommonCarrier: true,
    });
    await client.stock.register({ numbers: 'US12345' });
    const draft = await client.certificates.createDraft({ number: 'US12345', draft: validDraft() });
    await client.certificates.recordItn({ id: draft.id, itn: 'X20261127123456' });
    await client.certificates.issue({
      id: draft.id,
      attested: true,
      packaging: { description: 'Sealed box' },
      warranty: { statement: 'Conflict-free.' },
    });
    const generated = await client.identity.generate({ signerName: 'Jane Doe' });
    expect(generated.identity.selfSigned).toBe(true);
    expect(JSON.stringify(generated)).not.toContain('PRIVATE KEY');
    const signed = await client.documents.sign({ certificateId: draft.id });
    expect(signed).toMatchObject({ kind: 'certificate', number: 'US12345', pages: 1 });
    expect((await client.audit.verify(undefined)).ok).toBe(true);
    await client.lock();
  } finally {
    await client.close();
  }
  // The files on disk are encrypted: not even the certificate's subject is readable in them.
  const bytes = Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
  expect(bytes.includes('Jane Doe')).toBe(false);
  expect(bytes.includes('BEGIN CERTIFICATE')).toBe(false);
}, 180_000);
