// @vitest-environment jsdom
// Issue 15 part 6 in the wizard, on the real core and an encrypted vault (fake-kp.ts): "Save as
// template…" names a template made of the draft's repeatable fields (a taken name and a control
// character are refused at the field, nothing saved); "Start from a template…" lists, searches
// and applies one to a new certificate, filling the parties, goods and route and leaving the
// shipment's own values empty.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { KpApi } from '../../../../shared/ipc/api';
import { renderWizard } from '../wizard/wizard-ui';
import { completeDraft, must, vaultForWizard } from '../wizard/wizard-vault';

afterEach(cleanup);

const CLIENT = {
  name: 'Client Diamonds Inc',
  address: '1 Client Way, New York, NY 10036, United States',
};
const CONSIGNEE = {
  name: 'Antwerp Rough Trading NV',
  address: 'Hoveniersstraat 30, 2018 Antwerp, Belgium',
};

async function carrierWithBook() {
  const kp = await vaultForWizard({ commonCarrier: true });
  await must(kp.api.parties.save({ kind: 'exporter', ...CLIENT, country: 'US' }));
  await must(kp.api.parties.save({ kind: 'consignee', ...CONSIGNEE, country: 'BE' }));
  return kp;
}

async function savedTemplate(api: KpApi, name: string, destination = 'BE') {
  return must(
    api.templates.save({
      name,
      exporter: CLIENT,
      consignee: CONSIGNEE,
      countryOfOrigin: 'CD',
      destinationCountry: destination,
      hsCodes: ['7102.31'],
      usualParcels: '2',
    }),
  );
}

describe('Save as template…', () => {
  it('saves the draft’s repeatable fields under a unique name; refusals show at the field', async () => {
    const user = userEvent.setup();
    const { api } = await carrierWithBook();
    await savedTemplate(api, 'Antwerp weekly');
    const draft = await must(
      api.certificates.createDraft({
        number: 'US10000',
        draft: completeDraft({ exporter: CLIENT, consignee: CONSIGNEE, parcels: '3' }),
      }),
    );
    renderWizard(api, draft.id);
    // A hang guard under load, not a speed check.
    await user.click(
      await screen.findByRole('button', { name: 'Save as template…' }, { timeout: 30_000 }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Save as template' });
    const name = within(dialog).getByLabelText('Template name');
    expect(document.activeElement).toBe(name);
    // What is kept, and what never is.
    expect(within(dialog).getByText(CLIENT.name)).toBeTruthy();
    expect(dialog.textContent).toContain('Not kept: the form number, the dates, the ITN');

    await user.type(name, 'ANTWERP WEEKLY');
    await user.click(within(dialog).getByRole('button', { name: 'Save template' }));
    await waitFor(() => {
      expect(name.getAttribute('aria-invalid')).toBe('true');
    });
    expect(dialog.textContent).toContain('A template named "Antwerp weekly" already exists');

    await user.clear(name);
    await user.click(name);
    await user.paste('Antwerp\u0007 Tuesday');
    await user.click(within(dialog).getByRole('button', { name: 'Save template' }));
    await waitFor(() => {
      expect(dialog.textContent).toMatch(/control character/);
    });
    expect((await must(api.templates.list({}))).map((t) => t.name)).toEqual(['Antwerp weekly']);

    await user.clear(name);
    await user.type(name, 'Antwerp Tuesday');
    await user.type(within(dialog).getByLabelText('Port of exit (optional)'), 'New York (JFK)');
    await user.type(within(dialog).getByLabelText('Carrier (optional)'), 'Malca-Amit');
    await user.click(within(dialog).getByRole('button', { name: 'Save template' }));
    await screen.findByText('Template “Antwerp Tuesday” saved.');
    expect(screen.queryByRole('dialog')).toBeNull();
    const saved = await must(api.templates.get({ name: 'antwerp tuesday' }));
    expect(saved).toMatchObject({
      exporter: { name: CLIENT.name },
      consignee: { name: CONSIGNEE.name },
      countryOfOrigin: 'CD',
      destinationCountry: 'BE',
      hsCodes: ['7102.31'],
      usualParcels: 3,
      portOfExit: 'New York (JFK)',
      carrier: 'Malca-Amit',
    });
  }, 90_000);
});

describe('Start from a template…', () => {
  it('lists, searches by name and fills a new certificate; the shipment’s values stay empty', async () => {
    const user = userEvent.setup();
    const { api } = await carrierWithBook();
    await savedTemplate(api, 'Antwerp weekly');
    await savedTemplate(api, 'Dubai monthly', 'AE');
    renderWizard(api);
    await user.click(
      await screen.findByRole('button', { name: 'Start from a template…' }, { timeout: 30_000 }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Start from a template' });
    await within(dialog).findByText('2 of 2 templates');
    await user.type(within(dialog).getByLabelText('Search templates by name'), 'ANTW');
    await within(dialog).findByText('1 of 2 templates');
    expect(within(dialog).queryByText('Dubai monthly')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Use Antwerp weekly' }));

    await screen.findByText(/^Filled \d+ fields from template “Antwerp weekly”/);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Exporter name').value).toBe(CLIENT.name);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Ultimate consignee address').value).toBe(
      CONSIGNEE.address,
    );
    expect(screen.getByLabelText<HTMLSelectElement>('Country of destination').value).toBe('BE');
  }, 90_000);

  it('says so when the template’s party left the address book, and fills nothing', async () => {
    const user = userEvent.setup();
    const { api } = await carrierWithBook();
    // A consignee template whose entry is then renamed away: the same id, another party kind
    // is impossible through the app, so the entry is replaced by an exporter of the same id.
    const template = await savedTemplate(api, 'Antwerp weekly');
    await must(
      api.parties.save({
        id: template.consignee?.id ?? 0,
        kind: 'exporter',
        name: 'Moved to exporters Ltd',
        address: 'Somewhere, Belgium',
        country: 'BE',
      }),
    );
    renderWizard(api);
    await user.click(
      await screen.findByRole('button', { name: 'Start from a template…' }, { timeout: 30_000 }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Start from a template' });
    await user.click(await within(dialog).findByRole('button', { name: 'Use Antwerp weekly' }));
    await waitFor(() => {
      expect(within(dialog).getByRole('alert').textContent).toContain(
        'no longer in your address book',
      );
    });
    expect(screen.getByLabelText<HTMLInputElement>('Ultimate consignee name').value).toBe('');
  }, 90_000);
});
