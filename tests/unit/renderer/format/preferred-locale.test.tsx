// @vitest-environment jsdom
// The saved number and date format (this computer's preference, issue 16) reaches every screen:
// read at start by PreferredLocaleProvider (as main.tsx mounts it), en-US without one, and a
// change saved in Settings applies at once, without a restart. Real core, real conf store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import { createPreferencesService } from '../../../../electron/core/preferences/preferences-service';
import { createConfPreferencesStore } from '../../../../preview/conf-preferences-store';
import { PreferredLocaleProvider } from '../../../../renderer/src/format/PreferredLocaleProvider';
import { bindFormatters, useFormat } from '../../../../renderer/src/format/use-format';
import { PrinterPreferencesSection } from '../../../../renderer/src/settings/PrinterPreferencesSection';
import { shellKp } from '../shell/shell-kp';
import type { ShellKp } from '../shell/shell-kp';

let kp: ShellKp | undefined;
let dir = '';
afterEach(() => {
  cleanup();
  kp?.harness.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** A figure and a date as any screen writes them, in the locale in force. */
const written = (format: ReturnType<typeof bindFormatters>) =>
  `${format.usd(1_250_050)} · ${format.date('2026-11-27')}`;
const inLocale = (locale: string) => written(bindFormatters(locale));

function Figures() {
  return <p data-testid="figures">{written(useFormat())}</p>;
}

function start() {
  dir = mkdtempSync(join(tmpdir(), 'kp-locale-'));
  kp = shellKp({}, { preferences: createPreferencesService(createConfPreferencesStore(dir)) });
  return kp;
}

it('writes figures in en-US when this computer has no preference', async () => {
  const { api } = start();
  render(
    <PreferredLocaleProvider api={api}>
      <Figures />
    </PreferredLocaleProvider>,
  );
  await waitFor(() => {
    expect(kp?.calls).toContain('preferences:get');
  });
  expect(screen.getByTestId('figures').textContent).toBe(inLocale('en-US'));
  expect(inLocale('en-US')).toContain('12,500.50');
});

it('starts with the saved locale and follows a change saved in Settings at once', async () => {
  const { api, harness } = start();
  expect(inLocale('en-GB')).not.toBe(inLocale('de-DE'));
  await harness.value('preferences:save', { locale: 'de-DE' });
  const user = userEvent.setup();
  render(
    <PreferredLocaleProvider api={api}>
      <Figures />
      <PrinterPreferencesSection api={api} />
    </PreferredLocaleProvider>,
  );
  const figures = screen.getByTestId('figures');
  // German writes the thousands with a dot and the cents after a comma.
  expect(inLocale('de-DE')).toContain('12.500,50');
  await waitFor(() => {
    expect(figures.textContent).toBe(inLocale('de-DE'));
  });

  await user.selectOptions(await screen.findByLabelText('Numbers and dates'), 'en-GB');
  // Only saving changes the screens: a choice not yet saved is not in force.
  expect(figures.textContent).toBe(inLocale('de-DE'));
  await user.click(screen.getByRole('button', { name: 'Save for this computer' }));
  await waitFor(() => {
    expect(figures.textContent).toBe(inLocale('en-GB'));
  });
});
