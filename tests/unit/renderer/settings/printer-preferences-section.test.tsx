// @vitest-environment jsdom
// Settings → Printing on this computer, against the real core with this computer's preferences in
// a real `conf` store (temp folder): a bad offset is refused at its field and nothing is saved; a
// good one is saved for the named printer, in the preferences file, not in the vault.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import { createPreferencesService } from '../../../../electron/core/preferences/preferences-service';
import { createConfPreferencesStore } from '../../../../preview/conf-preferences-store';
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

it('saves a printer’s offsets on this computer, refusing a bad one at its field', async () => {
  dir = mkdtempSync(join(tmpdir(), 'kp-computer-'));
  const store = createConfPreferencesStore(dir);
  kp = shellKp({}, { preferences: createPreferencesService(store) });
  await kp.harness.firstRun();
  const user = userEvent.setup();
  render(<PrinterPreferencesSection api={kp.api} />);

  await user.type(await screen.findByLabelText('Printer name'), 'Office Epson');
  const right = screen.getByLabelText('Printer offset right (points)');
  await user.clear(right);
  await user.type(right, '100');
  await user.click(screen.getByRole('button', { name: 'Save for this computer' }));
  expect(await screen.findByText('An offset is at most one inch (72 pt) either way.')).toBeTruthy();
  expect(right.getAttribute('aria-invalid')).toBe('true');
  expect(
    (await kp.harness.value<{ currentPrinter: string | null }>('preferences:get')).currentPrinter,
  ).toBeNull();

  await user.clear(right);
  await user.type(right, '3.5');
  await user.selectOptions(screen.getByLabelText('Numbers and dates'), 'de-DE');
  await user.click(screen.getByRole('button', { name: 'Save for this computer' }));
  expect(await screen.findByText(/Saved on this computer/)).toBeTruthy();
  expect(JSON.parse(readFileSync(store.path, 'utf8'))).toMatchObject({
    currentPrinter: 'Office Epson',
    printerCalibrations: { 'Office Epson': { offsetXPt: 3.5, offsetYPt: 0 } },
    locale: 'de-DE',
  });
});
