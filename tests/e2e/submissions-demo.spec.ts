// The demo recipient of `npm run preview`, end to end in Chromium: the preview host runs with its
// demo intake on (as `npm run preview` does), first-run setup points Census and USKPA at it, and
// a certificate issued, signed and shipped has its copies go Pending → Delivered with a receipt
// verified today, no settings typed. Submissions and Settings > Recipients say it is the demo
// intake on this computer and that nothing reaches Census. axe finds nothing on each screen;
// screenshots go to docs/screenshots/submissions-demo-*.png.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { checkScreenAtSizes } from './screen-check';
import { seedVaultThroughBridge, signInThroughPage } from './seed-vault';
import { startBuiltPreview } from './start-built-preview';
import type { RunningPreview } from './start-built-preview';

let dataDir = '';
let preview: RunningPreview;

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kpdesk-e2e-demo-'));
  preview = await startBuiltPreview({ dataDir, demoIntake: true });
});
test.afterAll(async () => {
  await preview.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function kp(page: Page, channel: string, input: unknown): Promise<unknown> {
  const answer = await page.evaluate(
    async ({ name, payload }) => {
      const [namespace = '', verb = ''] = name.split(':');
      const api = (window as Window & { kp?: unknown }).kp as Record<
        string,
        Record<
          string,
          (input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>
        >
      >;
      const call = api[namespace]?.[verb];
      if (call === undefined) throw new Error(`window.kp has no ${name}`);
      return call(payload);
    },
    { name: channel, payload: input },
  );
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

test('a new vault of the preview delivers its copies to the labelled demo intake', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.goto(preview.openUrl);
  await seedVaultThroughBridge(page, {
    certificates: [
      { number: 'US10001', consignee: 'Antwerp Rough BV', destination: 'BE', issue: true },
    ],
  });
  await page.reload();
  await signInThroughPage(page);
  await kp(page, 'identity:generate', { signerName: 'Ada Admin' });
  await kp(page, 'documents:sign', { certificateId: 1 });
  const today = new Date().toISOString().slice(0, 10);
  await kp(page, 'certificates:ship', { id: 1, shipDate: today });

  await page.getByRole('button', { name: /^Submissions/ }).click();
  await expect(page.getByRole('heading', { name: 'Submissions', level: 1 })).toBeVisible();
  await expect(page.getByTestId('demo-recipient-note')).toContainText(
    'Demo recipient: demo intake on this computer; nothing reaches Census or USKPA.',
  );
  const censusRow = page.locator('tr[data-submission="US10001/shipped/v1"]');
  await expect(censusRow.getByText('Delivered', { exact: true })).toBeVisible({ timeout: 60_000 });
  await censusRow.getByRole('button', { name: /^Receipt/ }).click();
  await expect(page.getByText('Verified today: this receipt proves the delivery.')).toBeVisible();
  await page.keyboard.press('Escape');
  await checkScreenAtSizes(page, 'submissions-demo-queue');

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByTestId('demo-recipient-census')).toHaveText(
    'Demo recipient: demo intake on this computer; nothing reaches Census. Save your own settings below to replace it.',
  );
  await expect(page.getByTestId('demo-recipient-uskpa')).toContainText('nothing reaches USKPA');
  await page.getByTestId('demo-recipient-census').scrollIntoViewIfNeeded();
  await checkScreenAtSizes(page, 'submissions-demo-settings');
});
