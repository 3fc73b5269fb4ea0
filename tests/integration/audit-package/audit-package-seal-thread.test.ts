// The export's sealing thread (issue 14, the export's speed; package-seal-thread.ts): with the
// thread's bundle built by the project's own build script, the export reads the vault on its
// thread while the other seals, hashes and writes. The package it writes opens with every check
// passed, its SHA-256 is the file's (as recorded in the audit row), and its documents are the
// vault's, byte for byte, as the single-thread export writes them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAuditPackage } from '../../../electron/core/audit-package/export-audit-package';
import { openAuditPackage } from '../../../electron/core/audit-package/open-audit-package';
import { documentOperationsFor } from '../../../electron/core/vault/document-gateway-groups';
import type { BuiltEntries } from '../built-entries';
import { buildEntries } from '../built-entries';
import { TEST_SCRYPT } from '../vault/vault-fixture';
import { decryptPackage, extractArchive } from './package-surgery';
import type { PackageWorld } from './package-world';
import { PACKAGE_PASSPHRASE, openPackageWorld } from './package-world';

let world: PackageWorld;
let built: BuiltEntries;
beforeAll(async () => {
  world = await openPackageWorld();
  built = await buildEntries('seal-thread', ['audit-package-seal-worker']);
}, 240_000);
afterAll(async () => {
  built.remove();
  await world.close();
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('the export with its sealing thread', () => {
  it('writes a package that opens with every check passed, the same documents as one thread', async () => {
    const sealWorkerFile = built.file('electron', 'audit-package-seal-worker.mjs');
    const file = join(world.vault.dir, 'sealed-by-thread.kpdesk-audit');
    const now = () => world.vault.clock.now;
    const exported = await exportAuditPackage(
      {
        db: world.vault.db,
        vaultId: 'test-vault',
        now,
        openSigningKey: (wrapped) =>
          documentOperationsFor(world.vault.db, {
            now,
            resourcesDir: undefined,
          }).signingKeys.openForSigning(wrapped, 'signing_identity'),
        sealWorkerFile,
      },
      file,
      { actor: world.staff.admin, passphrase: PACKAGE_PASSPHRASE, kdf: TEST_SCRYPT },
    );
    const bytes = readFileSync(file);
    expect(exported.sealedOnThread).toBe(true);
    expect(world.exported.sealedOnThread).toBe(false);
    expect(exported.bytes).toBe(bytes.length);
    expect(exported.sha256).toBe(sha256(bytes));
    const recorded = world.vault.db
      .prepare<[], string>(
        'SELECT package_sha256 FROM audit_package_exports ORDER BY id DESC LIMIT 1',
      )
      .pluck()
      .get();
    expect(recorded).toBe(sha256(bytes));

    const opened = await openAuditPackage(file, PACKAGE_PASSPHRASE, {
      trustAnchorsDer: [world.licenseeCertificateDer],
      now,
    });
    try {
      expect(opened.checks.map((c) => `${c.check}:${c.status}`)).toEqual([
        'decryption:passed',
        'signature:passed',
        'entries:passed',
        'audit-chain:passed',
        'documents:passed',
      ]);
    } finally {
      opened.vault.close();
    }

    // Decrypted by package-surgery.ts (node:crypto and tar, from the documented format): the
    // documents are those the single-thread export wrote.
    const threaded = extractArchive(decryptPackage(file, PACKAGE_PASSPHRASE).archive);
    const single = extractArchive(decryptPackage(world.file, PACKAGE_PASSPHRASE).archive);
    const documents = (names: string[]) => names.filter((n) => n.startsWith('documents/'));
    expect(documents(threaded.names)).toEqual(documents(single.names));
    expect(documents(threaded.names).length).toBe(world.exported.documents);
    for (const name of documents(threaded.names))
      expect(sha256(readFileSync(join(threaded.dir, name)))).toBe(
        sha256(readFileSync(join(single.dir, name))),
      );
  });
});
