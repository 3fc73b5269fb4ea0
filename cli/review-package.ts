// `kpdesk review --package FILE`: opens an audit package (verifying it in order:
// electron/core/audit-package/open-audit-package.ts) and runs the full review over its
// read-only vault. No vault of this computer is opened and nothing is written; the temporary
// vault is deleted when the review ends. The package's passphrase comes from --passphrase-file,
// $KPDESK_PACKAGE_PASSPHRASE or a prompt; the signer is trusted only through --trust files.
import { resolve } from 'node:path';
import type { OpenedAuditPackage } from '../electron/core/audit-package/open-audit-package';
import { openAuditPackage } from '../electron/core/audit-package/open-audit-package';
import { reviewAuditPackage } from '../electron/core/audit-package/review-audit-package';
import type { ReviewProgress } from '../electron/core/review/review-service';
import type { ReviewReport } from '../shared/review/review-report';
import { readTrustFiles } from './certificate-files';
import type { CliIo } from './cli-io';
import { readSecret } from './read-secret';

export const PACKAGE_PASSPHRASE_ENV = 'KPDESK_PACKAGE_PASSPHRASE';

export type PackageVerification = Pick<OpenedAuditPackage, 'file' | 'sha256' | 'checks'> & {
  exportedAt: string;
  exportedBy: string;
  licensee: string | null;
  signer: string | null;
  signature: OpenedAuditPackage['signature']['status'];
  auditHead: string;
};

export type PackageReview = { report: ReviewReport; verification: PackageVerification };

const MARK = { passed: 'ok  ', warning: 'WARN', failed: 'FAIL' } as const;

export function formatPackageChecks(verification: PackageVerification): string {
  return `${[
    `Audit package ${verification.file} (SHA-256 ${verification.sha256})`,
    `  exported ${verification.exportedAt} by ${verification.exportedBy}${verification.licensee === null ? '' : ` for ${verification.licensee}`}`,
    ...verification.checks.map((c) => `  ${MARK[c.status]} ${c.check}: ${c.message}`),
  ].join('\n')}\n`;
}

export async function reviewPackageFile(
  io: CliIo,
  options: {
    file: string;
    passphraseFile: string | undefined;
    trust: readonly string[];
    period: string | undefined;
    onProgress: (progress: ReviewProgress) => void;
  },
): Promise<PackageReview> {
  const path = resolve(io.cwd, options.file);
  const trustAnchorsDer = readTrustFiles(io, options.trust).map((der) => Buffer.from(der));
  const passphrase = await readSecret(
    {
      label: 'audit package passphrase',
      fileOption: '--passphrase-file',
      file: options.passphraseFile,
      envVar: PACKAGE_PASSPHRASE_ENV,
    },
    io,
  );
  const now = io.now ?? (() => new Date());
  const opened = await openAuditPackage(path, passphrase, { trustAnchorsDer, now });
  try {
    const report = await reviewAuditPackage(opened, {
      reader: 'kpdesk review --package',
      now,
      onProgress: options.onProgress,
      ...(options.period === undefined ? {} : { period: options.period }),
    });
    const { manifest } = opened;
    return {
      report,
      verification: {
        file: opened.file,
        sha256: opened.sha256,
        checks: opened.checks,
        exportedAt: manifest.createdAt,
        exportedBy: manifest.exportedBy,
        licensee: manifest.licensee,
        signer: opened.signature.signer,
        signature: opened.signature.status,
        auditHead: manifest.auditHead.line,
      },
    };
  } finally {
    opened.vault.close();
  }
}
