// The help panel's controls, offered to every screen by HelpProvider: open it (at a glossary
// entry, or at its list of terms). Outside a provider (a component tested on its own, the screens
// before sign-in) there is no panel, and help links render nothing rather than a dead button.
import { createContext, useContext } from 'react';
import type { GlossaryId } from './glossary';

export type HelpControls = {
  /** Opens the panel at this entry; without one, at the list of terms. */
  open: (entry?: GlossaryId) => void;
};

export const HelpContext = createContext<HelpControls | null>(null);

export function useHelp(): HelpControls | null {
  return useContext(HelpContext);
}
