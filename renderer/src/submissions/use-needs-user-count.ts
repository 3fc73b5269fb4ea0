// The navigation's badge: how many submissions need the user (Rejected), asked of the core every
// few seconds while signed in. A failed call shows no badge rather than a wrong number.
import { useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';

const POLL_MS = 5000;

export function useNeedsUserCount(api: KpApi): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let current = true;
    const load = async () => {
      const answer = await callApi(() => api.submissions.status({}));
      if (current) setCount(answer.ok ? answer.value.needsUser : 0);
    };
    void load();
    const timer = setInterval(() => {
      void load();
    }, POLL_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [api]);
  return count;
}
