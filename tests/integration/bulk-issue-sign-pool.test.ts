// The signing threads of a bulk issue (electron/core/bulk-issue/sign-pool.ts), with the thread
// bundled by the project's own build script as the CLI ships it: certificates signed there, in
// the order asked whatever order the threads answer in, are stored through the one-step issue
// and verify against the vault like any document it signed (the page written again from its
// recipe, the seal, the signature) and in poppler's pdfsig; close() has every thread report its
// copies of the keys zeroed; a closed pool refuses to sign.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Certificate } from '../../shared/domain/certificate';
import { startSignPool } from '../../electron/core/bulk-issue/sign-pool';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';
import type { BuiltEntries } from './built-entries';
import { buildEntries } from './built-entries';
import { tool } from './documents/pdf-tools';
import { packaging, warranty } from './submission/submission-fixture';
import type { Staff, TestVault } from './vault/vault-fixture';
import { openTestVault, seedVault, validDraft } from './vault/vault-fixture';

let built: BuiltEntries;
let vault: TestVault;
let staff: Staff;
beforeAll(async () => {
  built = await buildEntries('sign-pool', ['batch-sign-worker']);
  vault = openTestVault();
  staff = seedVault(vault);
}, 120_000);
afterAll(() => {
  vault.close();
  built.remove();
});

describe('the signing threads of a bulk issue', () => {
  it('sign in order, verify against the vault, and zero their keys on close', async () => {
    const documents = documentOperationsFor(vault.db, {
      now: () => vault.clock.now,
      resourcesDir: undefined,
    });
    documents.identity.generate(staff.admin, { signerName: 'Ada Admin' });
    const numbers = ['US12350', 'US12351', 'US12352', 'US12353', 'US12354', 'US12355'];
    const checks = numbers.map((number) => {
      const check = vault.services.issuance.checkIssue({
        number,
        draft: validDraft(number),
        packaging,
        warranty,
      });
      if (!check.ok) throw new Error(`refused ${number}`);
      return check.checked;
    });
    const session = documents.openSigningSession();
    const pool = startSignPool({
      workerFile: built.file('electron', 'batch-sign-worker.mjs'),
      session,
      setup: documents.signerSetup(session),
      auditHead: documents.auditHeadNow,
      now: () => vault.clock.now,
      threads: 2,
    });
    let signed;
    try {
      signed = await Promise.all(checks.map((checked) => pool.sign(checked.certificate)));
    } finally {
      const zeroed = await pool.close();
      session.close();
      expect(zeroed.length).toBeGreaterThanOrEqual(1);
      expect(zeroed.every((report) => report)).toBe(true);
    }
    await expect(pool.sign(checks[0]?.certificate as Certificate)).rejects.toThrow(/after close/);

    const issued = vault.db.transaction(() =>
      checks.map((checked, index) => {
        const record = vault.services.issuance.issueChecked(staff.operator, checked);
        const document = signed[index];
        if (document === undefined) throw new Error('missing document');
        documents.storeForJustIssued(staff.operator, record, document);
        return record;
      }),
    )();
    expect(vault.services.audit.verify()).toMatchObject({ ok: true });
    for (const [index, record] of issued.entries()) {
      const pdf = signed[index]?.pdf ?? Buffer.alloc(0);
      const verification = await documents.verifyBytes(pdf, `${record.number}.pdf`);
      // In the order asked: each PDF is the certificate of its own row, as the vault stored it.
      expect(verification.vault).toMatchObject({
        number: numbers[index],
        storedDocument: 'certificate',
      });
      expect(verification.result.verdict).toBe('VALID');
    }
    const file = join(vault.dir, 'first.pdf');
    writeFileSync(file, signed[0]?.pdf ?? Buffer.alloc(0));
    expect(await tool('pdfsig', [file])).toContain('Signature is Valid.');
  }, 120_000);
});
