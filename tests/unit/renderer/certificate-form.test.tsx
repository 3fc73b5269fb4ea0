// @vitest-environment jsdom
// The certificate form with the real shared rules: findings appear at their fields after the
// field was left or after submit, main's answer is summarised, and failures are visible.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultValidationSettings } from '../../../shared/domain/validation-settings';
import { CertificateForm } from '../../../renderer/src/certificate/CertificateForm';
import { fakeKp } from './fake-kp';

afterEach(cleanup);

const goodCertificate: Record<string, string> = {
  number: 'US12345',
  countryOfOrigin: 'CD',
  dateOfIssue: '2026-11-27',
  dateOfExpiry: '2027-01-26',
  exportDate: '2026-11-28',
  'exporter.name': 'Acme Rough Diamonds LLC',
  'exporter.address': '580 Fifth Avenue, New York, NY 10036, United States',
  'consignee.name': 'Antwerp Rough Trading NV',
  'consignee.address': 'Hoveniersstraat 30, 2018 Antwerp, Belgium',
  destinationCountry: 'BE',
  carats: '12.50',
  valueUsd: '15000.00',
  parcels: '2',
  hsCodes: '7102.31',
  itn: 'X20261127123456',
};

function renderForm(kp = fakeKp()) {
  const view = render(<CertificateForm api={kp.api} settings={defaultValidationSettings} />);
  const input = (name: string) => {
    const element = view.container.querySelector(`[name="${name}"]`);
    if (!(element instanceof HTMLElement)) throw new Error(`no input named ${name}`);
    return element;
  };
  const findings = (field: string) =>
    [...view.container.querySelectorAll(`.field [data-field="${field}"]`)].map((el) =>
      el.getAttribute('data-code'),
    );
  const fillAll = (values: Record<string, string>) => {
    for (const [name, value] of Object.entries(values)) {
      fireEvent.change(input(name), { target: { value } });
      fireEvent.blur(input(name));
    }
  };
  return { ...view, kp, input, findings, fillAll };
}

describe('CertificateForm', () => {
  it('accepts a country name, native name or code and stores the code (issue 16)', async () => {
    const user = userEvent.setup();
    const { input } = renderForm();
    const destination = input('destinationCountry') as HTMLInputElement;
    await user.type(destination, 'België');
    await user.tab();
    expect(destination.value).toBe('BE');
    const origin = input('countryOfOrigin') as HTMLInputElement;
    await user.type(origin, 'botswana');
    await user.tab();
    expect(origin.value).toBe('BW');
    // Part of a name stays as typed: the rules then say what is wrong.
    await user.clear(origin);
    await user.type(origin, 'Bots');
    await user.tab();
    expect(origin.value).toBe('Bots');
    // The suggestions carry the native names, so the browser's list finds them too.
    const belgium = [...document.querySelectorAll('#destination-countries option')].find(
      (option) => option.getAttribute('value') === 'BE',
    );
    expect(belgium?.textContent).toContain('Belgique');
  });

  it('gives every field a label and the CertificateField path as id and name', () => {
    const { input } = renderForm();
    for (const name of Object.keys(goodCertificate)) {
      const element = input(name);
      expect(element.id).toBe(name);
      expect(document.querySelectorAll(`label[for="${name}"]`).length, name).toBe(1);
    }
  });

  it('shows a live finding at its field only once the field was left', async () => {
    const user = userEvent.setup();
    const { input, findings } = renderForm();

    await user.type(input('countryOfOrigin'), 'US');
    expect(findings('countryOfOrigin')).toEqual([]);
    expect(input('countryOfOrigin').getAttribute('aria-invalid')).toBeNull();

    await user.tab();
    expect(findings('countryOfOrigin')).toEqual(['ORIGIN_US']);
    expect(input('countryOfOrigin').getAttribute('aria-invalid')).toBe('true');
    const describedBy = input('countryOfOrigin').getAttribute('aria-describedby') ?? '';
    const list = document.getElementById(describedBy.split(' ').at(-1) ?? '');
    expect(list?.textContent).toMatch(/Error:.*Source: 31 CFR 592\.307\(b\)/);
    const link = within(list!).getByRole('link', { name: '31 CFR 592.307(b)' });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noreferrer');
    // Untouched fields stay quiet although they are empty.
    expect(findings('number')).toEqual([]);

    // Live: fixing the value clears the finding without another blur.
    await user.clear(input('countryOfOrigin'));
    await user.type(input('countryOfOrigin'), 'CD');
    expect(findings('countryOfOrigin')).toEqual([]);
  });

  it('on submit, shows main findings at every field and a summary with the counts', async () => {
    const { kp, findings, fillAll } = renderForm();
    fillAll({ ...goodCertificate, itn: 'X20191332000001', destinationCountry: 'KE' });
    fireEvent.change(document.getElementById('dateOfExpiry')!, { target: { value: '2027-02-25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check certificate' }));

    const summary = await screen.findByTestId('check-summary');
    expect(summary.getAttribute('role')).toBe('alert');
    expect(summary.textContent).toMatch(/Checked by KP Desk: \d+ errors?, \d+ warnings?/);
    expect(kp.calls.at(-1)).toMatchObject({
      channel: 'certificates:validate',
      input: {
        purpose: 'issue',
        certificate: { destinationCountry: 'KE', itn: 'X20191332000001' },
      },
    });
    expect(findings('itn')).toContain('ITN_DATE_INVALID');
    expect(findings('dateOfExpiry')).toContain('EXPIRY_TOO_LATE');
    expect(findings('destinationCountry')).toContain('DESTINATION_NOT_PARTICIPANT');
    // The summary names each field with a finding and can move the focus there.
    fireEvent.click(within(summary).getByRole('button', { name: /^ITN/ }));
    expect(document.activeElement?.id).toBe('itn');
  });

  it('shows findings on untouched fields after submit', async () => {
    const { findings } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Check certificate' }));
    await screen.findByTestId('check-summary');
    expect(findings('number')).toEqual(['NUMBER_MISSING']);
    expect(findings('hsCodes')).toEqual(['HS_MISSING']);
  });

  it('says "No errors" for a good certificate, and when it changed after the check', async () => {
    const { fillAll, findings, input } = renderForm();
    fillAll(goodCertificate);
    fireEvent.click(screen.getByRole('button', { name: 'Check certificate' }));

    const summary = await screen.findByTestId('check-summary');
    expect(summary.getAttribute('role')).toBe('status');
    expect(summary.textContent).toContain('No errors: this certificate meets the US rules');
    for (const name of Object.keys(goodCertificate)) expect(findings(name), name).toEqual([]);

    fireEvent.change(input('carats'), { target: { value: '12.505' } });
    expect(summary.textContent).toContain('You changed the certificate after this check');
    expect(findings('carats')).toEqual(['CARATS_PRECISION']);
  });

  it('shows a failed check with its message (its code kept for support)', async () => {
    const kp = fakeKp({
      failing: {
        'certificates:validate': { code: 'INTERNAL', message: 'KP Desk hit an internal error.' },
      },
    });
    renderForm(kp);
    fireEvent.click(screen.getByRole('button', { name: 'Check certificate' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('KP Desk could not check this certificate');
    expect(alert.textContent).toContain('KP Desk hit an internal error.');
    expect(alert.getAttribute('data-error-code')).toBe('INTERNAL');
  });

  it('shows a rejected transport as a plain failure, not a crash', async () => {
    const kp = fakeKp();
    const api = {
      ...kp.api,
      certificates: {
        ...kp.api.certificates,
        validate: () => Promise.reject(new Error('socket hang up')),
      },
    };
    render(<CertificateForm api={api} settings={defaultValidationSettings} />);
    fireEvent.click(screen.getByRole('button', { name: 'Check certificate' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not reach its core');
    expect(alert.textContent).not.toContain('socket hang up');
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Check certificate' })).toHaveProperty(
        'disabled',
        false,
      );
    });
  });
});
