// A real vault with real signed PDFs, delivered copies and signed receipts (the review's world,
// built only by the app's own operations), and an audit package exported from it, for the
// package's tests. The trust anchors a reviewer's computer would hold: the licensee's signing
// certificate (the one the package's manifest is signed with).
import { join } from 'node:path';
import type { AuditPackageExport } from '../../../electron/core/audit-package/export-audit-package';
import { documentOperationsFor } from '../../../electron/core/vault/document-gateway-groups';
import { exportAuditPackage } from '../../../electron/core/audit-package/export-audit-package';
import { createIdentityRepository } from '../../../electron/core/vault/repositories/identity-repository';
import { TEST_SCRYPT } from '../vault/vault-fixture';
import type { ReviewWorld } from '../review/review-world';
import { openReviewWorld } from '../review/review-world';

export const PACKAGE_PASSPHRASE = 'reviewer copy 2026, handle with care';

export type PackageWorld = ReviewWorld & {
  exported: AuditPackageExport;
  file: string;
  /** The licensee's signing certificate (DER), as a reviewer who trusts it holds it. */
  licenseeCertificateDer: Buffer;
};

/** `prepare` adds records to the review world before the package is exported. */
export async function openPackageWorld(
  prepare: (world: ReviewWorld) => void = () => undefined,
): Promise<PackageWorld> {
  const world = await openReviewWorld();
  prepare(world);
  const file = join(world.vault.dir, 'records.kpdesk-audit');
  const exported = await exportAuditPackage(
    {
      db: world.vault.db,
      vaultId: 'test-vault',
      now: () => world.vault.clock.now,
      openSigningKey: (wrapped) =>
        documentOperationsFor(world.vault.db, {
          now: () => world.vault.clock.now,
          resourcesDir: undefined,
        }).signingKeys.openForSigning(wrapped, 'signing_identity'),
    },
    file,
    { actor: world.staff.admin, passphrase: PACKAGE_PASSPHRASE, kdf: TEST_SCRYPT },
  );
  const identity = createIdentityRepository(world.vault.db, () => world.vault.clock.now).active();
  const leaf = identity?.identity.certificateChainDer[0];
  if (leaf === undefined) throw new Error('the review world has a signing identity');
  return { ...world, exported, file, licenseeCertificateDer: leaf };
}
