// Records end to end, in Chromium through the preview host, on its own preview (a fresh vault):
// the vault is set up through window.kp, the user signs in through the page, opens an issued
// certificate from the list with the keyboard, voids it with a reason after the confirmation,
// and finds it in records under "Voided". axe finds no violation on the list and the certificate
// page at 1280×800 and 1920×1080; each view is saved to docs/screenshots/records-*.png.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { KpApi } from '../../shared/ipc/api';
import { startBuiltPreview } from './start-built-preview';
import type { RunningPreview } from './start-built-preview';

const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

const SEED_USER = { username: 'ada', password: 'correct horse battery staple' };

type SeedCertificate = {
  number: string;
  consignee: string;
  destination: 'BE' | 'AE' | 'IN';
  issue: boolean;
};

const seedCertificates: readonly SeedCertificate[] = [
  { number: 'US10001', consignee: 'Antwerp Rough BV', destination: 'BE', issue: true },
  { number: 'US10002', consignee: 'Dubai Gems DMCC', destination: 'AE', issue: true },
  { number: 'US10003', consignee: 'Mumbai Traders Pvt', destination: 'IN', issue: false },
  { number: 'US10004', consignee: 'Schupstraat Diamonds BV', destination: 'BE', issue: true },
];

/** Runs in the page: every step through window.kp; throws with the step's error if one fails. */
async function seedVaultThroughBridge(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as Window & { kp?: unknown }).kp !== undefined);
  await page.evaluate(
    async ({ user, certificates }) => {
      const kp = (window as Window & { kp?: KpApi }).kp;
      if (kp === undefined) throw new Error('window.kp is missing');
      const must = async <T>(
        step: string,
        call: Promise<{ ok: boolean; value?: T; error?: unknown }>,
      ) => {
        const result = await call;
        if (!result.ok) throw new Error(`${step}: ${JSON.stringify(result.error)}`);
        return result.value as T;
      };
      const created = await must<{ recoveryKey: string }>(
        'vault:create',
        kp.vault.create({ passphrase: 'a long vault passphrase for e2e' }),
      );
      await must(
        'users:createFirstAdministrator',
        kp.users.createFirstAdministrator({ ...user, displayName: 'Ada Admin' }),
      );
      await must(
        'vault:confirmRecoveryKey',
        kp.vault.confirmRecoveryKey({ recoveryKey: created.recoveryKey }),
      );
      await must(
        'licensee:save',
        kp.licensee.save({
          legalName: 'Hudson Rough Trading LLC',
          address: '580 Fifth Avenue, New York, NY 10036, United States',
          tin: '12-3456789',
          isCommonCarrier: true,
        }),
      );
      await must('stock:register', kp.stock.register({ numbers: 'US10000-US10049' }));
      const addresses = {
        BE: 'Hoveniersstraat 30\n2018 Antwerp\nBelgium',
        AE: 'Almas Tower, JLT\nDubai\nUnited Arab Emirates',
        IN: 'Bharat Diamond Bourse\nMumbai 400051\nIndia',
      };
      for (const seed of certificates) {
        const digits = seed.number.slice(2);
        const record = await must<{ id: number }>(
          'certificates:createDraft',
          kp.certificates.createDraft({
            number: seed.number,
            draft: {
              number: seed.number,
              countryOfOrigin: 'CD',
              dateOfIssue: '2026-11-27',
              dateOfExpiry: '2027-01-26',
              exportDate: '2026-11-28',
              exporter: {
                name: 'Hudson Rough Trading LLC',
                address: '580 Fifth Avenue\nNew York, NY 10036\nUnited States',
              },
              consignee: { name: seed.consignee, address: addresses[seed.destination] },
              destinationCountry: seed.destination,
              carats: '12.50',
              valueUsd: '15000.00',
              parcels: '2',
              hsCodes: ['7102.31'],
              itn: '',
              aes: {
                licenseType: 'T12',
                licenseNumber: digits,
                licenseValue: '15000.00',
                fromForeignTradeZone: false,
                ftzNumber: '',
              },
            },
          }),
        );
        if (!seed.issue) continue;
        await must(
          'certificates:recordItn',
          kp.certificates.recordItn({ id: record.id, itn: 'X20261127123456' }),
        );
        await must(
          'certificates:issue',
          kp.certificates.issue({
            id: record.id,
            attested: true,
            packaging: {
              description: '2 parcels in a sealed tamper-evident box',
              sealNumbers: ['S-1001'],
            },
            warranty: {
              statement:
                'The diamonds herein invoiced have been purchased from legitimate sources not involved in funding conflict.',
              invoiceNumbers: ['INV-77'],
            },
          }),
        );
      }
      await must('session:signOut', kp.session.signOut({}));
    },
    { user: SEED_USER, certificates: seedCertificates },
  );
}

/** Signs in through the page's own sign-in form. */
async function signInThroughPage(page: Page): Promise<void> {
  await page.getByLabel('Username').fill(SEED_USER.username);
  await page.getByLabel('Password', { exact: true }).fill(SEED_USER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

let preview: RunningPreview;
test.beforeAll(async () => {
  preview = await startBuiltPreview();
});
test.afterAll(async () => {
  await preview.stop();
});

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

async function checkEachSize(page: Page, name: string): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await expectNoAxeViolations(page, `${name} at ${String(size.width)}×${String(size.height)}`);
    await page.screenshot({
      path: `docs/screenshots/records-${name}-${String(size.width)}x${String(size.height)}.png`,
    });
  }
  await page.setViewportSize(sizes[0]);
}

test('void a certificate with a reason and find it in records', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(preview.openUrl);
  await seedVaultThroughBridge(page);
  await page.reload();
  await signInThroughPage(page);

  const list = page.getByRole('listbox', { name: 'Certificates' });
  await expect(page.getByRole('heading', { name: 'Records', level: 1 })).toBeVisible();
  await expect(page.getByTestId('records-count')).toHaveText('4 certificates');
  await checkEachSize(page, 'list');

  // Narrow to issued certificates, then open US10002 with the keyboard alone.
  await page.getByLabel('State').selectOption('ISSUED');
  await expect(page.getByTestId('records-count')).toHaveText('3 certificates');
  await list.focus();
  await page.keyboard.press('Home');
  await expect(list.getByRole('option', { selected: true })).toHaveAccessibleName(/^US10004\b/);
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toHaveAccessibleName(/^US10002\b/);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Certificate US10002' })).toBeVisible();
  await expect(page.getByText('Dubai Gems DMCC')).toBeVisible();
  await checkEachSize(page, 'certificate');

  // A reason is required; "Other" needs notes; then a confirmation naming the certificate.
  await page.getByRole('button', { name: 'Void US10002…' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose the reason');
  await page.getByLabel('Reason for voiding').selectOption('Customer canceled shipment');
  await page.getByRole('button', { name: 'Void US10002…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Void certificate US10002?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await expectNoAxeViolations(page, 'the void confirmation');
  await page.screenshot({ path: 'docs/screenshots/records-void-confirm.png' });
  await dialog.getByRole('button', { name: 'Void US10002' }).click();
  await expect(page.getByText(/US10002 is voided/)).toBeVisible();
  await expect(page.getByText('Customer canceled shipment')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/records-voided.png' });

  // Back in records, the voided certificate is found under "Voided".
  await page.getByRole('button', { name: '← Back to records' }).click();
  await page.getByLabel('State').selectOption('VOIDED');
  await expect(page.getByTestId('records-count')).toHaveText('1 certificate');
  await expect(list.getByRole('option')).toHaveAccessibleName(/^US10002\b.*\bVoided\b/);
  await page.screenshot({ path: 'docs/screenshots/records-found-voided.png' });
});
