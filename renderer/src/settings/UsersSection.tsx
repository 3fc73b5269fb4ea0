// Settings → Users and roles. Everyone sees who has access; only an administrator adds people.
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { roleLabels } from '../shell/permissions';
import { NewUserForm } from './NewUserForm';
import { RoleCapabilityTable } from './RoleCapabilityTable';
import { UserRowActions } from './UserRowActions';

type UserList = ChannelOutput<'users:list'>;

export function UsersSection({ api, manage }: { api: KpApi; manage: boolean }) {
  const [users, setUsers] = useState<UserList | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void callApi(() => api.users.list({})).then((answer) => {
      if (!current) return;
      if (answer.ok) setUsers(answer.value);
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api, attempt]);

  return (
    <section className="panel" aria-labelledby="settings-users">
      <h2 id="settings-users">Users and roles</h2>
      <FormAlert error={error} success={success} />
      <RoleCapabilityTable />
      {users === null ? null : (
        <table className="table" data-testid="users-table">
          <caption className="visually-hidden">People who may sign in</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Username</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              {manage ? <th scope="col">Change</th> : null}
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>{user.displayName}</td>
                <td>{user.username}</td>
                <td>{roleLabels[user.role]}</td>
                <td>{user.disabledAt === null ? 'Active' : 'Disabled'}</td>
                {manage ? (
                  <td>
                    <UserRowActions
                      key={`${user.role}-${String(user.disabledAt)}`}
                      api={api}
                      user={user}
                      onChanged={(message) => {
                        setError(null);
                        setSuccess(message);
                        setAttempt((n) => n + 1);
                      }}
                      onError={(failure) => {
                        setSuccess(null);
                        setError(failure);
                      }}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manage ? (
        <NewUserForm
          api={api}
          onCreated={() => {
            setAttempt((n) => n + 1);
          }}
        />
      ) : null}
    </section>
  );
}
