// Issue 13, part 3, in Chromium through the preview host (its file keychain stands in for the OS
// keychain): a new user makes the signing identity in the first run, chooses how its keys open,
// locks the vault (the key held in the session is gone, as after a restart), opens it again and
// signs a certificate. With "open this computer" (the preselected choice) signing simply works;
// with a signing secret only, the refusal says signing is locked and unlocks right there.
import type { Page } from '@playwright/test';
import type { KpApi } from '../../shared/ipc/api';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { completeFirstRunByKeyboard } from './first-run-steps';
import type { FirstRunResult } from './first-run-steps';
import { draftOf } from './seed-vault';

const SECRET = 'the owner signing secret 2026';

/** Issues US10001 through window.kp as the signed-in administrator (not signed yet). */
async function issueThroughBridge(page: Page): Promise<void> {
  await page.evaluate(
    async ({ draft }) => {
      const kp = (window as Window & { kp?: KpApi }).kp;
      if (kp === undefined) throw new Error('window.kp is missing');
      const created = await kp.certificates.createDraft({ number: 'US10001', draft });
      if (!created.ok) throw new Error(`createDraft: ${JSON.stringify(created.error)}`);
      const id = created.value.id;
      const itn = await kp.certificates.recordItn({ id, itn: 'X20261127123456' });
      if (!itn.ok) throw new Error(`recordItn: ${JSON.stringify(itn.error)}`);
      const issued = await kp.certificates.issue({
        id,
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
      });
      if (!issued.ok) throw new Error(`issue: ${JSON.stringify(issued.error)}`);
    },
    {
      draft: draftOf({
        number: 'US10001',
        consignee: 'Antwerp Rough BV',
        destination: 'BE',
        issue: true,
      }),
    },
  );
}

/** Lock, unlock with the passphrase, sign in: what a restart does to the signing keys. */
async function lockAndOpenAgain(page: Page, setup: FirstRunResult): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the vault' })).toBeVisible();
  await page.getByLabel('Vault passphrase').fill(setup.passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByLabel('Username').fill(setup.administrator.username, { timeout: 60_000 });
  await page.getByLabel('Password', { exact: true }).fill(setup.administrator.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(setup.administrator.displayName);
}

async function openCertificate(page: Page): Promise<void> {
  await page.getByRole('listbox', { name: 'Certificates' }).getByRole('option').first().click();
  await expect(page.getByRole('region', { name: 'Documents' })).toBeVisible();
}

test('first run opens this computer for signing: the certificate is signed after a restart', async ({
  app: page,
}) => {
  test.setTimeout(300_000);
  const setup = await completeFirstRunByKeyboard(page, {
    // A carrier may issue for the seed's exporter (Hudson Rough Trading LLC).
    licensee: { isCommonCarrier: true },
    onStep: async (step, current) => {
      if (step !== 'identity') return;
      const form = current.getByRole('form', { name: 'Protect the signing keys' });
      if ((await form.count()) === 0) return;
      await expect(
        form.getByRole('checkbox', { name: /Open this computer for signing/ }),
      ).toBeChecked();
      await expectNoAxeViolations(current, 'protect the signing keys');
    },
  });
  await issueThroughBridge(page);
  await lockAndOpenAgain(page, setup);

  await openCertificate(page);
  const documents = page.getByRole('region', { name: 'Documents' });
  await documents.getByRole('button', { name: 'Sign (or check) the PDF' }).click();
  await expect(documents.getByText(/Signed: \d+ page\(s\), kept in the vault/)).toBeVisible({
    timeout: 120_000,
  });
  await expect(page.getByTestId('signing-locked')).toHaveCount(0);
});

test('with a signing secret only, the locked refusal unlocks signing in place', async ({
  app: page,
}, testInfo) => {
  test.setTimeout(300_000);
  const setup = await completeFirstRunByKeyboard(page, {
    licensee: { isCommonCarrier: true },
    signingKeys: { secret: SECRET },
  });
  await issueThroughBridge(page);
  await lockAndOpenAgain(page, setup);

  await openCertificate(page);
  const documents = page.getByRole('region', { name: 'Documents' });
  await documents.getByRole('button', { name: 'Sign (or check) the PDF' }).click();
  const help = page.getByTestId('signing-locked');
  await expect(help).toContainText('Signing is locked', { timeout: 60_000 });
  await expectNoAxeViolations(page, 'signing locked');
  await page.screenshot({ path: testInfo.outputPath('signing-locked.png'), fullPage: true });
  await help.getByLabel('Your signing secret').fill(SECRET);
  await help.getByRole('button', { name: 'Unlock signing' }).click();
  await expect(documents.getByText(/Signed: \d+ page\(s\), kept in the vault/)).toBeVisible({
    timeout: 120_000,
  });
  await expect(help).toHaveCount(0);
});
