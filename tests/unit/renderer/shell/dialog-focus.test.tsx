// @vitest-environment jsdom
// The keyboard contract of the modal dialogs (WAI-ARIA dialog pattern): focus moves in on open
// (ConfirmDialog: to the safe choice), Tab and Shift+Tab stay inside, Escape closes unless the
// dialog is busy, and focus returns to what opened it. Written against ModalDialog and
// ConfirmDialog before they shared use-dialog-focus, and kept to hold them to it; the manual
// channel's RecordConfirmationDialog kept Tab inside only once it used the hook.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubmissionItem } from '../../../../shared/records/submission-views';
import { ConfirmDialog } from '../../../../renderer/src/records/ConfirmDialog';
import { RecordConfirmationDialog } from '../../../../renderer/src/submissions/RecordConfirmationDialog';
import { ModalDialog } from '../../../../renderer/src/templates/ModalDialog';

afterEach(cleanup);

type DialogProps = { busy: boolean; onClose: () => void };

/** An opener button and, once pressed, the dialog; closing unmounts it. */
function Opener({ dialog }: { dialog: (props: DialogProps) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
        }}
      >
        Open
      </button>
      <label>
        <input
          type="checkbox"
          checked={busy}
          onChange={(event) => {
            setBusy(event.target.checked);
          }}
        />
        Busy
      </label>
      {open &&
        dialog({
          busy,
          onClose: () => {
            setOpen(false);
          },
        })}
    </>
  );
}

const modal = ({ busy, onClose }: DialogProps) => (
  <ModalDialog title="Name it" busy={busy} onClose={onClose}>
    <input aria-label="Name" />
    <button type="button" disabled>
      Not now
    </button>
    <button type="button" onClick={onClose}>
      Done
    </button>
  </ModalDialog>
);

const confirm = (onConfirm: () => void) =>
  function ConfirmExample({ busy, onClose }: DialogProps) {
    return (
      <ConfirmDialog
        title="Void it?"
        confirmLabel="Void"
        cancelLabel="Keep it"
        busy={busy}
        onConfirm={onConfirm}
        onCancel={onClose}
      >
        <p>It cannot be undone.</p>
      </ConfirmDialog>
    );
  };

describe('ModalDialog', () => {
  it('focuses its first field, keeps Tab inside, closes on Escape and gives focus back', async () => {
    const user = userEvent.setup();
    render(<Opener dialog={modal} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Name it' });
    const name = screen.getByLabelText('Name');
    const done = screen.getByRole('button', { name: 'Done' });
    expect(document.activeElement).toBe(name);

    await user.tab();
    expect(document.activeElement).toBe(done);
    // From the last control Tab wraps to the first, and Shift+Tab back: never out of the dialog.
    await user.tab();
    expect(document.activeElement).toBe(name);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(done);

    await user.keyboard('{Escape}');
    expect(dialog.isConnected).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('ignores Escape while busy', async () => {
    const user = userEvent.setup();
    render(<Opener dialog={modal} />);
    await user.click(screen.getByLabelText('Busy'));
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Name it' })).toBeTruthy();
  });
});

describe('ConfirmDialog', () => {
  it('focuses the safe choice, keeps Tab on its buttons, cancels on Escape, gives focus back', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<Opener dialog={confirm(onConfirm)} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    const dialog = screen.getByRole('alertdialog', { name: 'Void it?' });
    const keep = screen.getByRole('button', { name: 'Keep it' });
    const voidIt = screen.getByRole('button', { name: 'Void' });
    expect(document.activeElement).toBe(keep);

    await user.tab();
    expect(document.activeElement).toBe(voidIt);
    await user.tab();
    expect(document.activeElement).toBe(keep);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(voidIt);

    await user.keyboard('{Escape}');
    expect(dialog.isConnected).toBe(false);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(opener);
  });

  it('ignores Escape while busy', async () => {
    const user = userEvent.setup();
    render(<Opener dialog={confirm(vi.fn())} />);
    await user.click(screen.getByLabelText('Busy'));
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog', { name: 'Void it?' })).toBeTruthy();
  });
});

describe('RecordConfirmationDialog (the manual channel)', () => {
  const item: SubmissionItem = {
    id: 1,
    recipient: 'census',
    kind: 'shipped',
    number: 'US10001',
    certificateId: 1,
    idempotencyKey: '10001-census-shipped',
    status: 'pending',
    attempts: 0,
    queuedAt: '2026-11-28T12:00:00.000Z',
    nextDueAt: '2026-11-28T12:00:00.000Z',
    lastAttemptAt: null,
    lastErrorCode: null,
    lastError: null,
    deliveredAt: null,
    receiptId: null,
  };
  const recordDialog = ({ busy, onClose }: DialogProps) => (
    <RecordConfirmationDialog
      item={item}
      busy={busy}
      error={null}
      now={() => new Date('2026-11-30T12:00:00Z')}
      onSave={vi.fn()}
      onCancel={onClose}
    />
  );

  it('starts on its first field, keeps Tab inside, closes on Escape and gives focus back', async () => {
    const user = userEvent.setup();
    render(<Opener dialog={recordDialog} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Record that US10001 was sent to Census' });
    const method = screen.getByLabelText('How it was sent');
    const save = screen.getByRole('button', { name: 'Record the confirmation' });
    expect(document.activeElement).toBe(method);

    await user.tab({ shift: true });
    expect(document.activeElement).toBe(save);
    await user.tab();
    expect(document.activeElement).toBe(method);

    await user.keyboard('{Escape}');
    expect(dialog.isConnected).toBe(false);
    expect(document.activeElement).toBe(opener);
  });
});
