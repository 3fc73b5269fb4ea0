// The header of the signed-in app: who the licensee is, who is signed in and in which role, and
// the two ways out: sign out (the vault stays open for the next person) and lock (closes it);
// and Help (also F1), which opens the help panel on any page (issue 16).
import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { VaultStatus } from '../../../shared/records/record-outputs';
import type { SignedInUser } from '../navigation';
import { callApi } from './call-api';
import { roleLabels } from './permissions';
import type { AppInfo } from './use-vault-session';
import { useHelp } from '../help/help-context';

type Props = {
  api: KpApi;
  info: AppInfo;
  user: SignedInUser;
  licenseeName: string | null;
  onStatus: (status: VaultStatus) => void;
};

export function AppHeader({ api, info, user, licenseeName, onStatus }: Props) {
  const [error, setError] = useState<AppError | null>(null);
  const help = useHelp();

  async function leave(how: 'signOut' | 'lock') {
    const answer = await callApi(() =>
      how === 'signOut' ? api.session.signOut({}) : api.vault.lock({}),
    );
    if (answer.ok) onStatus(answer.value);
    else setError(answer.error);
  }

  return (
    <header className="app__header">
      <div className="app__identity">
        <span className="app__name">KP Desk</span>
        <span className="app__licensee" data-testid="licensee-name">
          {licenseeName ?? 'Licensee profile not set'}
        </span>
      </div>
      <div className="app__session">
        <span data-testid="signed-in-user">
          {user.displayName} · <span className="app__role">{roleLabels[user.role]}</span>
        </span>
        <span className="app__meta" data-testid="app-info">
          {info.runtime === 'preview' ? 'Preview' : 'Desktop'} · version {info.version}
        </span>
        {help === null ? null : (
          <button
            type="button"
            className="button button--on-dark"
            aria-keyshortcuts="F1"
            onClick={() => {
              help.open();
            }}
          >
            Help
          </button>
        )}
        <button
          type="button"
          className="button button--on-dark"
          onClick={() => void leave('signOut')}
        >
          Sign out
        </button>
        <button type="button" className="button button--on-dark" onClick={() => void leave('lock')}>
          Lock
        </button>
        <span role="alert" className="app__error">
          {error?.message ?? ''}
        </span>
      </div>
    </header>
  );
}
