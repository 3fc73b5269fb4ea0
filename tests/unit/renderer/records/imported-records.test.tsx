// @vitest-environment jsdom
// Records imported from elsewhere (issue 15 part 3) in the app's record views, over the real core
// and a real encrypted vault: the records are imported by the core's own import
// (record-import/import-records.ts) through a second connection to the same vault file, as
// `kpdesk import-records` does beside a running app. The Records list marks them "Imported", the
// certificate page names the file, row, date and user and says they are not signed by KP Desk,
// and the documents panel explains why there is no signed PDF (and offers no signing).
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRecords } from '../../../../electron/core/record-import/import-records';
import { unlockVault } from '../../../../electron/core/vault/keys/unlock-vault';
import { createVaultServices } from '../../../../electron/core/vault/vault-services';
import { CertificatePage } from '../../../../renderer/src/records/CertificatePage';
import { RecordsScreen } from '../../../../renderer/src/records/RecordsScreen';
import type { SignedInUser } from '../../../../renderer/src/navigation';
import { HARNESS_PASSPHRASE } from '../../../helpers/vault-channel-harness';
import { bulkCsv, historicalRows } from '../../../integration/record-import/historical-rows';
import { giveListboxAHeight } from './list-layout';
import type { RecordsKp } from './records-kp';
import { recordsKp, registerStock, seedCertificate } from './records-kp';

giveListboxAHeight();

const admin: SignedInUser = {
  userId: 1,
  username: 'ada',
  displayName: 'Ada Admin',
  role: 'administrator',
};

let kp: RecordsKp;
let importedId = 0;
beforeEach(async () => {
  kp = await recordsKp();
  await registerStock(kp, 'US10000-US10009');
  await seedCertificate(kp, { number: 'US10001', issue: true });
  const db = await unlockVault({
    dir: kp.harness.dataDir,
    secret: { passphrase: HARNESS_PASSPHRASE },
  });
  try {
    const services = createVaultServices(db, { passwordHashing: { N: 1024, r: 8, p: 1 } });
    const summary = importRecords({
      db,
      services,
      actor: { userId: 1, role: 'administrator' },
      now: () => new Date('2026-11-27T10:00:00Z'),
      file: { bytes: Buffer.from(bulkCsv(historicalRows(1)), 'utf8'), name: 'history-2016.csv' },
      allOrNothing: true,
      onOutcome: () => undefined,
    });
    expect(summary.imported).toBe(1);
    importedId = services.certificates.getByNumber('US500000')?.id ?? 0;
  } finally {
    db.close();
  }
});
afterEach(async () => {
  cleanup();
  await kp.dispose();
});

describe('imported records in the record views', () => {
  it('marks them in the Records list, and only them', async () => {
    render(<RecordsScreen api={kp.api} user={admin} navigate={() => undefined} />);
    const list = await screen.findByRole('listbox', { name: 'Certificates' });
    await waitFor(() => {
      expect(within(list).queryAllByRole('option')).toHaveLength(2);
    });
    const [own, imported] = ['US10001', 'US500000'].map((number) =>
      within(list)
        .getAllByRole('option')
        .find((row) => row.textContent.startsWith(number)),
    );
    expect(imported?.textContent).toContain('Imported, not signed by KP Desk');
    expect(own?.textContent).not.toContain('Imported');
  });

  it('names the file, row, date and user on the certificate page; no signed PDF, no signing', async () => {
    render(
      <CertificatePage api={kp.api} id={importedId} user={admin} navigate={() => undefined} />,
    );
    const note = await screen.findByTestId('imported-note');
    expect(note.textContent).toMatch(
      /^Imported from history-2016\.csv, row 1, on .*2026.* by Ada Admin; not signed by KP Desk\.$/,
    );
    const documents = screen.getByRole('region', { name: 'Documents' });
    expect(within(documents).getByTestId('imported-documents').textContent).toContain(
      'No signed PDF: this certificate was issued outside KP Desk',
    );
    expect(within(documents).queryByRole('button')).toBeNull();
  });

  it('shows no import mark on a certificate made in KP Desk', async () => {
    render(<CertificatePage api={kp.api} id={1} user={admin} navigate={() => undefined} />);
    await screen.findByRole('heading', { name: 'Certificate US10001' });
    expect(screen.queryByTestId('imported-note')).toBeNull();
  });
});
