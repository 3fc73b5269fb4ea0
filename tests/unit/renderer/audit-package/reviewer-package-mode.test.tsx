// @vitest-environment jsdom
// The reviewer's mode (issue 14, parts 3 and 4): the app opened on an audit package, over the
// real core and a real package exported from a real vault. On every screen a reviewer can reach,
// every enabled button is pressed, and no call the core refuses for a package
// (AUDIT_PACKAGE_READ_ONLY) may come of it: what would be refused is hidden, or shown disabled
// with the reason "This is a read-only audit package". Then the package is closed by the
// auto-lock, and the first screen says so and offers to open it again.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/src/App';
import { READ_ONLY_PACKAGE_REASON } from '../../../../renderer/src/audit-package/package-access';
import { buildKpApi } from '../../../../shared/ipc/api';
import type { KpApi } from '../../../../shared/ipc/api';
import { channelNames } from '../../../../shared/ipc/channels';
import type { ChannelName } from '../../../../shared/ipc/channels';
import type { ChannelHarness } from '../../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../../helpers/vault-channel-harness';

const PASSPHRASE = 'for USKPA, sent by post';

// The core runs in this test's process, where jsdom's Uint8Array stands in for Node's: SQLite's
// blobs (Node's Buffers) would not be Uint8Arrays to the core's checks (the package export
// refuses such a column). Node's own goes back for this file; the DOM does not use it.
const nodeUint8Array = (Object.getPrototypeOf(Buffer.prototype) as Uint8Array)
  .constructor as Uint8ArrayConstructor;
globalThis.Uint8Array = nodeUint8Array;
// jsdom lays nothing out; the glossary scrolls to the term pressed.
Element.prototype.scrollIntoView = () => undefined;

let h: ChannelHarness;
let packageBytes: Buffer;
const refused: { channel: ChannelName; code: string }[] = [];
let inFlight = 0;

/** window.kp over the real core, recording every refusal a package would give. */
function recordingApi(): KpApi {
  return buildKpApi(async (channel, input) => {
    inFlight += 1;
    try {
      const result = await h.call(channel, JSON.parse(JSON.stringify(input ?? null)) as unknown);
      if (!result.ok && result.error.code === 'AUDIT_PACKAGE_READ_ONLY')
        refused.push({ channel, code: result.error.code });
      return result;
    } finally {
      inFlight -= 1;
    }
  }, channelNames);
}

function offerPackage(): void {
  const imports = join(h.dialogs.root, 'imports');
  mkdirSync(imports, { recursive: true });
  writeFileSync(join(imports, 'records.kpdesk-audit'), packageBytes);
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 30));
  });
  await waitFor(
    () => {
      expect(inFlight).toBe(0);
    },
    { timeout: 10_000 },
  );
}

beforeAll(async () => {
  // The package's idle time is checked every 40 ms here (30 s in the app).
  h = createChannelHarness({ packageIdleCheckMs: 40 });
  await h.firstRun();
  await h.addUser('rita', 'reviewer');
  const certificateId = await h.issueFixture();
  await h.value('identity:generate', { signerName: 'Ada Admin' });
  await h.value('documents:sign', { certificateId });
  const exported = await h.value<{ path: string }>('auditPackage:export', {
    passphrase: PASSPHRASE,
  });
  packageBytes = readFileSync(exported.path);
  await h.value('vault:lock');
  offerPackage();
  await h.value('auditPackage:open', { passphrase: PASSPHRASE });
}, 180_000);
afterAll(() => {
  cleanup();
  h.dispose();
});

/** Buttons of the page a reviewer could press, except the ways out (close, lock, sign out). */
function pressable(): HTMLButtonElement[] {
  const leave = /^(Close the package|Lock|Sign out|Help)$/;
  return within(screen.getByRole('main'))
    .queryAllByRole('button')
    .filter(
      (b): b is HTMLButtonElement =>
        b instanceof HTMLButtonElement && !b.disabled && !leave.test(b.textContent.trim()),
    );
}

function navButtons(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('button')
    .filter((b) => !(b as HTMLButtonElement).disabled)
    .map((b) => b.textContent.trim());
}

async function goTo(label: string): Promise<void> {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  const button = within(nav)
    .getAllByRole('button')
    .find((b) => b.textContent.trim().startsWith(label));
  if (button === undefined) throw new Error(`no navigation entry ${label}`);
  await userEvent.click(button);
  await settle();
}

/** Presses every enabled button of a screen once, coming back to the screen before each. */
async function pressEverything(arrive: () => Promise<void>, where: string): Promise<number> {
  await arrive();
  const count = pressable().length;
  for (let i = 0; i < count; i += 1) {
    await arrive();
    const button = pressable()[i];
    if (button === undefined) continue;
    const label = button.textContent.trim();
    await userEvent.click(button);
    await settle();
    expect(refused, `${where}: pressing "${label}"`).toEqual([]);
  }
  return count;
}

describe('the reviewer’s mode over an audit package', () => {
  it('offers no enabled action that the core refuses, on any screen', async () => {
    const { unmount } = render(<App api={recordingApi()} />);
    await screen.findByRole('region', { name: 'Audit package being read' }, { timeout: 60_000 });
    await settle();
    expect(refused).toEqual([]);
    const entries = navButtons();
    let pressed = 0;
    for (const entry of entries) {
      pressed += await pressEverything(async () => {
        await goTo(entry);
        expect(refused, `${entry}: on arrival`).toEqual([]);
      }, entry);
    }
    // The certificate's own page, reached from the audit log (the records list is virtualised,
    // and jsdom lays nothing out).
    const openRecord = async (): Promise<void> => {
      await goTo('Audit log');
      const links = await screen.findAllByRole('button', { name: 'US12345' });
      await userEvent.click(links[0] as HTMLElement);
      await settle();
      await screen.findByRole('heading', { level: 1, name: /US12345/ });
    };
    pressed += await pressEverything(openRecord, 'the certificate page');
    expect(pressed).toBeGreaterThan(10);
    // Not offered: what the core answers nothing for while a package is read.
    expect(entries).not.toContain('Templates');
    expect(entries).not.toContain('Verify a file');
    expect(entries).not.toContain('New certificate');
    // Shown but refused: disabled, and the reason said beside it.
    const disabledWithReason = (name: string): void => {
      const button = screen.getByRole('button', { name });
      expect((button as HTMLButtonElement).disabled, name).toBe(true);
      const note = document.getElementById(button.getAttribute('aria-describedby') ?? '');
      expect(note?.textContent, name).toMatch(new RegExp(`^${READ_ONLY_PACKAGE_REASON}: `));
    };
    await goTo('Settings');
    disabledWithReason('Back up now');
    disabledWithReason('Check the record now');
    disabledWithReason('Check against a file…');
    expect(screen.queryByRole('heading', { name: /Signing keys/ })).toBeNull();
    await goTo('Review');
    disabledWithReason('Export audit package…');
    await goTo('Submissions');
    disabledWithReason('Export receipts…');
    unmount();
  }, 300_000);

  it('says when the auto-lock closed the package, and opens it again', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<App api={recordingApi()} />);
    await screen.findByRole('region', { name: 'Audit package being read' }, { timeout: 60_000 });
    await settle();
    // Nobody uses it past the auto-lock time (15 minutes): the core closes it on its own.
    h.clock.now = new Date(h.clock.now.getTime() + 16 * 60_000);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(await h.value('auditPackage:current')).toBeNull();
    // The reviewer comes back and presses anything: the first screen says what happened.
    await user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', {
        name: /Stock/,
      }),
    );
    const notice = await screen.findByTestId('package-closed-notice', {}, { timeout: 20_000 });
    expect(notice.textContent).toBe(
      'The audit package records.kpdesk-audit was closed after 15 minutes without use, and its temporary copy was deleted from this computer. Open it again with its passphrase to go on reading.',
    );
    expect(screen.queryByRole('region', { name: 'Audit package being read' })).toBeNull();
    // Offered again: the same file, chosen in main's dialog, with its passphrase.
    offerPackage();
    await user.click(screen.getByRole('button', { name: 'Open the package again…' }));
    await user.type(screen.getByLabelText('Package passphrase'), PASSPHRASE);
    const form = screen.getByRole('form', { name: 'Open an audit package' });
    await user.click(within(form).getByRole('button', { name: 'Choose the package file…' }));
    await screen.findByRole('region', { name: 'Audit package being read' }, { timeout: 60_000 });
    expect(screen.queryByTestId('package-closed-notice')).toBeNull();
    unmount();
  }, 180_000);
});
