// The preview host for e2e tests: one per worker, on a free port with its own token, serving the
// already-built renderer and bridge client from dist/ (npm test builds first). `app` opens the
// page with the token in the fragment, exactly as a developer opens the printed address.
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startBuiltPreview } from './start-built-preview';
import type { RunningPreview } from './start-built-preview';

type WorkerFixtures = { preview: RunningPreview };
type TestFixtures = { app: Page };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  preview: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const preview = await startBuiltPreview();
      await use(preview);
      await preview.stop();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, preview }, use) => {
    await page.goto(preview.openUrl);
    await expect(page.getByRole('heading', { name: 'Export certificate' })).toBeVisible();
    await use(page);
  },
});

export { expect };
