// While a long task (vault:backup, vault:restore) is pending, asks tasks:progress every 250 ms;
// main answers at once even while the task runs. One request at a time; null when none runs.
import { useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { TaskProgress } from '../../../shared/records/task-progress';
import { callApi } from './call-api';

const POLL_MS = 250;

export function useTaskProgress(api: KpApi, active: boolean): TaskProgress | null {
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let asking = false;
    const ask = async () => {
      if (asking) return;
      asking = true;
      const answer = await callApi(() => api.tasks.progress({}));
      asking = false;
      // A failed poll is not the task failing: the task's own answer says how it ended.
      if (!stopped && answer.ok) setProgress(answer.value);
    };
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      setProgress(null);
    };
  }, [api, active]);
  return active ? progress : null;
}
