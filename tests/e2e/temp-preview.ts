// A built preview host on a fresh, empty vault folder of its own under the system's temp folder
// (a first run), for a test or a whole spec file; close() stops the host, then removes the
// folder and everything the test put in it (exports, imports).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltPreview } from './start-built-preview';
import type { PreviewStartOptions, RunningPreview } from './start-built-preview';

export type TempPreview = RunningPreview & { dataDir: string; close: () => Promise<void> };

/** `prefix` names the folder (kpdesk-e2e-…-XXXXXX), to tell a left-over one's spec. */
export async function startTempPreview(
  prefix: string,
  options: Omit<PreviewStartOptions, 'dataDir'> = {},
): Promise<TempPreview> {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  try {
    const preview = await startBuiltPreview({ ...options, dataDir });
    return {
      ...preview,
      dataDir,
      close: async () => {
        await preview.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
