// @vitest-environment jsdom
// Settings forms put their error summary ABOVE the fields it refers to, as its words say ("see
// the fields marked below"), and each error also at its field (issue 16, first day: the summaries
// said "below" while sitting below the fields). Settings → Rules, records and printing, against
// the real core and a real vault: nothing is saved.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import type { SettingsView } from '../../../../shared/records/vault-settings';
import { VaultSettingsSection } from '../../../../renderer/src/settings/VaultSettingsSection';
import { shellKp } from '../shell/shell-kp';
import type { ShellKp } from '../shell/shell-kp';

let kp: ShellKp | undefined;
afterEach(() => {
  cleanup();
  kp?.harness.dispose();
});

const before = (earlier: Element, later: Element) =>
  (earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

it('shows the summary above the fields and the rule at the field; nothing is saved', async () => {
  kp = shellKp({});
  await kp.harness.firstRun();
  const user = userEvent.setup();
  render(<VaultSettingsSection api={kp.api} editable />);
  const form = await screen.findByRole('form', { name: 'Rules, records and printing' });
  const years = within(form).getByLabelText('Keep records (years)');
  await user.clear(years);
  await user.type(years, '4');
  await user.click(within(form).getByRole('button', { name: 'Save the settings' }));

  const summary = within(form).getByRole('alert');
  await waitFor(() => {
    expect(summary.textContent).toBe('The settings were not saved: see the fields marked below.');
  });
  // Every field of the form comes after the summary, so "below" is where the user looks.
  for (const field of within(form).getAllByRole('textbox'))
    expect(before(summary, field)).toBe(true);
  expect(years.getAttribute('aria-invalid')).toBe('true');
  const atField = (years.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
  expect(atField).toContain('15 CFR 30.10');
  expect((await kp.harness.value<SettingsView>('settings:get')).saved).toBe(false);
});
