// One screen checked as a user would meet it, at 1280×800 and 1920×1080: axe finds nothing,
// nothing scrolls sideways, and the whole page is saved to docs/screenshots/<name>-<width>.png
// for a person to look at. The viewport is back at 1280×800 afterwards.
import { mkdir } from 'node:fs/promises';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

export async function checkScreenAtSizes(page: Page, name: string): Promise<void> {
  await mkdir('docs/screenshots', { recursive: true });
  for (const size of sizes) {
    const at = `${name} at ${String(size.width)}×${String(size.height)}`;
    await page.setViewportSize(size);
    await expectNoAxeViolations(page, at);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${at} scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: `docs/screenshots/${name}-${String(size.width)}.png`,
      fullPage: true,
    });
  }
  await page.setViewportSize(sizes[0]);
}
