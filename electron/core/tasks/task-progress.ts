// How far a long task (backup, restore) has come, for the renderer to poll (tasks:progress). It
// lives outside the vault's call queue on purpose: the vault runs one call at a time, so a
// progress question sent through it would wait until the task it asks about had finished. The
// vault reports progress as events (the worker's messages, or the in-process gateway's callback).
import type { TaskProgress } from '../../../shared/records/task-progress';
import { TaskProgressSchema } from '../../../shared/records/task-progress';

export type TaskProgressTracker = {
  /** An event from the vault; anything that is not a progress report is ignored. */
  report: (event: unknown) => void;
  current: () => TaskProgress | null;
  /** Around a task: nothing is reported before it starts or after it ends. */
  run: <R>(task: () => Promise<R>) => Promise<R>;
};

export function createTaskProgressTracker(): TaskProgressTracker {
  let current: TaskProgress | null = null;
  let running = false;
  return {
    report: (event) => {
      const parsed = TaskProgressSchema.safeParse(event);
      if (running && parsed.success) current = parsed.data;
    },
    current: () => current,
    run: async (task) => {
      running = true;
      current = null;
      try {
        return await task();
      } finally {
        running = false;
        current = null;
      }
    },
  };
}
