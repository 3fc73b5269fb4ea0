// Entry of `npm run preview` (built to dist/preview/preview-host.mjs): serves the built renderer
// with the real core on 127.0.0.1 and prints the one address to open. The token is part of that
// address's fragment, so it never appears in a served file, a request line or a server log.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import packageJson from '../package.json';
import { choosePort } from './preview-options';
import { startPreviewServer } from './start-preview-server';
import { chooseVaultDir, vaultFolderNotice } from './vault-dir-option';

// Paths relative to this file once built: dist/preview/ beside dist/renderer/.
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const bridgeClientFile = fileURLToPath(new URL('./bridge-client.js', import.meta.url));

async function main(): Promise<void> {
  const choice = choosePort(process.argv.slice(2), process.env);
  if (!choice.ok) {
    process.stderr.write(`${choice.message}\n`);
    process.exitCode = 2;
    return;
  }
  const vaultDir = chooseVaultDir(process.argv.slice(2), process.env);
  if (!vaultDir.ok) {
    process.stderr.write(`${vaultDir.message}\n`);
    process.exitCode = 2;
    return;
  }
  if (vaultDir.dir !== null) mkdirSync(vaultDir.dir, { recursive: true });
  const server = await startPreviewServer({
    rendererDir,
    bridgeClientFile,
    port: choice.port,
    host: '127.0.0.1',
    version: packageJson.version,
    // A fixed folder keeps the vault between runs; by default each run starts from first run.
    ...(vaultDir.dir === null ? {} : { dataDir: vaultDir.dir }),
    // The local test TSA (a fixed port keeps a saved TSA address valid between runs).
    testTsa:
      process.env.KP_PREVIEW_TSA === 'off'
        ? false
        : { port: Number(process.env.KP_PREVIEW_TSA_PORT ?? '0') || 0 },
    // The demo recipient: the reference intake on 127.0.0.1 (KP_PREVIEW_INTAKE=off: none).
    demoIntake: process.env.KP_PREVIEW_INTAKE !== 'off',
  });
  process.stdout.write(`KP Desk preview: ${server.openUrl}\n`);
  process.stdout.write(`${vaultFolderNotice(server.dataDir, server.temporaryVault)}\n`);
  if (server.intakeUrl !== null)
    process.stdout.write(
      `Demo intake (reference server, test CA; nothing reaches Census or USKPA): ${server.intakeUrl}\n` +
        '  A new vault sends its Census and USKPA copies there (Settings > Recipients).\n',
    );
  if (server.tsaUrl !== null)
    process.stdout.write(
      `Test time-stamp authority (RFC 3161, test CA, not trusted anywhere): ${server.tsaUrl}\n` +
        '  Enter it in Settings > Time-stamp authority to sign documents as PAdES B-LT.\n',
    );

  // The open server keeps the process alive until Ctrl+C (or a test's kill).
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`KP Desk preview could not start: ${reason}\n`);
  process.exitCode = 1;
});
