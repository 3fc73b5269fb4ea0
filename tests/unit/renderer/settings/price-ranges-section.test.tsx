// @vitest-environment jsdom
// Settings → Usual prices per carat (issue 16, rule 6) against the real core and a real vault:
// a bad range is refused with the summary ABOVE the boxes ("see the fields marked below") and the
// rule at its box, nothing saved; a good one is saved and the validator warns with it at once;
// saving the section above does not undo it; "Reset to the defaults" brings back the defaults.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import { defaultPriceRanges } from '../../../../shared/domain/validation-settings';
import type { SettingsView } from '../../../../shared/records/vault-settings';
import { PriceRangesSection } from '../../../../renderer/src/settings/PriceRangesSection';
import { VaultSettingsSection } from '../../../../renderer/src/settings/VaultSettingsSection';
import { validDraft } from '../../domain/certificate-fixtures';
import { shellKp } from '../shell/shell-kp';
import type { ShellKp } from '../shell/shell-kp';

let kp: ShellKp | undefined;
afterEach(() => {
  cleanup();
  kp?.harness.dispose();
});

const follows = (later: Element, earlier: Element) =>
  (earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

it('edits the ranges per HS code, refusing a bad one at its box with the summary above', async () => {
  kp = shellKp({});
  await kp.harness.firstRun();
  const harness = kp.harness;
  const user = userEvent.setup();
  render(
    <>
      <VaultSettingsSection api={kp.api} editable />
      <PriceRangesSection api={kp.api} editable />
    </>,
  );
  const section = screen.getByRole('region', { name: 'Usual prices per carat' });
  const lowest = await within(section).findByLabelText('7102.31 lowest US$ per carat');
  const highest = within(section).getByLabelText('7102.31 highest US$ per carat');
  expect((lowest as HTMLInputElement).value).toBe('5');

  await user.clear(lowest);
  await user.type(lowest, '5,000');
  await user.clear(highest);
  await user.type(highest, '2000');
  await user.click(within(section).getByRole('button', { name: 'Save the prices' }));

  const summary = within(section).getByRole('alert');
  await waitFor(() => {
    expect(summary.textContent).toBe('The prices were not saved: see the fields marked below.');
  });
  // "below" is true: the summary comes before every box in reading order.
  expect(follows(lowest, summary)).toBe(true);
  expect(highest.getAttribute('aria-invalid')).toBe('true');
  const describedBy = highest.getAttribute('aria-describedby') ?? '';
  const atBox = describedBy
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
  expect(atBox).toContain('7102.31: the lowest US$ per carat must be below the highest.');
  expect((await harness.value<SettingsView>('settings:get')).saved).toBe(false);

  await user.clear(highest);
  await user.type(highest, '9000');
  await user.click(within(section).getByRole('button', { name: 'Save the prices' }));
  await within(section).findByText('Saved. The checks use these prices from the next check.');
  const dearer = {
    ...defaultPriceRanges,
    '7102.31': { minUsdPerCarat: 5000, maxUsdPerCarat: 9000 },
  };
  expect((await harness.value<SettingsView>('settings:get')).pricePerCaratRanges).toEqual(dearer);
  const report = await harness.value<{ findings: { code: string; message: string }[] }>(
    'certificates:validate',
    { certificate: validDraft(), purpose: 'draft' },
  );
  expect(report.findings.find((f) => f.code === 'VALUE_PER_CARAT_UNUSUAL')?.message).toContain(
    'US$ 1,200.00 per carat',
  );

  // The section above saves its own numbers without touching the prices.
  await user.click(screen.getByRole('button', { name: 'Save the settings' }));
  await screen.findByText('Saved. The rules use the new values from the next check.');
  expect((await harness.value<SettingsView>('settings:get')).pricePerCaratRanges).toEqual(dearer);

  await user.click(within(section).getByRole('button', { name: 'Reset to the defaults' }));
  await within(section).findByText('Back to the defaults from public KP statistics.');
  expect((lowest as HTMLInputElement).value).toBe('5');
  expect((await harness.value<SettingsView>('settings:get')).pricePerCaratRanges).toEqual(
    defaultPriceRanges,
  );
});
