// Keyboard helpers for the issuance wizard e2e tests, on top of first-run-steps.ts: Tab to a
// field by its label and type, choose in a closed <select> by typing (the browser's type-ahead),
// press a button with Enter, and wait for a wizard step's heading to take the focus.
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { tabTo } from './first-run-steps';

export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.type(text);
}

/** A focused, closed <select> picks the first option whose label starts with what is typed. */
export async function chooseByTyping(page: Page, label: string, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.type(text);
}

export async function press(page: Page, name: string): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.press('Enter');
}

export async function tick(page: Page, label: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.press('Space');
}

export async function atWizardStep(page: Page, number: number, title: string): Promise<void> {
  const heading = page.getByRole('heading', {
    level: 2,
    name: `Step ${String(number)} of 7: ${title}`,
  });
  await expect(heading).toBeFocused({ timeout: 60_000 });
}

/** A date input in Chromium's en-US form takes its digits as MMDDYYYY. */
export function dateKeys(date: Date): string {
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  const dd = String(date.getDate()).padStart(2, '0');
  return `${mm}${dd}${String(date.getFullYear())}`;
}

export function isoDate(date: Date): string {
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  const dd = String(date.getDate()).padStart(2, '0');
  return `${String(date.getFullYear())}-${mm}-${dd}`;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** An ITN accepted today: "X" + YYYYMMDD + 6 digits. */
export function itnFor(date: Date): string {
  return `X${isoDate(date).replaceAll('-', '')}123456`;
}
