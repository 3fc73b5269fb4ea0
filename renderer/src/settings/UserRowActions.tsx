// One user's role and account, changed by an administrator (users:update). Main refuses to demote
// or disable the last active administrator, or to disable one's own account; its message shows.
import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { userRoles } from '../../../shared/records/user-inputs';
import type { UserRole } from '../../../shared/records/user-inputs';
import { callApi } from '../shell/call-api';
import { roleLabels } from '../shell/permissions';

type User = ChannelOutput<'users:list'>[number];

type Props = {
  api: KpApi;
  user: User;
  onChanged: (message: string) => void;
  onError: (error: AppError) => void;
};

export function UserRowActions({ api, user, onChanged, onError }: Props) {
  const [role, setRole] = useState<UserRole>(user.role);
  const [busy, setBusy] = useState(false);

  async function update(change: { role?: UserRole; disabled?: boolean }, done: string) {
    setBusy(true);
    const answer = await callApi(() => api.users.update({ id: user.id, ...change }));
    setBusy(false);
    if (answer.ok) onChanged(done);
    else onError(answer.error);
  }

  const disabled = user.disabledAt !== null;
  return (
    <div className="row-actions">
      <label className="visually-hidden" htmlFor={`role-${String(user.id)}`}>
        Role of {user.displayName}
      </label>
      <select
        id={`role-${String(user.id)}`}
        className="control control--compact"
        value={role}
        disabled={busy}
        onChange={(event) => {
          setRole(event.target.value as UserRole);
        }}
      >
        {userRoles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--small"
        disabled={busy || role === user.role}
        onClick={() =>
          void update({ role }, `${user.displayName} is now ${roleLabels[role].toLowerCase()}.`)
        }
      >
        Change role<span className="visually-hidden"> of {user.displayName}</span>
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() =>
          void update(
            { disabled: !disabled },
            `${user.displayName} can ${disabled ? 'now sign in again' : 'no longer sign in'}.`,
          )
        }
      >
        {disabled ? 'Enable' : 'Disable'}
        <span className="visually-hidden"> {user.displayName}</span>
      </button>
    </div>
  );
}
