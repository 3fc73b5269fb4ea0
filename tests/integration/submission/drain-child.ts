// The child the submission crash test SIGKILLs mid-delivery: opens the vault (key from the
// environment, never the command line), drains the outbox to the recipients configured in it,
// and prints one DONE line with the summary. Bundled by the test (like vault/crash-worker.ts).
import { createSubmissionService } from '../../../electron/core/submission/submission-service';
import { openDatabase } from '../../../electron/core/vault/open-database';
import { DRAIN_KEY_ENV, DRAIN_VAULT_ENV } from './drain-protocol';

async function main(): Promise<void> {
  const key = Buffer.from(process.env[DRAIN_KEY_ENV] ?? '', 'hex');
  const db = openDatabase(process.env[DRAIN_VAULT_ENV] ?? '', key, { create: false });
  try {
    const summary = await createSubmissionService(db).drain({
      onProgress: (progress) => {
        process.stdout.write(`SENT ${progress.item.idempotencyKey} ${progress.status}\n`);
      },
    });
    process.stdout.write(`DONE ${JSON.stringify(summary)}\n`);
  } finally {
    db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
