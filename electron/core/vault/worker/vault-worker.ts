// Entry point of the vault worker thread (built to dist/electron/vault-worker.mjs): serves the
// vault session over the RPC of rpc-server.ts. Unexpected errors are logged here by name only;
// their messages may quote values, and this log must never hold key material.
import { parentPort } from 'node:worker_threads';
import { serveRpc } from './rpc-server';
import { createVaultSession } from './vault-session';

const port = parentPort;
if (port === null) throw new Error('vault-worker.mjs must be started as a worker thread');

const session = createVaultSession((event) => {
  port.postMessage({ event });
});

serveRpc(port, session, {
  onShutdown: () => {
    session.lock();
  },
  onInternalError: (error: unknown) => {
    const name = error instanceof Error ? error.name : typeof error;
    const code = (error as { code?: unknown } | null)?.code;
    process.stderr.write(
      `vault-worker: unexpected ${name}${typeof code === 'string' ? ` (${code})` : ''}\n`,
    );
  },
});
