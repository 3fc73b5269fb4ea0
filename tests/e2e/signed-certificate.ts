// The prelude of the e2e tests that start from a signed certificate: a new vault seeded through
// the bridge (seed-vault.ts) with US10001 issued to Antwerp Rough BV (BE) and any further users,
// the administrator signed in through the page, a signing identity made and US10001 signed.
import type { Page } from '@playwright/test';
import { kpCall } from './kp-call';
import { SEED_ADMIN, seedVaultThroughBridge, signInThroughPage } from './seed-vault';
import type { SeedUser } from './seed-vault';

export const SIGNED_NUMBER = 'US10001';

/** Opens `openUrl` on a first run and returns the signed certificate's id; ada stays signed in. */
export async function openWithSignedCertificate(
  page: Page,
  openUrl: string,
  users: readonly SeedUser[] = [],
): Promise<number> {
  await page.goto(openUrl);
  await seedVaultThroughBridge(page, {
    certificates: [
      { number: SIGNED_NUMBER, consignee: 'Antwerp Rough BV', destination: 'BE', issue: true },
    ],
    users,
  });
  await page.reload();
  await signInThroughPage(page, SEED_ADMIN);
  const { items } = await kpCall(page, 'certificates:list', { state: 'ISSUED' });
  const certificateId = items.find((item) => item.number === SIGNED_NUMBER)?.id;
  if (certificateId === undefined) throw new Error(`${SIGNED_NUMBER} was not issued`);
  await kpCall(page, 'identity:generate', { signerName: 'Ada Admin' });
  await kpCall(page, 'documents:sign', { certificateId });
  return certificateId;
}
