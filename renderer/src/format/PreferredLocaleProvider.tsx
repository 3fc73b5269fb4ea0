// The locale of this computer's preferences (preferences:get, kept by main, not in the vault),
// read once at start and given to every screen (issue 16). Until the answer comes, and when it
// cannot come (no window.kp, an error), screens use en-US: formats never wait for main. A locale
// saved later in Settings takes effect at once through useChangeLocale().
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';
import { DEFAULT_LOCALE, LocaleProvider } from './locale-context';

type Props = { api: Pick<KpApi, 'preferences'> | undefined; children: ReactNode };

export function PreferredLocaleProvider({ api, children }: Props) {
  const [locale, setLocale] = useState(DEFAULT_LOCALE);
  // Set once a locale was chosen in this run: the start-up answer, if later, must not undo it.
  const [chosen, setChosen] = useState(false);

  useEffect(() => {
    if (api === undefined || chosen) return;
    let current = true;
    // A failed read leaves en-US: the preference only changes how figures are written.
    void callApi(() => api.preferences.get({})).then((answer) => {
      if (current && answer.ok) setLocale(answer.value.locale);
    });
    return () => {
      current = false;
    };
  }, [api, chosen]);

  return (
    <LocaleProvider
      locale={locale}
      onChange={(next) => {
        setChosen(true);
        setLocale(next);
      }}
    >
      {children}
    </LocaleProvider>
  );
}
