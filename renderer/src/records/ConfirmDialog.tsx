// A modal confirmation (role="alertdialog") for an act that cannot be undone. Focus moves into it
// on open, stays inside with Tab, Escape cancels, and focus returns to what opened it
// (use-dialog-focus.ts).
import type { ReactNode } from 'react';
import { useId, useRef } from 'react';
import { useDialogFocus } from '../shell/use-dialog-focus';

type ConfirmDialogProps = {
  title: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
};

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, confirmLabel, cancelLabel, busy, onConfirm, onCancel, children } = props;
  const titleId = useId();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  // The safe choice has focus first: Enter alone never destroys anything. Tab cycles through the
  // buttons only.
  const { dialogRef, onKeyDown } = useDialogFocus({
    onEscape: onCancel,
    busy,
    initialFocus: cancelRef,
    focusable: 'button:not(:disabled)',
  });

  return (
    <div className="confirm-backdrop">
      <div
        ref={dialogRef}
        className="confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId}>{children}</div>
        <div className="action-form__buttons">
          <button
            ref={cancelRef}
            type="button"
            className="button"
            disabled={busy}
            onClick={onCancel}
          >
            {cancelLabel}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            aria-busy={busy}
            onClick={onConfirm}
          >
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
