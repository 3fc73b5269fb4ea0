// @vitest-environment jsdom
// "New certificate" clicked while the wizard is open (issue 16: it did nothing, with no message):
// over the real core and a real encrypted vault, the screen is rendered as the shell renders it
// (CurrentScreen) and the click is a navigation to a new { screen: 'wizard' } route. The draft
// being typed is saved (even what the autosave had not saved yet), a new certificate starts on
// the next blank form and says where the draft is; with no blank form left it says so.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KpApi } from '../../../../shared/ipc/api';
import type { Route } from '../../../../renderer/src/navigation';
import { CurrentScreen } from '../../../../renderer/src/shell/CurrentScreen';
import { admin, stepHeading } from './wizard-ui';
import { must, vaultForWizard } from './wizard-vault';

afterEach(cleanup);

function renderShellWizard(api: KpApi) {
  const navigate = vi.fn<(to: Route) => void>();
  const screenFor = (route: Route) => (
    <CurrentScreen
      api={api}
      route={route}
      user={admin}
      navigate={navigate}
      onLicenseeSaved={() => undefined}
    />
  );
  const view = render(screenFor({ screen: 'wizard' }));
  // What the main navigation's "New certificate" does: a new route object for the same screen.
  const clickNewCertificate = () => {
    view.rerender(screenFor({ screen: 'wizard' }));
  };
  return { clickNewCertificate, navigate };
}

async function startDraftOnFirstStep(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Ultimate consignee name'), 'Antwerp Rough Trading NV');
  await user.type(
    screen.getByLabelText('Ultimate consignee address'),
    'Hoveniersstraat 30, 2018 Antwerp, Belgium',
  );
  await user.selectOptions(screen.getByLabelText('Country of destination'), 'BE');
  await user.click(screen.getByRole('button', { name: 'Save and continue' }));
  await waitFor(() => {
    expect(stepHeading().textContent).toBe('Step 2 of 7: Shipment');
  });
}

describe('New certificate inside the wizard', () => {
  it('saves the draft as typed and starts a new certificate on the next blank form', async () => {
    const user = userEvent.setup();
    const kp = await vaultForWizard();
    const { clickNewCertificate } = renderShellWizard(kp.api);
    expect(await screen.findByText(/created on form US10000 when you continue/)).toBeTruthy();
    await startDraftOnFirstStep(user);
    // Typed on step 2 and left at once: the autosave's pause has not passed.
    await user.type(screen.getByLabelText('Carats'), '7.25');

    clickNewCertificate();

    expect(await screen.findByText(/created on form US10001 when you continue/)).toBeTruthy();
    expect(stepHeading().textContent).toBe('Step 1 of 7: Parties');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Certificate US10001 (new)');
    expect(screen.getByLabelText<HTMLInputElement>('Ultimate consignee name').value).toBe('');
    const note = screen.getByText(/Draft US10000 is kept in the vault/);
    expect(note.textContent).toContain('open it from Records to go on with it');

    const drafts = await must(kp.api.certificates.list({ state: 'DRAFT' }));
    expect(drafts.items.map((item) => item.number)).toEqual(['US10000']);
    const kept = await must(kp.api.certificates.get({ id: drafts.items[0]?.id ?? 0 }));
    expect(kept.draft.carats).toBe('7.25');
    expect(kept.draft.consignee.name).toBe('Antwerp Rough Trading NV');
  });

  it('creates nothing for a new certificate nothing was typed into', async () => {
    const kp = await vaultForWizard();
    const { clickNewCertificate } = renderShellWizard(kp.api);
    expect(await screen.findByText(/created on form US10000 when you continue/)).toBeTruthy();
    clickNewCertificate();
    await waitFor(() => {
      expect(kp.calls.filter((call) => call.channel === 'stock:summary')).toHaveLength(2);
    });
    expect(await screen.findByText(/created on form US10000 when you continue/)).toBeTruthy();
    expect(screen.queryByText(/is kept in the vault/)).toBeNull();
    expect(kp.calls.map((call) => call.channel)).not.toContain('certificates:createDraft');
  });

  it('says why not when the draft took the last blank form', async () => {
    const user = userEvent.setup();
    const kp = await vaultForWizard();
    // Keep one blank form only: US10000.
    for (let n = 1; n <= 9; n += 1)
      await must(kp.api.stock.voidBlank({ number: `US1000${String(n)}`, reason: 'Printer error' }));
    const { clickNewCertificate } = renderShellWizard(kp.api);
    expect(await screen.findByText(/created on form US10000 when you continue/)).toBeTruthy();
    await startDraftOnFirstStep(user);

    clickNewCertificate();

    expect(await screen.findByText(/There is no blank form left in your stock/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open Stock' })).toBeTruthy();
    expect(screen.getByText(/Draft US10000 is kept in the vault/)).toBeTruthy();
  });
});
