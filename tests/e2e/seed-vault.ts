// A vault set up through window.kp in the page, for e2e tests that start after first-run setup
// (first-run.spec.ts walks the setup itself): the vault, the first administrator, the licensee,
// 50 forms of stock, any further users and certificates (drafts, or issued with an ITN), then
// signed out so the test signs in through the page. Each call that fails throws with its step.
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { CertificateDraft } from '../../shared/domain/certificate-draft';
import type { KpApi } from '../../shared/ipc/api';

export const SEED_PASSPHRASE = 'a long vault passphrase for e2e';

export type SeedUser = {
  displayName: string;
  username: string;
  password: string;
  role: 'administrator' | 'operator' | 'reviewer';
};

export const SEED_ADMIN: SeedUser = {
  displayName: 'Ada Admin',
  username: 'ada',
  password: 'correct horse battery staple',
  role: 'administrator',
};

export type SeedCertificate = {
  number: string;
  consignee: string;
  destination: 'BE' | 'AE' | 'IN';
  issue: boolean;
};

const addresses = {
  BE: 'Hoveniersstraat 30\n2018 Antwerp\nBelgium',
  AE: 'Almas Tower, JLT\nDubai\nUnited Arab Emirates',
  IN: 'Bharat Diamond Bourse\nMumbai 400051\nIndia',
};

/** A certificate that passes every rule once it has its ITN. */
export function draftOf(seed: SeedCertificate): CertificateDraft {
  return {
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
      licenseNumber: seed.number.slice(2),
      licenseValue: '15000.00',
      fromForeignTradeZone: false,
      ftzNumber: '',
    },
  };
}

/** A draft saved by the signed-in user through window.kp (not issued). */
export async function createDraftThroughBridge(page: Page, seed: SeedCertificate): Promise<void> {
  await page.evaluate(
    async ({ number, draft }) => {
      const kp = (window as Window & { kp?: KpApi }).kp;
      const result = await kp?.certificates.createDraft({ number, draft });
      if (result?.ok !== true) throw new Error(`createDraft: ${JSON.stringify(result)}`);
    },
    { number: seed.number, draft: draftOf(seed) },
  );
}

export type SeedOptions = {
  certificates: readonly SeedCertificate[];
  /** Users besides the first administrator. */
  users?: readonly SeedUser[];
};

/** Runs in the page: every step through window.kp. Returns the vault's recovery key. */
export async function seedVaultThroughBridge(
  page: Page,
  { certificates, users = [] }: SeedOptions,
): Promise<{ recoveryKey: string }> {
  await page.waitForFunction(() => (window as Window & { kp?: unknown }).kp !== undefined);
  return page.evaluate(
    async ({ admin, others, seeds, passphrase }) => {
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
        kp.vault.create({ passphrase }),
      );
      const { displayName, username, password } = admin;
      await must(
        'users:createFirstAdministrator',
        kp.users.createFirstAdministrator({ displayName, username, password }),
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
      for (const user of others) await must('users:create', kp.users.create(user));
      for (const seed of seeds) {
        const record = await must<{ id: number }>(
          'certificates:createDraft',
          kp.certificates.createDraft({ number: seed.number, draft: seed.draft }),
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
      return { recoveryKey: created.recoveryKey };
    },
    {
      admin: SEED_ADMIN,
      others: users,
      seeds: certificates.map((seed) => ({ ...seed, draft: draftOf(seed) })),
      passphrase: SEED_PASSPHRASE,
    },
  );
}

/** Signs in through the page's own sign-in form and waits for the signed-in frame. */
export async function signInThroughPage(
  page: Page,
  user: Pick<SeedUser, 'username' | 'password' | 'displayName'> = SEED_ADMIN,
): Promise<void> {
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(user.displayName);
}

/** Signs out with the header's button and waits for the sign-in screen. */
export async function signOutThroughPage(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}
