// The help panel: a side panel beside the current screen (not modal: a dealer can read the
// explanation while filling in the field it explains). It shows one glossary entry, or the list
// of terms, and leads to the whole glossary page. Focus moves to its heading when it opens or
// shows another entry; Escape or "Close help" closes it and focus returns to where it was.
import type { KeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';
import { GlossaryEntryView } from './GlossaryEntryView';
import { glossary, glossaryEntry } from './glossary';
import type { GlossaryId } from './glossary';

type Props = {
  entry: GlossaryId | null;
  onShow: (entry: GlossaryId | null) => void;
  onClose: () => void;
  /** Opens the glossary page; absent where there is no such page. */
  onOpenGlossary?: () => void;
};

export function HelpPanel({ entry, onShow, onClose, onOpenGlossary }: Props) {
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    const heading = panel.current?.querySelector<HTMLElement>(
      entry === null ? '#help-panel-title' : '#help-panel-entry',
    );
    heading?.focus();
  }, [entry]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  };

  return (
    <aside
      ref={panel}
      className="help-panel"
      aria-labelledby="help-panel-title"
      onKeyDown={onKeyDown}
      data-testid="help-panel"
    >
      <div className="help-panel__top">
        <h2 id="help-panel-title" tabIndex={-1}>
          Help
        </h2>
        <button type="button" className="button" onClick={onClose}>
          Close help
        </button>
      </div>
      {entry === null ? (
        <p className="help-panel__intro">
          The words of rough-diamond exports, in plain words, with the rules they come from. On a
          field of the certificate, press F1 or choose “What is this?” for its explanation.
        </p>
      ) : (
        <GlossaryEntryView entry={glossaryEntry(entry)} level={3} headingId="help-panel-entry" />
      )}
      <nav aria-label="Terms in the help" className="help-panel__terms">
        <p className="help-panel__terms-title">{entry === null ? 'Terms' : 'Other terms'}</p>
        <ul>
          {glossary
            .filter((other) => other.id !== entry)
            .map((other) => (
              <li key={other.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    onShow(other.id);
                  }}
                >
                  {other.term}
                </button>
              </li>
            ))}
        </ul>
      </nav>
      {onOpenGlossary === undefined ? null : (
        <button type="button" className="button" onClick={onOpenGlossary}>
          Open the whole glossary
        </button>
      )}
    </aside>
  );
}
