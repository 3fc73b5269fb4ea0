// `npm run bench:outbox-overhead`: the outbox's overhead on issue alone, without the 10,000-row
// drain of bench:submission (which also prints it at its end).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureOutboxOverhead } from './submission-outbox-overhead';

const dir = mkdtempSync(join(tmpdir(), 'kp-outbox-overhead-'));
try {
  measureOutboxOverhead(dir, (text) => {
    process.stdout.write(`${text}\n`);
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
