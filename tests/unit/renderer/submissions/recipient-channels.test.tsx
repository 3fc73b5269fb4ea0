// @vitest-environment jsdom
// Settings → Recipients, the e-mail and manual channels (issue 12), against the real core over a
// real encrypted vault (recordsKp): a bad mail server or a login without its password is refused
// next to the field it names and nothing is saved; a good one is saved, its password never comes
// back to the renderer (the form shows "Set") and an empty password field keeps it; manual is
// chosen with one button; people who are not administrators read the settings and cannot save.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { RecipientsSection } from '../../../../renderer/src/settings/RecipientsSection';
import type { RecordsKp } from '../records/records-kp';
import { recordsKp } from '../records/records-kp';

const opened: RecordsKp[] = [];
afterEach(async () => {
  cleanup();
  for (const kp of opened.splice(0)) await kp.dispose();
});

type Saved = {
  recipients: { recipient: string; channel: string; passwordSet: boolean; mailLogin: string }[];
};
const SECRET = 'mail-password-7f3a';

describe('Settings > Recipients: e-mail and manual', () => {
  it('refuses bad e-mail settings by field, saves good ones, and never returns the password', async () => {
    const kp = await recordsKp();
    opened.push(kp);
    render(<RecipientsSection api={kp.api} manage />);
    const user = userEvent.setup();
    const [censusMail] = await screen.findAllByLabelText('E-mail (SMTP over TLS)');
    if (censusMail === undefined) throw new Error('no e-mail choice');
    await user.click(censusMail);
    const form = await screen.findByRole('form', { name: /^Census.*e-mail/ });
    const server = within(form).getByLabelText(/^Mail server/);
    await user.type(server, 'https://mail.example.com');
    await user.type(within(form).getByLabelText(/^Send the copies to/), 'kp@census.example');
    await user.click(within(form).getByRole('button', { name: 'Save Census e-mail settings' }));
    expect(
      (await within(form).findAllByText(/must look like smtp:\/\/host/)).length,
    ).toBeGreaterThan(0);
    expect(server.getAttribute('aria-invalid')).toBe('true');
    expect((await kp.harness.value<Saved>('submissions:recipients')).recipients).toEqual([]);

    // A login without its password: refused on the password, nothing saved.
    await user.clear(server);
    await user.type(server, 'smtp://mail.example.com:587');
    await user.type(within(form).getByLabelText(/^Mail user name/), 'kpdesk');
    await user.click(within(form).getByRole('button', { name: 'Save Census e-mail settings' }));
    expect(
      (await within(form).findAllByText(/Give both the mail user name and its password/)).length,
    ).toBeGreaterThan(0);
    expect((await kp.harness.value<Saved>('submissions:recipients')).recipients).toEqual([]);

    await user.type(within(form).getByLabelText('Mail password'), SECRET);
    await user.click(within(form).getByRole('button', { name: 'Save Census e-mail settings' }));
    expect(await within(form).findByText(/Saved\. Copies to Census are e-mailed/)).toBeTruthy();
    expect(within(form).getByText(/^Set \(kept in the vault, never shown\)/)).toBeTruthy();
    expect(within(form).getByLabelText<HTMLInputElement>('Mail password').value).toBe('');
    // Not in what the renderer gets back from the recipients channel.
    const recipients = await kp.harness.call('submissions:recipients', {});
    expect(JSON.stringify(recipients)).not.toContain(SECRET);
    expect((await kp.harness.value<Saved>('submissions:recipients')).recipients).toMatchObject([
      { recipient: 'census', channel: 'smtp', passwordSet: true, mailLogin: 'kpdesk' },
    ]);

    // Saved again with the password field empty: the saved password is kept.
    await user.click(within(form).getByRole('button', { name: 'Save Census e-mail settings' }));
    expect(await within(form).findByText(/Saved\. Copies to Census are e-mailed/)).toBeTruthy();
    expect((await kp.harness.value<Saved>('submissions:recipients')).recipients).toMatchObject([
      { recipient: 'census', channel: 'smtp', passwordSet: true },
    ]);
  });

  it('chooses the manual channel; others read the settings and cannot save', async () => {
    const kp = await recordsKp();
    opened.push(kp);
    render(<RecipientsSection api={kp.api} manage />);
    const user = userEvent.setup();
    const manual = await screen.findAllByLabelText(/^Manual \(fax or secure file transfer/);
    const uskpaManual = manual[1];
    if (uskpaManual === undefined) throw new Error('no manual choice for USKPA');
    await user.click(uskpaManual);
    await user.click(screen.getByRole('button', { name: 'Use manual delivery for USKPA' }));
    expect(await screen.findByText(/Saved\. Copies to USKPA wait in Submissions/)).toBeTruthy();
    expect((await kp.harness.value<Saved>('submissions:recipients')).recipients).toMatchObject([
      { recipient: 'uskpa', channel: 'manual' },
    ]);
    cleanup();

    await kp.harness.addUser('otto', 'operator');
    await kp.harness.signInAs('otto');
    render(<RecipientsSection api={kp.api} manage={false} />);
    expect(
      await screen.findByText(/Channel: Manual \(fax or secure file transfer, confirmed by you\)/),
    ).toBeTruthy();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(
      await kp.harness.code('submissions:saveRecipientChannel', {
        recipient: 'census',
        channel: 'manual',
      }),
    ).toBe('FORBIDDEN');
  });
});
