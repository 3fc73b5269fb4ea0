// @vitest-environment jsdom
// The Templates page (issue 15, part 6) on the real core and an encrypted vault: the saved
// templates with what they fill in, searched by name; rename (a taken name refused at the field)
// and delete (after a confirmation) for operators and administrators; a reviewer reads only.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KpApi } from '../../../../shared/ipc/api';
import type { Route, SignedInUser } from '../../../../renderer/src/navigation';
import { TemplatesScreen } from '../../../../renderer/src/templates/TemplatesScreen';
import { admin } from '../wizard/wizard-ui';
import { must, vaultForWizard } from '../wizard/wizard-vault';

afterEach(cleanup);

const reviewer: SignedInUser = { ...admin, role: 'reviewer' };

async function vaultWithTemplates() {
  const kp = await vaultForWizard({ commonCarrier: true });
  const client = { name: 'Client Diamonds Inc', address: '1 Client Way, New York, United States' };
  await must(kp.api.parties.save({ kind: 'exporter', ...client, country: 'US' }));
  for (const [name, destination] of [
    ['Antwerp weekly', 'BE'],
    ['Dubai monthly', 'AE'],
  ] as const)
    await must(
      kp.api.templates.save({
        name,
        exporter: client,
        destinationCountry: destination,
        hsCodes: ['7102.31'],
        carrier: 'Malca-Amit',
        usualParcels: '2',
      }),
    );
  return kp.api;
}

function renderScreen(api: KpApi, user: SignedInUser = admin) {
  const navigate = vi.fn<(to: Route) => void>();
  render(<TemplatesScreen api={api} user={user} navigate={navigate} />);
  return navigate;
}

describe('TemplatesScreen', () => {
  it('lists, searches, renames and deletes; every change reaches the vault', async () => {
    const user = userEvent.setup();
    const api = await vaultWithTemplates();
    renderScreen(api);
    const row = (await screen.findByRole('rowheader', { name: 'Antwerp weekly' })).closest('tr');
    if (row === null) throw new Error('no row');
    expect(row.textContent).toContain('Client Diamonds Inc');
    expect(row.textContent).toContain('7102.31 · to BE · 2 parcels');

    await user.type(screen.getByLabelText('Search by name'), 'dub');
    await waitFor(() => {
      expect(screen.queryByRole('rowheader', { name: 'Antwerp weekly' })).toBeNull();
    });
    await user.clear(screen.getByLabelText('Search by name'));

    await user.click(screen.getByRole('button', { name: 'Rename Antwerp weekly' }));
    const field = screen.getByLabelText('New name for Antwerp weekly');
    await user.clear(field);
    await user.type(field, 'DUBAI MONTHLY');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => {
      expect(field.getAttribute('aria-invalid')).toBe('true');
    });
    await user.clear(field);
    await user.type(field, 'Antwerp (Malca-Amit)');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    await screen.findByText('Template renamed to “Antwerp (Malca-Amit)”.');
    await screen.findByRole('rowheader', { name: 'Antwerp (Malca-Amit)' });

    await user.click(screen.getByRole('button', { name: 'Delete Dubai monthly' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete template “Dubai monthly”?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete template' }));
    await screen.findByText('Template “Dubai monthly” deleted.');
    await waitFor(() => {
      expect(screen.queryByRole('rowheader', { name: 'Dubai monthly' })).toBeNull();
    });
    expect((await must(api.templates.list({}))).map((t) => t.name)).toEqual([
      'Antwerp (Malca-Amit)',
    ]);
  }, 90_000);

  it('shows a reviewer the templates without rename or delete', async () => {
    const api = await vaultWithTemplates();
    renderScreen(api, reviewer);
    await screen.findByRole('rowheader', { name: 'Antwerp weekly' });
    expect(screen.queryByRole('button', { name: /Rename|Delete/ })).toBeNull();
    expect(screen.getByText(/As a reviewer you can read the templates/)).toBeTruthy();
  }, 90_000);
});
