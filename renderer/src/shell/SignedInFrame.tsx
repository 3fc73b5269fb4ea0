// The signed-in app: a header (licensee, user and role, sign out, lock), the navigation and the
// current screen. The route lives here, in memory (navigation.ts); on each change the focus
// moves to the new screen's heading so keyboard and screen-reader users land on it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import type { Route, SignedInUser } from '../navigation';
import { AppHeader } from './AppHeader';
import { CurrentScreen } from './CurrentScreen';
import { MainNav } from './MainNav';
import type { AppInfo } from './use-vault-session';
import { useLicenseeName } from './use-licensee-name';
import { useNeedsUserCount } from '../submissions/use-needs-user-count';
import { HelpProvider } from '../help/HelpProvider';

type Props = {
  api: KpApi;
  info: AppInfo;
  user: SignedInUser;
  onStatus: (status: VaultStatus) => void;
  /** Shown above every screen: the audit package being read (issue 14). */
  banner?: ReactNode;
};

export function SignedInFrame({ api, info, user, onStatus, banner }: Props) {
  const [route, setRoute] = useState<Route>({ screen: 'records' });
  const main = useRef<HTMLElement>(null);
  const moved = useRef(false);
  const { licenseeName, reloadLicensee } = useLicenseeName(api);
  const needsUser = useNeedsUserCount(api);

  const navigate = useCallback((to: Route) => {
    moved.current = true;
    setRoute(to);
  }, []);

  useEffect(() => {
    if (!moved.current) return;
    const heading = main.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    } else main.current?.focus();
  }, [route]);

  return (
    <HelpProvider
      onOpenGlossary={() => {
        navigate({ screen: 'glossary' });
      }}
    >
      <div className="app">
        <a className="skip-link" href="#main">
          Skip to the content
        </a>
        {banner}
        <AppHeader
          api={api}
          info={info}
          user={user}
          licenseeName={licenseeName}
          onStatus={onStatus}
        />
        <div className="app__body">
          <MainNav api={api} route={route} user={user} navigate={navigate} needsUser={needsUser} />
          <main id="main" className="app__main" ref={main} tabIndex={-1}>
            <CurrentScreen
              api={api}
              route={route}
              user={user}
              navigate={navigate}
              onLicenseeSaved={reloadLicensee}
            />
          </main>
        </div>
        <footer className="app__footer">
          KP Participant list as of {info.participantsAsOf}. Rules: 31 CFR 592 (Rough Diamonds
          Control Regulations) and USKPA practice.
        </footer>
      </div>
    </HelpProvider>
  );
}
