// @vitest-environment jsdom
// The packaging and warranty entries are saved with the draft (certificates:updateDraft) over the
// real core and a real encrypted vault, so a reopened draft resumes after the packaging step with
// every entry shown; only the attestation is given again before issuing.
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWizard, stepHeading } from './wizard-ui';
import { completeDraft, must, vaultForWizard } from './wizard-vault';

afterEach(cleanup);

const CONTAINER = 'Sealed security box with numbered seal';

describe('IssuanceWizard, resuming packaging and warranty', () => {
  it('saves the entries with the draft and shows them again when the draft is reopened', async () => {
    const user = userEvent.setup();
    const kp = await vaultForWizard();
    const draft = await must(
      kp.api.certificates.createDraft({ number: 'US10004', draft: completeDraft() }),
    );
    const first = renderWizard(kp.api, draft.id);
    await screen.findByRole('heading', { name: 'Step 3 of 7: Packaging' });
    await user.selectOptions(screen.getByLabelText('Kind of container'), CONTAINER);
    await user.click(screen.getByLabelText(/meets the definition above/));
    await user.type(screen.getByLabelText('Parcels sealed in the container'), '2');
    await user.type(screen.getByLabelText('Seal numbers'), 'S-1001{Enter}S-1002');
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    await screen.findByRole('heading', { name: 'Step 4 of 7: Warranty' });
    await user.click(screen.getByLabelText('Original wording (2003)'));
    await user.type(screen.getByLabelText('Invoice numbers'), 'INV-77');

    // The autosave (a pause in typing) keeps the warranty entries too.
    await waitFor(
      async () => {
        const saved = await must(kp.api.certificates.get({ id: draft.id }));
        expect(saved.warranty).toEqual({ wording: 'original', invoices: 'INV-77' });
      },
      { timeout: 5000 },
    );
    const saved = await must(kp.api.certificates.get({ id: draft.id }));
    expect(saved.packaging).toMatchObject({
      containerType: CONTAINER,
      meetsDefinition: true,
      parcelsInContainer: '2',
      seals: 'S-1001\nS-1002',
    });
    first.unmount();

    renderWizard(kp.api, draft.id);
    // Packaging is complete, so the draft reopens after it, at the attestation still to give.
    await waitFor(() => {
      expect(stepHeading().textContent).toBe('Step 4 of 7: Warranty');
    });
    expect(screen.getByLabelText<HTMLTextAreaElement>('Invoice numbers').value).toBe('INV-77');
    expect(screen.getByLabelText<HTMLInputElement>('Original wording (2003)').checked).toBe(true);
    const attestation = screen.getByLabelText<HTMLInputElement>(
      /I have completed the necessary application/,
    );
    expect(attestation.checked).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('heading', { name: 'Step 3 of 7: Packaging' });
    expect(screen.getByLabelText<HTMLSelectElement>('Kind of container').value).toBe(CONTAINER);
    expect(screen.getByLabelText<HTMLInputElement>('Parcels sealed in the container').value).toBe(
      '2',
    );
    expect(screen.getByLabelText<HTMLTextAreaElement>('Seal numbers').value).toBe('S-1001\nS-1002');
    expect(screen.getByLabelText<HTMLInputElement>(/meets the definition above/).checked).toBe(
      true,
    );

    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    await screen.findByRole('heading', { name: 'Step 4 of 7: Warranty' });
    await user.click(screen.getByLabelText(/I have completed the necessary application/));
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    await screen.findByRole('heading', { name: 'Step 5 of 7: AES and ITN' });
  });
});
