// @vitest-environment jsdom
// The audit package in the renderer (issue 14, part 3): the export form refuses a passphrase too
// short or typed twice differently before asking main, warns that it is not the vault passphrase
// and cannot be recovered, and shows the written file's name, size, head and SHA-256; the open
// form sends the passphrase and the trust choice, puts a wrong passphrase at its field and shows
// a refused package's message naming the part; the banner says whose package it is, who signed
// it, that nothing can be changed, and closes it.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KpApi } from '../../../../shared/ipc/api';
import type { OpenPackageInfo } from '../../../../shared/ipc/audit-package-reading-contract';
import { ExportAuditPackage } from '../../../../renderer/src/audit-package/ExportAuditPackage';
import { OpenAuditPackage } from '../../../../renderer/src/audit-package/OpenAuditPackage';
import { PackageBanner } from '../../../../renderer/src/audit-package/PackageBanner';

afterEach(cleanup);

const SHA = 'c'.repeat(64);
const progress = vi.fn(() =>
  Promise.resolve({
    ok: true as const,
    value: { operation: 'audit', phase: 'verify', done: 0, total: 0 },
  }),
);

const info: OpenPackageInfo = {
  file: 'records.kpdesk-audit',
  sha256: SHA,
  licensee: 'Hudson Rough Diamond Trading LLC',
  exportedAt: '2026-11-27T10:00:00.000Z',
  exportedBy: 'Rita Reviewer (rita, reviewer)',
  period: null,
  headSeq: 81,
  headHash: 'a'.repeat(64),
  signature: {
    status: 'untrusted',
    signer: 'CN=Ada Admin',
    message: 'Signed by CN=Ada Admin, whose certificate is not trusted here (no anchor).',
  },
  checks: [],
};

describe('Export audit package', () => {
  it('refuses a short or mistyped passphrase before asking main, with the warning shown', async () => {
    const exportPackage = vi.fn();
    const api = {
      auditPackage: { export: exportPackage },
      tasks: { progress },
    } as unknown as KpApi;
    render(<ExportAuditPackage api={api} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export audit package…' }));
    expect(screen.getByText(/This is not the vault passphrase/)).toBeTruthy();
    expect(screen.getByText(/nobody, not even KP Desk, can recover it/)).toBeTruthy();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Package passphrase'), 'short');
    await user.click(screen.getByRole('button', { name: 'Choose where to save…' }));
    expect(screen.getByRole('alert').textContent).toMatch(/correct the fields/);
    await user.clear(screen.getByLabelText('Package passphrase'));
    await user.type(screen.getByLabelText('Package passphrase'), 'for USKPA, sent by post');
    await user.type(
      screen.getByLabelText('Type the package passphrase again'),
      'for USKPA, sent by pots',
    );
    await user.click(screen.getByRole('button', { name: 'Choose where to save…' }));
    expect(screen.getByText(/The two passphrases differ/)).toBeTruthy();
    expect(exportPackage).not.toHaveBeenCalled();
  });

  it('exports with the period and shows the file, its size, the head and the SHA-256', async () => {
    const exportPackage = vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: {
          cancelled: false as const,
          path: '/home/ada/exports/kpdesk-audit-package-2026-11-27.kpdesk-audit',
          bytes: 2_500_000,
          sha256: SHA,
          headSeq: 81,
          headHash: 'b'.repeat(64),
          documents: 4,
          signer: 'CN=Ada Admin',
        },
      }),
    );
    const api = {
      auditPackage: { export: exportPackage },
      tasks: { progress },
    } as unknown as KpApi;
    render(<ExportAuditPackage api={api} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export audit package…' }));
    await user.type(screen.getByLabelText('Package passphrase'), 'for USKPA, sent by post');
    await user.type(
      screen.getByLabelText('Type the package passphrase again'),
      'for USKPA, sent by post',
    );
    await user.type(screen.getByLabelText(/Period to review/), '2026Q3');
    await user.click(screen.getByRole('button', { name: 'Choose where to save…' }));
    expect(exportPackage).toHaveBeenCalledWith({
      passphrase: 'for USKPA, sent by post',
      period: '2026Q3',
    });
    expect(await screen.findByText('kpdesk-audit-package-2026-11-27.kpdesk-audit')).toBeTruthy();
    expect(screen.getByText(/2\.5 MB/)).toBeTruthy();
    expect(screen.getByTestId('package-sha256').textContent).toBe(SHA);
    expect(screen.getByText('b'.repeat(64))).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Package passphrase').value).toBe('');
  });
});

describe('Open an audit package', () => {
  it('sends the passphrase and the trust choice; a wrong passphrase shows at its field', async () => {
    const open = vi
      .fn()
      .mockResolvedValueOnce({
        ok: false,
        error: {
          code: 'AUDIT_PACKAGE_PASSPHRASE_WRONG',
          message: 'This passphrase does not open records.kpdesk-audit.',
        },
      })
      .mockResolvedValueOnce({
        ok: false,
        error: {
          code: 'AUDIT_PACKAGE_INVALID',
          message:
            'records.kpdesk-audit was altered after it was sealed: part 2 of 3 fails its authentication.',
          fields: { check: 'decryption' },
        },
      })
      .mockResolvedValueOnce({ ok: true, value: { cancelled: false, package: info } });
    const onOpened = vi.fn();
    const api = { auditPackage: { open }, tasks: { progress } } as unknown as KpApi;
    render(<OpenAuditPackage api={api} onOpened={onOpened} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Choose the package file…' }));
    expect(open).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/Enter the package passphrase/);
    await user.type(screen.getByLabelText('Package passphrase'), 'not it at all');
    await user.click(screen.getByRole('button', { name: 'Choose the package file…' }));
    expect(open).toHaveBeenLastCalledWith({ passphrase: 'not it at all', chooseTrust: false });
    expect(await screen.findByText('Not the passphrase of this package.')).toBeTruthy();
    await user.click(screen.getByLabelText('Choose the licensee’s certificate to trust'));
    await user.click(screen.getByRole('button', { name: 'Choose the package file…' }));
    expect(open).toHaveBeenLastCalledWith({ passphrase: 'not it at all', chooseTrust: true });
    expect((await screen.findByRole('alert')).textContent).toMatch(/part 2 of 3/);
    expect(onOpened).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Choose the package file…' }));
    expect(onOpened).toHaveBeenCalledWith(info);
  });
});

describe('The package banner', () => {
  it('says whose package, who signed it, read-only; closes it', async () => {
    const close = vi.fn(() => Promise.resolve({ ok: true as const, value: { closed: true } }));
    const lockedStatus = {
      vault: 'locked',
      user: null,
      needsFirstAdministrator: false,
      recoveryKeyConfirmed: false,
      rememberedOnThisComputer: false,
    };
    const status = vi.fn(() => Promise.resolve({ ok: true as const, value: lockedStatus }));
    const onClosed = vi.fn();
    const api = { auditPackage: { close }, vault: { status } } as unknown as KpApi;
    render(<PackageBanner api={api} info={info} onClosed={onClosed} />);
    const banner = screen.getByRole('region', { name: 'Audit package being read' });
    expect(banner.textContent).toMatch(
      /Audit package from Hudson Rough Diamond Trading LLC, exported 2026-11-27 by Rita Reviewer \(rita, reviewer\), chain head event 81/,
    );
    expect(banner.textContent).toMatch(/read-only: nothing here can be changed/);
    expect(banner.textContent).toMatch(/whose certificate is not trusted here/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Close the package' }));
    expect(close).toHaveBeenCalled();
    expect(onClosed).toHaveBeenCalledWith(lockedStatus);
  });
});
