// The vault gateway's `review` group (review:run, review:export): each call is made as the
// signed-in user over the open vault, where the keys and the records are; the role is checked in
// runReview. An export runs the review again and writes the file main's save dialog chose
// (written through a temporary file: a crash never leaves half a report).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { ReviewExportRequestSchema } from '../../../shared/ipc/review-contract';
import type { ReviewReport } from '../../../shared/review/review-report';
import { AppFailure } from '../app-failure';
import { findResourcesDir } from '../documents/find-resources-dir';
import type { Actor } from '../issuance/actor';
import { authorize } from '../issuance/actor';
import { documentOperationsFor } from '../vault/document-gateway-groups';
import { writeFileAtomically } from '../vault/document-files';
import type { DocumentOperationsOptions } from '../vault/document-operations';
import { parseInput } from '../vault/repositories/parse-input';
import { createUserRepository } from '../vault/repositories/user-repository';
import type { VaultServices } from '../vault/vault-services';
import { reviewCsv } from './review-csv';
import { renderReviewPdf } from './review-pdf';
import type { ReviewProgress } from './review-service';
import { REVIEWERS, runReview } from './review-service';

export type ReviewGatewayOptions = {
  session: () => { db: Database; services: VaultServices; actor: Actor };
  documentOptions: DocumentOperationsOptions;
  now: () => Date;
  vaultId: () => string | null;
  onProgress?: ((event: { operation: 'review' } & ReviewProgress) => void) | undefined;
};

const ExportFileSchema = ReviewExportRequestSchema.extend({
  path: z.string().min(1).max(4096),
}).strict();

export function reviewGatewayGroup(options: ReviewGatewayOptions) {
  const run = (input: unknown): Promise<ReviewReport> => {
    const { db, services, actor } = options.session();
    return runReview(
      {
        db,
        services,
        documents: documentOperationsFor(db, options.documentOptions),
        now: options.now,
        vaultId: options.vaultId(),
        onProgress: (progress) => options.onProgress?.({ operation: 'review', ...progress }),
      },
      actor,
      input,
    );
  };
  return {
    run,
    /** Before the save dialog: refuses a user who may not run the review; offers a file name. */
    exportPlan: (input: unknown): { defaultName: string } => {
      const { db, actor } = options.session();
      authorize(createUserRepository(db, options.now), actor, REVIEWERS, 'run the review');
      const request = parseInput(ReviewExportRequestSchema, input);
      const day = options.now().toISOString().slice(0, 10);
      return { defaultName: `kpdesk-review-${request.period ?? 'all'}-${day}.${request.format}` };
    },
    exportFile: async (
      input: unknown,
    ): Promise<{ path: string; errors: number; warnings: number; infos: number }> => {
      const { path, format, period } = parseInput(ExportFileSchema, input);
      const report = await run(period === undefined ? {} : { period });
      let bytes: Uint8Array;
      if (format === 'csv') bytes = Buffer.from(reviewCsv(report), 'utf8');
      else {
        const resourcesDir = findResourcesDir(
          options.documentOptions.resourcesDir,
          import.meta.dirname,
        );
        if (resourcesDir === undefined)
          throw new AppFailure(
            'INTERNAL',
            'The fonts for the PDF (resources/fonts) were not found.',
          );
        bytes = await renderReviewPdf(report, { resourcesDir });
      }
      writeFileAtomically(path, bytes);
      return {
        path,
        errors: report.counts.error,
        warnings: report.counts.warning,
        infos: report.counts.info,
      };
    },
  };
}
