// The audit package (issue 14, part 3) from a real vault: exported, then opened and verified in
// order (decryption, the manifest's signature, every entry, the audit chain, every signed PDF),
// and reviewed with the app's full review over its read-only vault; the export is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditPackage } from '../../../electron/core/audit-package/open-audit-package';
import { reviewAuditPackage } from '../../../electron/core/audit-package/review-audit-package';
import { readChainHead } from '../../../electron/core/vault/audit/chain-head';
import type { PackageWorld } from './package-world';
import { PACKAGE_PASSPHRASE, openPackageWorld } from './package-world';

let world: PackageWorld;
beforeAll(async () => {
  world = await openPackageWorld();
}, 180_000);
afterAll(async () => {
  await world.close();
});

describe('audit package: export and open', () => {
  it('opens intact, signed by a trusted licensee, with every check passed in order', async () => {
    const opened = await openAuditPackage(world.file, PACKAGE_PASSPHRASE, {
      trustAnchorsDer: [world.licenseeCertificateDer],
      now: () => world.vault.clock.now,
    });
    try {
      expect(opened.checks.map((c) => [c.check, c.status])).toEqual([
        ['decryption', 'passed'],
        ['signature', 'passed'],
        ['entries', 'passed'],
        ['audit-chain', 'passed'],
        ['documents', 'passed'],
      ]);
      expect(opened.signature.status).toBe('trusted');
      expect(opened.sha256).toBe(world.exported.sha256);
      expect(opened.manifest.auditHead.seq).toBe(world.exported.head.seq);
      expect(world.exported.documents).toBeGreaterThanOrEqual(4);
      const count = opened.vault.db
        .prepare<[], number>('SELECT count(*) FROM certificates')
        .pluck()
        .get();
      expect(count).toBe(3);
      expect(() => opened.vault.db.exec("UPDATE certificates SET number = 'US1'")).toThrow(
        /readonly|query_only/i,
      );
      const report = await reviewAuditPackage(opened, {
        reader: 'Rita Reviewer',
        now: () => world.vault.clock.now,
      });
      expect(report.findings).toEqual([]);
      expect(report.checked.documents).toBeGreaterThanOrEqual(4);
      expect(report.auditHead.seq).toBeGreaterThanOrEqual(opened.manifest.auditHead.seq);
      expect(report.ranBy).toMatch(/Rita Reviewer, from the audit package records.kpdesk-audit/);
    } finally {
      opened.vault.close();
    }
  });

  it('records the export in the audit chain: who, the head carried and the file digest', () => {
    const db = world.vault.db;
    const row = db
      .prepare<[], Record<string, unknown>>('SELECT * FROM audit_package_exports')
      .get();
    expect(row).toMatchObject({
      package_sha256: world.exported.sha256,
      head_seq: world.exported.head.seq,
      head_hash: world.exported.head.hash,
      exported_by: world.staff.admin.userId,
    });
    const head = readChainHead(db);
    expect(head.seq).toBe(world.exported.head.seq + 1);
    const last = db
      .prepare<[number], { action: string; user_id: number }>(
        'SELECT action, user_id FROM audit_events WHERE seq = ?',
      )
      .get(head.seq);
    expect(last).toEqual({ action: 'audit-package.export', user_id: world.staff.admin.userId });
    expect(world.vault.services.audit.verify().ok).toBe(true);
  });
});
