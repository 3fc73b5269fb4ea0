// A modal dialog (role="dialog") for a short task such as naming a template: focus moves to its
// first field on open, Tab stays inside, Escape closes, and focus returns to what opened it
// (use-dialog-focus.ts).
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useDialogFocus } from '../shell/use-dialog-focus';

type Props = { title: string; onClose: () => void; busy?: boolean; children: ReactNode };

export function ModalDialog({ title, onClose, busy = false, children }: Props) {
  const titleId = useId();
  const { dialogRef, onKeyDown } = useDialogFocus({ onEscape: onClose, busy });

  return (
    <div className="confirm-backdrop">
      <div
        ref={dialogRef}
        className="template-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
