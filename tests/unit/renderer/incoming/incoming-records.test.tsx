// @vitest-environment jsdom
// Incoming certificates in Records over the real core and a real encrypted vault: the form
// shows the rules' refusals at each field (and registers nothing while one stands), registers a
// certificate with its scan chosen in the dialog, the list marks an overdue receipt confirmation,
// and the certificate's page shows the scan, the Census copy's state and records "sent on".
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncomingPage } from '../../../../renderer/src/incoming/IncomingPage';
import { IncomingRegisterForm } from '../../../../renderer/src/incoming/IncomingRegisterForm';
import { RecordsScreen } from '../../../../renderer/src/records/RecordsScreen';
import type { Route, SignedInUser } from '../../../../renderer/src/navigation';
import { PNG_1X1, botswanaCertificate } from '../../../integration/incoming/incoming-fixture';
import type { RecordsKp } from '../records/records-kp';
import { recordsKp } from '../records/records-kp';

let kp: RecordsKp;
beforeEach(async () => {
  kp = await recordsKp();
});
afterEach(async () => {
  cleanup();
  await kp.dispose();
});

const admin: SignedInUser = {
  userId: 1,
  username: 'ada',
  displayName: 'Ada Admin',
  role: 'administrator',
};

describe('registering an incoming certificate', () => {
  it('shows each refusal at its field, then registers with the scan from the dialog', async () => {
    const user = userEvent.setup();
    const registered: string[] = [];
    render(
      <IncomingRegisterForm
        api={kp.api}
        onRegistered={(number) => registered.push(number)}
        onCancel={() => undefined}
      />,
    );
    const c = botswanaCertificate();
    const type = async (label: string, text: string) => {
      const box = screen.getByLabelText(label);
      await user.clear(box);
      await user.type(box, text);
    };
    await type('Certificate number', 'ZA 012345');
    await type('Exporting Participant (ISO code)', 'BW');
    await user.tab();
    const number = screen.getByLabelText('Certificate number');
    expect(number.getAttribute('aria-invalid')).toBe('true');
    const refusal = screen.getByText(/starts with "ZA", but the exporting Participant is BW/);
    // Tied to its field for screen readers.
    expect(number.getAttribute('aria-describedby')).toContain(refusal.id);

    await user.click(screen.getByRole('button', { name: 'Register' }));
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toMatch(/Fix \d+ field\(s\) first/);
    });
    expect(kp.calls.filter((call) => call.channel === 'incoming:register')).toEqual([]);

    await type('Certificate number', c.number ?? '');
    await type('Issuing authority', c.issuingAuthority ?? '');
    await type('Date of issue', c.dateOfIssue ?? '');
    await type('Date of expiry', c.dateOfExpiry ?? '');
    await type('Importer (you)', c.importer.name ?? '');
    await type('Importer address', 'New York, NY 10036, United States');
    await type('Exporter', c.exporter.name ?? '');
    await type('Exporter address', 'Gaborone, Botswana');
    await type('Number of parcels', '3');
    await type('Carats', '1234.56');
    await type('Value in US$', '456789.00');
    await type('HS code(s)', '7102.10');
    await type('Origin(s)', 'BW');
    await type('US port of entry', 'New York (JFK)');
    await type('Date of entry', '2026-11-20');
    expect(screen.queryByText(/starts with "ZA"/)).toBeNull();

    const imports = join(kp.harness.dialogs.root, 'imports');
    mkdirSync(imports, { recursive: true });
    writeFileSync(join(imports, 'scan.png'), PNG_1X1);
    await user.click(screen.getByRole('button', { name: 'Register' }));
    await waitFor(() => {
      const answer = kp.calls.find((call) => call.channel === 'incoming:register');
      expect(answer).toBeDefined();
    });
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toBe('');
      expect(registered).toEqual(['BW012345']);
    });
    expect(kp.harness.dialogs.asked).toEqual([{ kind: 'open', purpose: 'attachment' }]);
  });
});

describe('incoming certificates in Records', () => {
  it('lists them in their own view with the overdue mark, and the page records "sent on"', async () => {
    const user = userEvent.setup();
    // Entered 2026-11-10: the confirmation was due 2026-11-25; the harness's day is 2026-11-27.
    await kp.harness.value('incoming:register', {
      certificate: botswanaCertificate({ dateOfIssue: '2026-11-01', dateOfEntry: '2026-11-10' }),
    });
    const routes: Route[] = [];
    render(
      <RecordsScreen
        api={kp.api}
        user={admin}
        view="incoming"
        navigate={(to) => routes.push(to)}
      />,
    );
    const row = await screen.findByTestId('incoming-row');
    expect(within(row).getByTestId('receipt-duty').textContent).toContain(
      'Overdue: was due 2026-11-25',
    );
    expect(row.textContent).toContain('Łódź Diament Gaborone (Pty) Ltd');
    expect(screen.getByTestId('incoming-overdue').textContent).toContain(
      '1 receipt confirmation is overdue',
    );
    await user.click(within(row).getByRole('button', { name: 'BW012345' }));
    expect(routes).toEqual([{ screen: 'incoming', number: 'BW012345' }]);
    cleanup();

    render(<IncomingPage api={kp.api} user={admin} number="BW012345" onBack={() => undefined} />);
    expect((await screen.findByTestId('census-copy')).textContent).toContain('Waiting to be sent');
    expect(screen.getByTestId('receipt-duty').textContent).toContain('Overdue: was due 2026-11-25');
    expect(screen.getByLabelText<HTMLTextAreaElement>(/As e-mail text/).value).toMatch(
      /KP certificate number\s+BW012345/,
    );
    await user.type(screen.getByLabelText('Sent on'), '2026-11-26');
    await user.click(screen.getByRole('button', { name: 'Record as sent' }));
    await waitFor(() => {
      expect(screen.getByTestId('receipt-duty').textContent).toContain('Sent on 2026-11-26');
    });
    expect(screen.queryByRole('button', { name: 'Record as sent' })).toBeNull();
  });
});
