// Entry point of the vault worker thread (built to dist/electron/vault-worker.mjs): serves the
// vault gateway over the RPC of rpc-server.ts, so the synchronous SQLite driver and scrypt never
// block the Electron main process. Unexpected errors are logged here by name only; their
// messages may quote values, and this log must never hold key material.
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { createVaultGateway } from '../vault-gateway';
import { serveRpc } from './rpc-server';

const port = parentPort;
if (port === null) throw new Error('vault-worker.mjs must be started as a worker thread');

const WorkerDataSchema = z.object({
  dataDir: z.string().min(1),
  autoLockMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  /** The folder with the certificate fonts (fonts/): process.resourcesPath when packaged. */
  resourcesDir: z.string().min(1).optional(),
  /** Tests only: a lower password-hashing cost. */
  passwordHashing: z
    .object({ N: z.number().int(), r: z.number().int(), p: z.number().int() })
    .optional(),
});
const init = WorkerDataSchema.parse(workerData);

const gateway = createVaultGateway({
  ...init,
  // Bundled beside this file by scripts/build-node.mjs.
  auditWorkerFile: fileURLToPath(new URL('./audit-verify-worker.mjs', import.meta.url)),
  onProgress: (event) => {
    port.postMessage({ event });
  },
  // A background delivery pass that failed unexpectedly (the rows stay queued and are retried).
  onBackgroundError: (error: unknown) => {
    const name = error instanceof Error ? error.name : typeof error;
    process.stderr.write(`vault-worker: background delivery stopped by ${name}\n`);
  },
});

serveRpc(port, gateway, {
  onShutdown: () => {
    gateway.lock();
  },
  onInternalError: (error: unknown) => {
    const name = error instanceof Error ? error.name : typeof error;
    const code = (error as { code?: unknown } | null)?.code;
    process.stderr.write(
      `vault-worker: unexpected ${name}${typeof code === 'string' ? ` (${code})` : ''}\n`,
    );
  },
});
