// The keyboard contract every modal dialog here keeps (WAI-ARIA APG, dialog pattern; WCAG 2.1.2
// "No keyboard trap" is met because Escape always leads out unless a task is running): focus moves
// into the dialog when it opens, Tab and Shift+Tab cycle inside it (aria-modal promises that the
// page behind is out of reach), Escape closes it unless it is busy, and focus returns to what
// opened it when it goes. One hook, so the dialogs cannot drift apart.
import type { KeyboardEvent, RefObject } from 'react';
import { useEffect, useRef } from 'react';

/** What Tab cycles through unless a dialog names its own set. */
const DIALOG_FOCUSABLE =
  'input:not(:disabled), textarea:not(:disabled), select:not(:disabled), button:not(:disabled), [href]';

type Options = {
  /** Called on Escape, unless busy. */
  onEscape: () => void;
  /** While a task runs, Escape does nothing: closing would hide its outcome. */
  busy: boolean;
  /** Where focus goes on open; by default the first match of `focusable`. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** A CSS selector for what Tab cycles through (and the default first focus). */
  focusable?: string;
};

type DialogFocus<T extends HTMLElement> = {
  dialogRef: RefObject<T | null>;
  onKeyDown: (event: KeyboardEvent<T>) => void;
};

/**
 * Browsers list a selector list's matches in document order, as the DOM standard says; jsdom's
 * selector engine groups them by selector (inputs, then selects, then buttons), which would wrap
 * Tab at the wrong control in the component tests. Sorting costs nothing at dialog sizes.
 */
function inDocumentOrder(found: NodeListOf<HTMLElement> | undefined): HTMLElement[] {
  return Array.from(found ?? []).sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
}

export function useDialogFocus<T extends HTMLElement = HTMLDivElement>(
  options: Options,
): DialogFocus<T> {
  const { onEscape, busy, initialFocus, focusable = DIALOG_FOCUSABLE } = options;
  const dialogRef = useRef<T>(null);

  // Runs on mount (and unmount) only: a ref object and a selector string stay the same across
  // renders, so a re-render never pulls focus back from where the user moved it.
  useEffect(() => {
    const opener = document.activeElement;
    const first = initialFocus?.current ?? dialogRef.current?.querySelector<HTMLElement>(focusable);
    first?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [initialFocus, focusable]);

  const onKeyDown = (event: KeyboardEvent<T>) => {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      onEscape();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = inDocumentOrder(dialogRef.current?.querySelectorAll<HTMLElement>(focusable));
    const first = items[0];
    const last = items[items.length - 1];
    if (first === undefined || last === undefined) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return { dialogRef, onKeyDown };
}
