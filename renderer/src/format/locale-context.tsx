// The one place the renderer learns which locale to format numbers, dates and times in: en-US by
// default, else this computer's preference (issue 16, "number and date format";
// PreferredLocaleProvider.tsx reads it at start). Every screen follows a change at once because
// they all read it through useLocale(); Settings announces a saved change with useChangeLocale().
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

export const DEFAULT_LOCALE = 'en-US';

const LocaleContext = createContext<string>(DEFAULT_LOCALE);
// Without a provider that can change it (a component tested on its own), a change is a no-op.
const ChangeLocaleContext = createContext<(locale: string) => void>(() => undefined);

export function LocaleProvider({
  locale,
  onChange,
  children,
}: {
  locale: string;
  onChange?: (locale: string) => void;
  children: ReactNode;
}) {
  const provided = <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
  return onChange === undefined ? (
    provided
  ) : (
    <ChangeLocaleContext.Provider value={onChange}>{provided}</ChangeLocaleContext.Provider>
  );
}

/** The locale of the nearest LocaleProvider, en-US without one. */
export function useLocale(): string {
  return useContext(LocaleContext);
}

/** Applies a newly saved locale to every screen, without a restart. */
export function useChangeLocale(): (locale: string) => void {
  return useContext(ChangeLocaleContext);
}
