// First-run setup driven by the KEYBOARD ONLY: Tab moves the focus, typing fills the focused
// field, Space ticks a box, Enter presses the focused button. The page is only read (which element
// has the focus, the recovery key shown once), never clicked. Other e2e tests (the issuance
// wizard) start from here: call it on a page opened at a fresh preview host (fixtures.ts `app`).
// Keep the signature stable: completeFirstRunByKeyboard(page, options?) → FirstRunResult.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

export type FirstRunLicensee = {
  legalName: string;
  address: string;
  /** NN-NNNNNNN */
  tin: string;
  isCommonCarrier: boolean;
};

export type FirstRunAdministrator = { displayName: string; username: string; password: string };

export type FirstRunOptions = {
  passphrase?: string;
  licensee?: Partial<FirstRunLicensee>;
  administrator?: Partial<FirstRunAdministrator>;
  /**
   * The signing identity generated at its step (signer's name, by default the administrator's
   * name); null leaves it for later (no document can be signed then).
   */
  identity?: { signerName?: string; keyType?: 'ecdsa-p256' | 'rsa-3072' | 'rsa-2048' } | null;
  /**
   * How the new identity's keys open after a restart (issue 13, part 3): 'this-computer' (the
   * preselected choice, the default), { secret } (a signing secret only, the computer unticked),
   * or 'later' (nothing chosen: signing is locked after the next start).
   */
  signingKeys?: 'this-computer' | { secret: string } | 'later';
  /** Form numbers to register ("US10000-US10099, US10150"); null skips the stock step. */
  stock?: string | null;
  /** Called at each step once its heading has the focus (e.g. to take a screenshot). */
  onStep?: (step: FirstRunStepName, page: Page) => Promise<void>;
};

export type FirstRunStepName =
  'vault' | 'recovery' | 'licensee' | 'administrator' | 'identity' | 'stock' | 'done';

export type FirstRunResult = {
  recoveryKey: string;
  passphrase: string;
  licensee: FirstRunLicensee;
  administrator: FirstRunAdministrator;
  stock: string | null;
  /** The signer's name of the generated identity, or null when it was left for later. */
  identitySignerName: string | null;
};

export const defaultFirstRun = {
  passphrase: 'correct horse battery staple 2026',
  licensee: {
    legalName: 'Acme Rough Diamonds LLC',
    address: '580 Fifth Avenue, New York, NY 10036, United States',
    tin: '12-3456789',
    isCommonCarrier: false,
  },
  administrator: {
    displayName: 'Ada Lovelace',
    username: 'ada',
    password: 'analytical-engine-1843',
  },
  stock: 'US10000-US10049',
} as const;

const MAX_TABS = 40;

/** What a user hears for the focused element: its label, or a button's text. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement)) return '';
    const labelled =
      element instanceof HTMLInputElement ||
      element instanceof HTMLTextAreaElement ||
      element instanceof HTMLSelectElement
        ? element.labels?.[0]?.textContent
        : null;
    return (labelled ?? element.getAttribute('aria-label') ?? element.textContent).trim();
  });
}

/** Presses Tab until the focused element is called `name`; fails if it never comes. */
export async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < MAX_TABS; i += 1) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Pressed Tab ${String(MAX_TABS)} times without reaching "${name}".`);
}

async function typeInto(page: Page, name: string, text: string): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.type(text);
}

async function pressButton(page: Page, name: string): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.press('Enter');
}

/** Each step's heading takes the focus when it appears; the Tab order starts there. */
async function atStep(
  page: Page,
  title: string | RegExp,
  step: FirstRunStepName,
  options: FirstRunOptions,
) {
  const heading = page.getByRole('heading', { level: 1, name: title });
  await expect(heading).toBeFocused({ timeout: 60_000 });
  await options.onStep?.(step, page);
}

export async function completeFirstRunByKeyboard(
  page: Page,
  options: FirstRunOptions = {},
): Promise<FirstRunResult> {
  const passphrase = options.passphrase ?? defaultFirstRun.passphrase;
  const licensee = { ...defaultFirstRun.licensee, ...options.licensee };
  const administrator = { ...defaultFirstRun.administrator, ...options.administrator };
  const stock = options.stock === undefined ? defaultFirstRun.stock : options.stock;
  // The vault's scrypt work (create, recovery check, password hashing) takes seconds on a busy
  // machine: setup gets its own time on top of the caller's test.
  test.info().setTimeout(test.info().timeout + 90_000);

  await atStep(page, 'Welcome to KP Desk: create your vault', 'vault', options);
  await typeInto(page, 'Vault passphrase', passphrase);
  await typeInto(page, 'Type the passphrase again', passphrase);
  await pressButton(page, 'Create the vault');

  await atStep(page, 'Write down your recovery key', 'recovery', options);
  const recoveryKey = ((await page.getByTestId('recovery-key').textContent()) ?? '').trim();
  expect(recoveryKey).toMatch(/^KPR(-[0-9A-Z]{5}){8}$/);
  await typeInto(page, 'Type the recovery key back', recoveryKey);
  await pressButton(page, 'I have written it down: continue');

  await atStep(page, 'Who is the licensee?', 'licensee', options);
  await typeInto(page, 'Legal name', licensee.legalName);
  await typeInto(page, 'Address', licensee.address);
  await typeInto(page, 'Taxpayer Identification Number (TIN)', licensee.tin);
  if (licensee.isCommonCarrier) {
    await tabTo(page, 'We are a common carrier');
    await page.keyboard.press('Space');
  }
  await pressButton(page, 'Continue');

  await atStep(page, 'Create the first administrator', 'administrator', options);
  await typeInto(page, 'Full name', administrator.displayName);
  await typeInto(page, 'Username', administrator.username);
  await typeInto(page, 'Password', administrator.password);
  await typeInto(page, 'Type the password again', administrator.password);
  await pressButton(page, 'Create the administrator');

  await atStep(page, 'Signing identity', 'identity', options);
  const identitySignerName =
    options.identity === null ? null : (options.identity?.signerName ?? administrator.displayName);
  if (identitySignerName === null) {
    await pressButton(page, 'Set it up later in Settings');
  } else {
    await typeInto(page, 'Signer’s name', identitySignerName);
    // The key types are listed ECDSA P-256 (the default), RSA 3072, RSA 2048.
    const steps = { 'ecdsa-p256': 0, 'rsa-3072': 1, 'rsa-2048': 2 }[
      options.identity?.keyType ?? 'ecdsa-p256'
    ];
    if (steps > 0) {
      await tabTo(page, 'Key type');
      for (let i = 0; i < steps; i += 1) await page.keyboard.press('ArrowDown');
    }
    await pressButton(page, 'Generate the identity');
    await expect(page.getByTestId('identity-details')).toBeVisible({ timeout: 120_000 });
    const keys = options.signingKeys ?? 'this-computer';
    if (keys !== 'later') {
      if (keys !== 'this-computer') {
        await tabTo(page, 'Open this computer for signing (recommended for a one-person office)');
        await page.keyboard.press('Space');
        await typeInto(page, 'Signing secret (optional, recommended)', keys.secret);
        await typeInto(page, 'Type the signing secret again', keys.secret);
      }
      await pressButton(page, 'Protect the signing keys');
      await expect(page.getByText('The signing keys are protected.', { exact: false })).toBeVisible(
        { timeout: 120_000 },
      );
    }
    await options.onStep?.('identity', page);
    await pressButton(page, 'Continue');
  }

  await atStep(page, 'Register your blank forms', 'stock', options);
  if (stock !== null) {
    await typeInto(page, 'Form numbers', stock);
    await pressButton(page, 'Register these forms');
    await expect(page.getByTestId('stock-counts')).toBeVisible();
    await options.onStep?.('stock', page);
    await pressButton(page, 'Finish setup');
  } else {
    await pressButton(page, 'Skip and finish setup');
  }

  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toContainText(administrator.displayName);
  await options.onStep?.('done', page);
  return { recoveryKey, passphrase, licensee, administrator, stock, identitySignerName };
}
