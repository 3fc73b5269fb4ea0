// Offers the help panel to every signed-in screen (issue 16, first day): the header's Help
// button, F1 anywhere (on a field: that field's entry) and the "What is this?" links all open the
// same panel. The panel is rendered here, beside the screens, so it stays open while the user
// moves between fields.
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { HelpContext } from './help-context';
import type { HelpControls } from './help-context';
import { entryForFocus } from './help-key';
import type { GlossaryId } from './glossary';
import { HelpPanel } from './HelpPanel';
import './help.css';

type Props = {
  children: ReactNode;
  /** Opens the glossary page (the signed-in app's route). */
  onOpenGlossary?: () => void;
};

type Shown = { entry: GlossaryId | null } | null;

export function HelpProvider({ children, onOpenGlossary }: Props) {
  const [shown, setShown] = useState<Shown>(null);
  // Where focus was before the panel opened: it goes back there when the panel closes.
  const opener = useRef<HTMLElement | null>(null);

  const open = useCallback((entry?: GlossaryId) => {
    const active = document.activeElement;
    const inPanel = active?.closest('.help-panel') ?? null;
    if (inPanel === null) opener.current = active instanceof HTMLElement ? active : null;
    setShown({ entry: entry ?? null });
  }, []);

  const close = useCallback(() => {
    setShown(null);
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected === true) back.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F1') return;
      // The browser's own F1 (its help page) would leave the app.
      event.preventDefault();
      open(entryForFocus(document.activeElement));
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const controls = useMemo<HelpControls>(() => ({ open }), [open]);
  return (
    <HelpContext.Provider value={controls}>
      {children}
      {shown === null ? null : (
        <HelpPanel
          entry={shown.entry}
          onShow={(entry) => {
            setShown({ entry });
          }}
          onClose={close}
          {...(onOpenGlossary === undefined
            ? {}
            : {
                onOpenGlossary: () => {
                  setShown(null);
                  opener.current = null;
                  onOpenGlossary();
                },
              })}
        />
      )}
    </HelpContext.Provider>
  );
}
