// "What is this?" beside a field or a passage: opens the help panel at its glossary entry. The
// accessible name says what it explains ("What is this? (HS code)"), so two links in one step
// are told apart. Without a help panel (no HelpProvider) it renders nothing.
import type { GlossaryId } from './glossary';
import { useHelp } from './help-context';

type Props = { entry: GlossaryId; about: string };

export function HelpLink({ entry, about }: Props) {
  const help = useHelp();
  if (help === null) return null;
  return (
    <button
      type="button"
      className="help-link"
      // The visible words start the name (WCAG 2.5.3); the rest tells two links apart.
      aria-label={`What is this? (${about})`}
      onClick={() => {
        help.open(entry);
      }}
    >
      What is this?
    </button>
  );
}
