// The one place the renderer learns which locale to format numbers, dates and times in. Today it
// is always en-US; a per-computer preference (issue 16, "number and date format") will provide
// another value here, and every screen follows because they all read it through useLocale().
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

export const DEFAULT_LOCALE = 'en-US';

const LocaleContext = createContext<string>(DEFAULT_LOCALE);

export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/** The locale of the nearest LocaleProvider, en-US without one. */
export function useLocale(): string {
  return useContext(LocaleContext);
}
