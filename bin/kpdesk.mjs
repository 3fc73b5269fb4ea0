#!/usr/bin/env node
// Launcher for the kpdesk CLI (cli/kpdesk.ts). The CLI itself is TypeScript, bundled by
// scripts/build-node.mjs to dist/cli/kpdesk.mjs; this file only finds the bundle and runs it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/kpdesk.mjs', import.meta.url);

if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    `kpdesk: the CLI is not built yet (${fileURLToPath(bundle)} is missing): run "npm install", then "npm run build:node", in the KP Desk folder.\n`,
  );
  process.exitCode = 2;
} else {
  const { main } = await import(bundle.href);
  await main();
}
