// How the "Verify a certificate file" screen looks and reads for each outcome, in Chromium through
// the preview host: the answer of documents:verify is replaced at the HTTP bridge by a sample
// (tests/helpers/verification-samples.ts, parsed with the contract's schema), so every ETSI EN
// 319 102-1 outcome is shown, whatever file is at hand. This checks the SCREEN (axe, no sideways
// scroll at 1280, 1920 and 760 px, keyboard, live region) and saves docs/screenshots/verify-*.png;
// what the real verifier answers for a real certificate is verify-certificate.spec.ts.
import type { Page } from '@playwright/test';
import { verificationSamples } from '../helpers/verification-samples';
import type { VerificationSampleName } from '../helpers/verification-samples';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { checkScreenAtSizes } from './screen-check';
import { seedVaultThroughBridge, signInThroughPage } from './seed-vault';
import type { SeedUser } from './seed-vault';

const REVIEWER: SeedUser = {
  displayName: 'Rita Reviewer',
  username: 'rita',
  password: 'a reviewer password for e2e',
  role: 'reviewer',
};

const expected: Record<VerificationSampleName, string> = {
  passed: '✓VALID: US10001.pdf',
  passedOffline: '✓VALID: US10001.pdf',
  failedPage: '✕FAILED: US10001-edited.pdf',
  failedHash: '✕FAILED: US10001.pdf',
  voided: '✕VOIDED: US10001.pdf',
  voidCopy: '✓VOID COPY: US10001-VOID.pdf',
  noChain: '?INDETERMINATE: US10001.pdf',
  outOfBounds: '?INDETERMINATE: US10001.pdf',
  rejected: '✕REJECTED: notes.pdf',
};

/** Saved at 1280 and 1920 (and 760 for the first) for a person to look at. */
const pictured = new Set<VerificationSampleName>(['passed', 'failedPage', 'noChain']);

async function answerVerifyWith(page: Page, name: VerificationSampleName): Promise<void> {
  await page.unroute('**/__kp/invoke/documents%3Averify');
  await page.route('**/__kp/invoke/documents%3Averify', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: true, value: verificationSamples[name]() }),
    }),
  );
}

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

test('every verification outcome reads clearly, by keyboard, with no axe finding or sideways scroll', async ({
  page,
  preview,
}) => {
  test.setTimeout(240_000);
  await page.goto(preview.openUrl);
  await seedVaultThroughBridge(page, { certificates: [], users: [REVIEWER] });
  await page.reload();
  await signInThroughPage(page, REVIEWER);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Verify a file' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Verify a certificate file' }),
  ).toBeFocused();

  let first = true;
  for (const name of Object.keys(expected) as VerificationSampleName[]) {
    await answerVerifyWith(page, name);
    const button = page.getByRole('button', {
      name: first ? 'Choose a PDF to verify…' : 'Verify another file…',
    });
    await button.focus();
    await page.keyboard.press('Enter');
    const outcome = page.getByTestId('verify-outcome');
    await expect(outcome.getByRole('heading', { level: 2 })).toHaveText(expected[name]);
    // The outcome is inside the polite live region, so it is announced when it arrives.
    await expect(page.locator('.verify__live[role="status"][aria-live="polite"]')).toContainText(
      expected[name].slice(1),
    );
    if (pictured.has(name)) await checkScreenAtSizes(page, `verify-${name}`);
    else {
      await expectNoAxeViolations(page, `verify ${name}`);
      expect(await sidewaysOverflow(page), `verify ${name} scrolls sideways`).toBeLessThanOrEqual(
        0,
      );
    }
    if (first) {
      await page.setViewportSize({ width: 760, height: 1000 });
      expect(await sidewaysOverflow(page), 'verify at 760 px scrolls sideways').toBeLessThanOrEqual(
        0,
      );
      await expectNoAxeViolations(page, `verify ${name} at 760 px`);
      await page.screenshot({ path: `docs/screenshots/verify-${name}-760.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    first = false;
  }
});
