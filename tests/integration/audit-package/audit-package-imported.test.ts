// An audit package of a vault with imported records (issue 15): each imported record has one
// audit event that covers its stock number and import mark (covered-digests.ts), and the package's
// own chain check holds those rows to the digests that event recorded (without it they would be
// rows "added outside KP Desk"), so the package opens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditPackage } from '../../../electron/core/audit-package/open-audit-package';
import { importRecords } from '../../../electron/core/record-import/import-records';
import { bulkCsv, historicalRows } from '../record-import/historical-rows';
import type { PackageWorld } from './package-world';
import { PACKAGE_PASSPHRASE, openPackageWorld } from './package-world';

let world: PackageWorld;
beforeAll(async () => {
  world = await openPackageWorld(({ vault, staff }) => {
    const summary = importRecords({
      db: vault.db,
      services: vault.services,
      actor: staff.admin,
      now: () => vault.clock.now,
      file: { bytes: Buffer.from(bulkCsv(historicalRows(6)), 'utf8'), name: 'old.csv' },
      allOrNothing: false,
      onOutcome: () => undefined,
    });
    expect(summary.imported).toBe(6);
  });
}, 180_000);
afterAll(async () => {
  await world.close();
});

describe('audit package of a vault with imported records', () => {
  it('opens: the covered stock numbers and import marks match their import events', async () => {
    const opened = await openAuditPackage(world.file, PACKAGE_PASSPHRASE, {
      trustAnchorsDer: [world.licenseeCertificateDer],
      now: () => world.vault.clock.now,
    });
    try {
      const count = (sql: string): number =>
        opened.vault.db.prepare<[], number>(sql).pluck().get() ?? 0;
      expect(count('SELECT count(*) FROM record_imports')).toBe(6);
      expect(count("SELECT count(*) FROM audit_events WHERE action = 'certificate.import'")).toBe(
        6,
      );
      expect(count("SELECT count(*) FROM audit_events WHERE action = 'stock.import'")).toBe(0);
    } finally {
      opened.vault.close();
    }
  });
});
