// The real core with a real vault gateway on a folder that does not exist yet: nothing touches
// the disk until a test creates the vault, so tests that only validate stay pure.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createCoreHandlers } from '../../electron/core/create-core-handlers';
import type { CoreHandlers } from '../../electron/core/ipc/core-handlers';
import { createVaultGateway } from '../../electron/core/vault/vault-gateway';
import { inProcessRpc } from '../../electron/core/vault/worker/in-process-rpc';
import { createTestFileDialogs } from './test-file-dialogs';

export function coreForTests(
  runtime: 'electron' | 'preview',
  version = '0.0.0-test',
): CoreHandlers {
  const dataDir = join(tmpdir(), `kpdesk-test-${randomUUID()}`);
  return createCoreHandlers({
    runtime,
    version,
    vault: inProcessRpc(createVaultGateway({ dataDir })),
    fileDialogs: createTestFileDialogs(join(dataDir, 'files')),
  });
}
