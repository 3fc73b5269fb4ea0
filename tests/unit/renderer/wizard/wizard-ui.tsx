// Rendering the wizard for component tests, and the steps a test passes on the way.
import { render, screen } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { KpApi } from '../../../../shared/ipc/api';
import type { Route, SignedInUser } from '../../../../renderer/src/navigation';
import { IssuanceWizard } from '../../../../renderer/src/wizard/IssuanceWizard';

export const admin: SignedInUser = {
  userId: 1,
  username: 'ada',
  displayName: 'Ada Admin',
  role: 'administrator',
};

export function renderWizard(api: KpApi, draftId?: number, user: SignedInUser = admin) {
  const navigate = vi.fn<(to: Route) => void>();
  const view = render(
    <IssuanceWizard
      api={api}
      user={user}
      navigate={navigate}
      {...(draftId === undefined ? {} : { draftId })}
    />,
  );
  return { ...view, navigate };
}

export const stepHeading = () => screen.getByRole('heading', { level: 2 });

/** The finding codes shown at one field. */
export const codesAt = (field: string) =>
  [...document.querySelectorAll(`.field [data-field="${field}"]`)].map((el) =>
    el.getAttribute('data-code'),
  );

/** Fills in packaging and warranty (a draft saved without them reopens at the packaging step). */
export async function passPackagingAndWarranty(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('heading', { name: 'Step 3 of 7: Packaging' });
  await user.selectOptions(
    screen.getByLabelText('Kind of container'),
    'Sealed security box with numbered seal',
  );
  await user.click(screen.getByLabelText(/meets the definition above/));
  await user.type(screen.getByLabelText('Parcels sealed in the container'), '2');
  await user.type(screen.getByLabelText('Seal numbers'), 'S-1001');
  await user.click(screen.getByRole('button', { name: 'Save and continue' }));
  await screen.findByRole('heading', { name: 'Step 4 of 7: Warranty' });
  await user.type(screen.getByLabelText('Invoice numbers'), 'INV-77');
  await user.click(screen.getByLabelText(/I have completed the necessary application/));
  await user.click(screen.getByRole('button', { name: 'Save and continue' }));
  await screen.findByRole('heading', { name: 'Step 5 of 7: AES and ITN' });
}
