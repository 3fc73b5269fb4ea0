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
      onClick={() => {
        help.open(entry);
      }}
    >
      {/* The visible words start the name (WCAG 2.5.3); the hidden rest tells two links apart.
          Not an aria-label: Playwright's and Testing Library's label queries read aria-label, and
          "Carats" would then find this button as well as the field. */}
      What is this? <span className="visually-hidden">({about})</span>
    </button>
  );
}
