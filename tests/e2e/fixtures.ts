// The preview host for e2e tests: one per TEST, each with its own empty vault folder (a first
// run), a free port and its own token, serving the already-built renderer and bridge client from
// dist/ (npm test builds first). `app` opens the page with the token in the fragment, exactly as a
// developer opens the printed address, and waits for first-run setup. `signedIn` goes on through
// first-run setup by keyboard (first-run-steps.ts) and yields the signed-in app.
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { completeFirstRunByKeyboard } from './first-run-steps';
import type { FirstRunResult } from './first-run-steps';
import { startTempPreview } from './temp-preview';
import type { TempPreview } from './temp-preview';

type TestFixtures = {
  /** A preview host on a fresh, empty vault folder, removed after the test. */
  preview: TempPreview;
  /** The page at first-run setup. */
  app: Page;
  /** The page signed in as the first administrator after first-run setup by keyboard. */
  signedIn: { page: Page; setup: FirstRunResult };
};

export const FIRST_RUN_HEADING = 'Welcome to KP Desk: create your vault';

export const test = base.extend<TestFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  preview: async ({}, use) => {
    const preview = await startTempPreview('kpdesk-e2e-');
    try {
      await use(preview);
    } finally {
      await preview.close();
    }
  },
  app: async ({ page, preview }, use) => {
    await page.goto(preview.openUrl);
    await expect(page.getByRole('heading', { name: FIRST_RUN_HEADING })).toBeVisible();
    await use(page);
  },
  signedIn: async ({ app }, use) => {
    const setup = await completeFirstRunByKeyboard(app);
    await use({ page: app, setup });
  },
});

export { expect };
