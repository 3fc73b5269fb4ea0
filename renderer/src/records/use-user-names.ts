// The display names of the vault's users, by id, for the pages that say who did something (who
// attested the warranty, who asked for or decided a correction). Names are a courtesy: until they
// arrive, or if the list cannot be read, a user is shown by number.
import { useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';

export type UserNames = ReadonlyMap<number, string>;

export function useUserNames(api: KpApi): UserNames {
  const [names, setNames] = useState<UserNames>(new Map());
  useEffect(() => {
    let current = true;
    void callApi(() => api.users.list({})).then((answer) => {
      if (current && answer.ok) setNames(new Map(answer.value.map((u) => [u.id, u.displayName])));
    });
    return () => {
      current = false;
    };
  }, [api]);
  return names;
}

export function userName(names: UserNames, userId: number): string {
  return names.get(userId) ?? `user #${String(userId)}`;
}
