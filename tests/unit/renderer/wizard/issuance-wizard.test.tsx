// @vitest-environment jsdom
// The issuance wizard over the real core and a real encrypted vault (wizard-vault.ts): the draft
// is created on the next blank form and saved at every step, errors are shown and announced at
// their field, a draft reopens at its first incomplete step, the ITN validates the certificate,
// and a reviewer cannot open the wizard at all.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { admin, codesAt, passPackagingAndWarranty, renderWizard, stepHeading } from './wizard-ui';
import { fakeKp } from '../fake-kp';
import { completeDraft, issueDirectly, must, todaysItn, vaultForWizard } from './wizard-vault';

afterEach(cleanup);

describe('IssuanceWizard', () => {
  it('refuses a reviewer and sends them to the records', async () => {
    const user = userEvent.setup();
    const kp = fakeKp();
    const { navigate } = renderWizard(kp.api, undefined, { ...admin, role: 'reviewer' });
    expect(screen.getByText(/signed in as a reviewer/)).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Go to Records' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'records' });
    expect(kp.calls).toEqual([]);
  });

  it('drafts on the next blank form, saves each step in the vault and moves focus to the next step', async () => {
    const user = userEvent.setup();
    const kp = await vaultForWizard();
    renderWizard(kp.api);
    expect(await screen.findByText(/created on form US10000 when you continue/)).toBeTruthy();
    expect(stepHeading().textContent).toBe('Step 1 of 7: Parties');
    // A licensee that is not a common carrier is its own exporter: no exporter inputs.
    expect(document.getElementById('exporter.address')).toBeNull();
    expect(screen.getByText('Hudson Rough Diamond Trading LLC')).toBeTruthy();

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
    expect(document.activeElement).toBe(stepHeading());
    const page = await must(kp.api.certificates.list({ state: 'DRAFT' }));
    expect(page.items.map((item) => [item.number, item.consigneeName])).toEqual([
      ['US10000', 'Antwerp Rough Trading NV'],
    ]);
    const stock = await must(kp.api.stock.summary({}));
    expect(stock.nextAvailable).toBe('US10001');
  });

  it('shows an origin of US and a 61-day expiry at their fields, announced, and stays on the step', async () => {
    const user = userEvent.setup();
    const kp = await vaultForWizard();
    const draft = await must(
      kp.api.certificates.createDraft({
        number: 'US10000',
        draft: completeDraft({ countryOfOrigin: '', carats: '', valueUsd: '', parcels: '' }),
      }),
    );
    renderWizard(kp.api, draft.id);
    await waitFor(() => {
      expect(stepHeading().textContent).toBe('Step 2 of 7: Shipment');
    });
    await user.type(screen.getByLabelText('Country of origin'), 'US');
    await user.type(screen.getByLabelText('Number of parcels'), '2');
    await user.type(screen.getByLabelText('Carats'), '12.50');
    await user.type(screen.getByLabelText('Value in US$'), '15000.00');
    const issue = screen.getByLabelText<HTMLInputElement>('Date of issue').value;
    const expiry = new Date(`${issue}T00:00:00`);
    expiry.setDate(expiry.getDate() + 61);
    const late = `${String(expiry.getFullYear())}-${String(expiry.getMonth() + 1).padStart(2, '0')}-${String(expiry.getDate()).padStart(2, '0')}`;
    await user.clear(screen.getByLabelText('Date of expiry'));
    await user.type(screen.getByLabelText('Date of expiry'), late);
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));

    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toMatch(/2 things to fix/);
    });
    expect(stepHeading().textContent).toBe('Step 2 of 7: Shipment');
    expect(codesAt('countryOfOrigin')).toEqual(['ORIGIN_US']);
    expect(codesAt('dateOfExpiry')).toEqual(['EXPIRY_TOO_LATE']);
    const origin = screen.getByLabelText('Country of origin');
    expect(origin.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(origin);
    // Review and signing cannot be reached while the step has errors.
    const steps = screen.getByRole('navigation', { name: 'Steps of the certificate' });
    expect(within(steps).queryByRole('button', { name: /Review/ })).toBeNull();
    expect(within(steps).queryByRole('button', { name: /Sign and deliver/ })).toBeNull();
    // The finding names its rule, linked to the eCFR.
    const finding = document.querySelector('[data-code="ORIGIN_US"]');
    expect(
      within(finding as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toContain('ecfr.gov');
    // The draft was saved as typed, errors and all: nothing is lost.
    const saved = await must(kp.api.certificates.get({ id: draft.id }));
    expect(saved.draft.countryOfOrigin).toBe('US');
  });

  it('reopens a draft at its first incomplete step', async () => {
    const kp = await vaultForWizard();
    const draft = await must(
      kp.api.certificates.createDraft({ number: 'US10003', draft: completeDraft() }),
    );
    renderWizard(kp.api, draft.id);
    // Parties and shipment pass every rule; packaging is recorded only at issue.
    await waitFor(() => {
      expect(stepHeading().textContent).toBe('Step 3 of 7: Packaging');
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('US10003');
  });

  it('refuses to go on without the ITN, then records it and validates the certificate', async () => {
    const user = userEvent.setup();
    const kp = await vaultForWizard();
    const draft = await must(
      kp.api.certificates.createDraft({ number: 'US10000', draft: completeDraft() }),
    );
    renderWizard(kp.api, draft.id);
    await passPackagingAndWarranty(user);
    expect(screen.getByText('10000')).toBeTruthy();
    expect(screen.getByText('15000.00')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    await waitFor(() => {
      expect(codesAt('itn')).toEqual(['ITN_MISSING']);
    });
    expect(document.activeElement).toBe(screen.getByLabelText(/^ITN/));

    await user.type(screen.getByLabelText(/^ITN/), 'X2026');
    await user.tab();
    expect(codesAt('itn')).toEqual(['ITN_FORMAT']);
    await user.clear(screen.getByLabelText(/^ITN/));
    await user.type(screen.getByLabelText(/^ITN/), todaysItn());
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    await waitFor(() => {
      expect(stepHeading().textContent).toBe('Step 6 of 7: Review');
    });
    const saved = await must(kp.api.certificates.get({ id: draft.id }));
    expect(saved.state).toBe('VALIDATED');
    expect(saved.draft.itn).toBe(todaysItn());
    expect(screen.getByText(/No errors.*ready to sign/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Continue to signing' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('computes the AES filing deadline from the transport and the departure time', async () => {
    const user = userEvent.setup();
    const kp = await vaultForWizard();
    const draft = await must(
      kp.api.certificates.createDraft({
        number: 'US10000',
        draft: completeDraft({
          exportDate: '2030-03-04',
          dateOfIssue: '2030-03-01',
          dateOfExpiry: '2030-04-30',
        }),
      }),
    );
    renderWizard(kp.api, draft.id);
    await passPackagingAndWarranty(user);
    await user.selectOptions(screen.getByLabelText('How the shipment leaves'), 'vessel');
    await user.type(screen.getByLabelText('Departure time'), '09:30');
    const deadline = document.getElementById('aes-deadline')?.textContent ?? '';
    expect(deadline).toContain('Mar 3, 2030');
    expect(deadline).toContain('9:30 AM');
    expect(deadline).toContain('24 hours before the cargo is loaded');
  });

  it('warns when US$ per carat is far from the licensee’s own median for the HS code', async () => {
    const kp = await vaultForWizard();
    for (const number of ['US10005', 'US10006', 'US10007'])
      await issueDirectly(kp.api, number, '10.00', '10000.00');
    const draft = await must(
      kp.api.certificates.createDraft({
        number: 'US10000',
        draft: completeDraft({ countryOfOrigin: 'US', carats: '1.00', valueUsd: '15000.00' }),
      }),
    );
    renderWizard(kp.api, draft.id);
    await screen.findByRole('heading', { name: 'Step 2 of 7: Shipment' });
    const figure = document.getElementById('price-per-carat');
    await waitFor(() => {
      expect(figure?.textContent).toMatch(/more than 3 times\s+your usual US\$1,000.00 per carat/);
    });
    expect(figure?.textContent).toContain('median of 3 of your 7102.31 certificates');
    expect(figure?.textContent).toContain('US$15,000.00 per carat');
  });
});
