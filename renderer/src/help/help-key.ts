// F1 opens the help, as in most desktop programs. On a form field that has a glossary entry
// (marked data-help-entry by Field.tsx), F1 opens that entry: the help for what the user is
// looking at, not the start of the glossary.
import { glossaryIds } from './glossary';
import type { GlossaryId } from './glossary';

export const HELP_ENTRY_ATTRIBUTE = 'data-help-entry';

function isGlossaryId(value: string | null): value is GlossaryId {
  return value !== null && (glossaryIds as readonly string[]).includes(value);
}

/** The entry for the element that has focus, when it sits inside a field with one. */
export function entryForFocus(focused: Element | null): GlossaryId | undefined {
  const holder = focused?.closest(`[${HELP_ENTRY_ATTRIBUTE}]`) ?? null;
  const value = holder?.getAttribute(HELP_ENTRY_ATTRIBUTE) ?? null;
  return isGlossaryId(value) ? value : undefined;
}
