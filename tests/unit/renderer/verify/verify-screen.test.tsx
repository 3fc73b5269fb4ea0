// @vitest-environment jsdom
// The "Verify a certificate file" screen with realistic documents:verify answers for each ETSI EN
// 319 102-1 outcome (tests/helpers/verification-samples.ts, parsed with the contract's schema):
// the verdict as an icon AND a word in a live region, the sub-indication explained, every check
// in a table, the signer, level and time-stamp, the vault record with a way to open it, the
// SHA-256; a cancelled dialog and a refused call; and the entry in every role's navigation.
// The real verifier's answers are checked end to end in tests/e2e/verify-certificate.spec.ts.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppError } from '../../../../shared/errors';
import type { DocumentVerification } from '../../../../shared/ipc/documents-contract';
import type { Result } from '../../../../shared/result';
import type { Route, SignedInUser } from '../../../../renderer/src/navigation';
import { MainNav } from '../../../../renderer/src/shell/MainNav';
import { VerifyScreen } from '../../../../renderer/src/verify/VerifyScreen';
import { verificationSamples } from '../../../helpers/verification-samples';

afterEach(cleanup);

type Answer = Result<DocumentVerification | { cancelled: true }>;

/** window.kp's documents.verify only: the answer main would give after its open dialog. */
function verifyApi(answer: Answer) {
  const verify = vi.fn(() => Promise.resolve(answer));
  return { api: { documents: { verify } }, verify };
}

async function verifyWith(answer: Answer, navigate: (to: Route) => void = () => {}) {
  const { api, verify } = verifyApi(answer);
  const user = userEvent.setup();
  render(<VerifyScreen api={api} navigate={navigate} />);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Verify a certificate file');
  await user.click(screen.getByRole('button', { name: 'Choose a PDF to verify…' }));
  expect(verify).toHaveBeenCalledWith({});
  return { user };
}

function liveRegion(): HTMLElement {
  const region = document.querySelector<HTMLElement>('.verify__live');
  if (region === null) throw new Error('no live region');
  expect(region.getAttribute('role')).toBe('status');
  return region;
}

/** [label, status text, details] of every row of the checks table. */
function checkRows(): string[][] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
}

const ok = (value: DocumentVerification): Answer => ({ ok: true, value });

describe('VerifyScreen', () => {
  it('shows a TOTAL-PASSED certificate as VALID with every check, the signature and the record', async () => {
    const navigate = vi.fn();
    const { user } = await verifyWith(ok(verificationSamples.passed()), navigate);
    const region = liveRegion();
    const heading = await within(region).findByRole('heading', { level: 2 });
    // A word and an icon, not colour alone; the icon is hidden from screen readers.
    expect(heading.textContent).toBe('✓VALID: US10001.pdf');
    expect(heading.querySelector('[aria-hidden="true"]')?.textContent).toBe('✓');
    expect(region.textContent).toContain(
      'Certificate US10001 is genuine: signed by a trusted signer, sealed, and unchanged since.',
    );
    expect(region.textContent).toContain('ETSI EN 319 102-1 outcome: TOTAL-PASSED');
    expect(screen.getByTestId('verify-outcome').className).toContain('verify-outcome--passed');

    const rows = checkRows();
    expect(rows).toHaveLength(15);
    expect(rows[0]).toEqual(['File structure', '✓passed: ok', 'The file is a well-formed PDF.']);
    expect(rows.find((row) => row[0] === 'Signature time-stamp')?.[2]).toContain(
      'Time-stamped at 2026-11-27 10:00:03 UTC by CN=KP Desk Test TSA.',
    );
    expect(rows.find((row) => row[0] === 'PAdES level')?.[1]).toBe('iinformation: B-LT');

    const signature = screen.getByRole('region', { name: 'Signature' });
    expect(signature.textContent).toContain(
      'CN=Jane Doe, O=Hudson Rough Diamond Trading LLC, C=US',
    );
    expect(signature.textContent).toContain('B-LT');
    expect(signature.textContent).toContain('2026-11-27 10:00:03 UTC');

    const record = screen.getByRole('region', { name: 'Matching record in this vault' });
    expect(within(record).getByTestId('verify-record-line').textContent).toBe(
      'US10001 (issued): this file is byte for byte its signed PDF',
    );
    expect(record.textContent).toContain('Issued');
    await user.click(within(record).getByRole('button', { name: 'Open US10001 in Records' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'certificate', id: 7 });

    expect(screen.getByTestId('verify-sha256').textContent).toBe(
      verificationSamples.passed().sha256,
    );
    expect(screen.getByRole('button', { name: 'Verify another file…' })).toBeTruthy();
  });

  it('shows TOTAL-FAILED as FAILED, names the failed check and marks its row', async () => {
    await verifyWith(ok(verificationSamples.failedPage()));
    const region = liveRegion();
    expect((await within(region).findByRole('heading', { level: 2 })).textContent).toBe(
      '✕FAILED: US10001-edited.pdf',
    );
    expect(region.textContent).toContain(
      'This check failed: page matches the seal (differs). Do not rely on this file.',
    );
    expect(region.textContent).toContain('TOTAL-FAILED / HASH_FAILURE (Hash failure)');
    expect(region.textContent).not.toMatch(/\bvalid\b|genuine/i);
    const row = document.querySelector('[data-check="pageBinding"]');
    expect(row?.className).toContain('verify-checks__row--failed');
    expect(row?.textContent).toBe(
      'Page matches the seal✕failed: differsCarats on the page: 99.50; sealed: 12.50.',
    );
    expect(screen.getByTestId('verify-record-line').textContent).toBe(
      'US10001 (issued): this file is not byte for byte a document this vault signed',
    );
  });

  it('shows the original of a voided certificate as VOIDED', async () => {
    await verifyWith(ok(verificationSamples.voided()));
    const region = liveRegion();
    expect((await within(region).findByRole('heading', { level: 2 })).textContent).toBe(
      '✕VOIDED: US10001.pdf',
    );
    expect(region.textContent).toContain(
      'Certificate US10001 was voided. This file is not a certificate in force: do not accept it.',
    );
    const record = screen.getByRole('region', { name: 'Matching record in this vault' });
    expect(record.textContent).toContain('Voided');
    expect(document.querySelector('[data-check="voidStatus"]')?.className).toContain('--failed');
  });

  it('recognises the VOID copy as the VOID copy', async () => {
    await verifyWith(ok(verificationSamples.voidCopy()));
    const region = liveRegion();
    expect((await within(region).findByRole('heading', { level: 2 })).textContent).toBe(
      '✓VOID COPY: US10001-VOID.pdf',
    );
    expect(region.textContent).toContain('It is not a certificate in force.');
    expect(document.querySelector('[data-check="documentKind"]')?.textContent).toContain(
      'VOID copy',
    );
    expect(screen.getByTestId('verify-record-line').textContent).toBe(
      'US10001 (voided): this file is byte for byte its signed VOID copy',
    );
  });

  it('explains INDETERMINATE NO_CERTIFICATE_CHAIN_FOUND and shows the self-signed signer', async () => {
    await verifyWith(ok(verificationSamples.noChain()));
    const region = liveRegion();
    expect((await within(region).findByRole('heading', { level: 2 })).textContent).toBe(
      '?INDETERMINATE: US10001.pdf',
    );
    expect(screen.getByTestId('verify-outcome').className).toContain(
      'verify-outcome--indeterminate',
    );
    expect(region.textContent).toContain('Not established: trust chain (untrusted).');
    expect(region.textContent).toContain(
      'INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND (No certificate chain found)',
    );
    expect(region.textContent).toContain('does not lead to any certificate the verifier trusts');
    expect(region.textContent).not.toMatch(/\bvalid\b|genuine/i);
    const signature = screen.getByRole('region', { name: 'Signature' });
    expect(signature.textContent).toContain('(self-signed)');
    expect(signature.textContent).toContain('B-B');
    expect(document.querySelector('[data-check="chain"]')?.className).toContain(
      '--not-established',
    );
  });

  it('explains INDETERMINATE OUT_OF_BOUNDS_NO_POE', async () => {
    await verifyWith(ok(verificationSamples.outOfBounds()));
    const region = liveRegion();
    await within(region).findByRole('heading', { level: 2 });
    expect(region.textContent).toContain(
      'INDETERMINATE / OUT_OF_BOUNDS_NO_POE (Out of bounds, no proof of existence)',
    );
    expect(region.textContent).toContain('no time-stamp proves the signature was made');
    const signature = screen.getByRole('region', { name: 'Signature' });
    expect(within(signature).getByText('None')).toBeTruthy();
  });

  it('shows a rejected file with its reason, no checks table, and its SHA-256', async () => {
    await verifyWith(ok(verificationSamples.rejected()));
    const region = liveRegion();
    expect((await within(region).findByRole('heading', { level: 2 })).textContent).toBe(
      '✕REJECTED: notes.pdf',
    );
    expect(region.textContent).toContain(
      'Nothing was checked. The file does not start with %PDF-: it is not a PDF.',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByTestId('verify-record-line').textContent).toBe(
      'No certificate in this vault matches the file. Not checked.',
    );
    expect(screen.queryByRole('button', { name: /^Open .* in Records$/ })).toBeNull();
    expect(screen.getByTestId('verify-sha256').textContent).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says nothing was checked when the dialog was closed', async () => {
    await verifyWith({ ok: true, value: { cancelled: true } });
    expect(await within(liveRegion()).findByText('No file was chosen: nothing was checked.'));
    expect(screen.queryByTestId('verify-outcome')).toBeNull();
  });

  it('shows a refused call in words (its code kept for support, not shown), and no outcome', async () => {
    const error: AppError = { code: 'VAULT_LOCKED', message: 'The vault is locked.' };
    await verifyWith({ ok: false, error });
    await waitFor(() => {
      expect(document.querySelector('[data-error-code="VAULT_LOCKED"]')).not.toBeNull();
    });
    expect(screen.getByRole('alert').textContent).toContain('The vault is locked.');
    expect(screen.queryByTestId('verify-outcome')).toBeNull();
  });
});

describe('the navigation entry', () => {
  it.each(['administrator', 'operator', 'reviewer'] as const)(
    'is there for the %s and opens the verify screen',
    async (role) => {
      const user = userEvent.setup();
      const navigate = vi.fn();
      const signedIn: SignedInUser = { userId: 1, username: 'u', displayName: 'U', role };
      render(<MainNav route={{ screen: 'records' }} user={signedIn} navigate={navigate} />);
      await user.click(screen.getByRole('button', { name: 'Verify a file' }));
      expect(navigate).toHaveBeenCalledWith({ screen: 'verify' });
    },
  );

  it('marks itself as the current page on the verify screen', () => {
    const signedIn: SignedInUser = { userId: 1, username: 'r', displayName: 'R', role: 'reviewer' };
    render(<MainNav route={{ screen: 'verify' }} user={signedIn} navigate={() => {}} />);
    expect(screen.getByRole('button', { name: 'Verify a file' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });
});
