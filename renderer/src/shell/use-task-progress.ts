// While a long task (vault:backup, vault:restore) is pending, asks tasks:progress every 250 ms;
// main answers at once even while the task runs. One request at a time; null when none runs.
// An answer equal to the last one keeps the same object, so the bar does not re-render; what the
// bar announces moves in steps of ten (task-percent.ts, TaskProgressBar).
import { useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { TaskProgress } from '../../../shared/records/task-progress';
import { callApi } from './call-api';

const POLL_MS = 250;

function sameProgress(a: TaskProgress | null, b: TaskProgress | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.operation === b.operation && a.phase === b.phase && a.done === b.done && a.total === b.total
  );
}

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
      if (!stopped && answer.ok) {
        const next = answer.value;
        setProgress((last) => (sameProgress(last, next) ? last : next));
      }
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
