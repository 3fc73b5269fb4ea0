// @vitest-environment jsdom
// A common carrier issues for its clients: the exporter is picked from the address book (or
// typed and saved there), as is the ultimate consignee, whose saved country becomes the
// destination. The real core and vault answer (parties:list, parties:save).
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWizard } from './wizard-ui';
import { must, vaultForWizard } from './wizard-vault';

afterEach(cleanup);

describe('IssuanceWizard, parties of a common carrier', () => {
  it('picks the exporter and consignee from the address book and saves a new one', async () => {
    const user = userEvent.setup();
    const kp = await vaultForWizard({ commonCarrier: true });
    await must(
      kp.api.parties.save({
        kind: 'exporter',
        name: 'Client Diamonds Inc',
        address: '1 Client Way, New York, NY 10036, United States',
        country: 'US',
      }),
    );
    await must(
      kp.api.parties.save({
        kind: 'consignee',
        name: 'Dubai Gems DMCC',
        address: 'Almas Tower, Dubai, United Arab Emirates',
        country: 'AE',
      }),
    );
    renderWizard(kp.api);
    const exporterBook = await screen.findByLabelText('Pick an exporter from your address book');
    // The address book loads after the form: a hang guard under load, not a speed check.
    await waitFor(
      () => {
        expect(screen.getByRole('option', { name: 'Client Diamonds Inc (US)' })).toBeTruthy();
      },
      { timeout: 30_000 },
    );
    await user.selectOptions(exporterBook, 'Client Diamonds Inc (US)');
    expect(screen.getByLabelText<HTMLInputElement>('Exporter name').value).toBe(
      'Client Diamonds Inc',
    );
    await user.selectOptions(
      screen.getByLabelText('Pick a consignee from your address book'),
      'Dubai Gems DMCC (AE)',
    );
    expect(screen.getByLabelText<HTMLTextAreaElement>('Ultimate consignee address').value).toBe(
      'Almas Tower, Dubai, United Arab Emirates',
    );
    expect(screen.getByLabelText<HTMLSelectElement>('Country of destination').value).toBe('AE');

    await user.clear(screen.getByLabelText('Ultimate consignee name'));
    await user.type(screen.getByLabelText('Ultimate consignee name'), 'Antwerp Rough NV');
    await user.click(
      screen.getByRole('button', { name: 'Save this consignee in the address book' }),
    );
    await waitFor(async () => {
      const book = await must(kp.api.parties.list({ kind: 'consignee' }));
      expect(book.map((party) => party.name).sort()).toEqual([
        'Antwerp Rough NV',
        'Dubai Gems DMCC',
      ]);
    });
    expect(screen.getByText('Antwerp Rough NV is saved in your address book.')).toBeTruthy();
  });
});
