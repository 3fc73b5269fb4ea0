// The full review (electron/core/review/, docs/review.md) over an opened audit package: the same
// checks, over the package's read-only vault, with the audit verification replaced by the one
// recomputed from the package's own events (open-audit-package.ts; the temporary vault cannot
// recompute the digests of rows whose secrets were withheld). Nothing is written anywhere: the
// vault is query-only and is deleted when the package is closed.
import type { ReviewReport } from '../../../shared/review/review-report';
import { reviewRecords } from '../review/review-service';
import type { ReviewProgress } from '../review/review-service';
import { documentOperationsFor } from '../vault/document-gateway-groups';
import { createVaultServices } from '../vault/vault-services';
import type { OpenedAuditPackage } from './open-audit-package';

export type PackageReviewOptions = {
  /** Who reads the package (a reviewer, by name); written in the report's ranBy. */
  reader: string;
  period?: string;
  now?: () => Date;
  resourcesDir?: string;
  onProgress?: (progress: ReviewProgress) => void;
};

export function reviewAuditPackage(
  opened: OpenedAuditPackage,
  options: PackageReviewOptions,
): Promise<ReviewReport> {
  const now = options.now ?? (() => new Date());
  const { db } = opened.vault;
  const services = createVaultServices(db, { now });
  const chain = opened.chain;
  return reviewRecords(
    {
      db,
      services: { ...services, audit: { verify: () => chain } },
      documents: documentOperationsFor(db, { now, resourcesDir: options.resourcesDir }),
      now,
      vaultId: opened.manifest.vaultId,
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    },
    `${options.reader}, from the audit package ${opened.file} (exported ${opened.manifest.createdAt} by ${opened.manifest.exportedBy})`,
    options.period === undefined ? {} : { period: options.period },
  );
}
