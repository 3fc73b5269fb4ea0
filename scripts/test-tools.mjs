#!/usr/bin/env node
// The outside programs the tests run, from Debian (README, "Tests"), in one list:
//   node scripts/test-tools.mjs check     stop at once, naming what is missing and the one
//                                         command that installs it (the first step of npm test);
//   node scripts/test-tools.mjs install   apt-get install whatever is missing (root);
//   node scripts/test-tools.mjs missing   print the missing Debian packages (.ci/run installs them).
// Without this, a missing tool surfaced minutes into the run as an obscure failure deep inside
// an integration or e2e test.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian package, the command that shows it is installed, and what the tests use it for. */
const tools = [
  { pkg: 'chromium', command: 'chromium', use: 'the browser Playwright drives (e2e)' },
  { pkg: 'poppler-utils', command: 'pdfsig', use: 'pdfsig, pdftotext, pdftoppm check our PDFs' },
  { pkg: 'qpdf', command: 'qpdf', use: 'qpdf --check on every PDF' },
  { pkg: 'openssl', command: 'openssl', use: 'openssl cms/x509 check signatures and keys' },
  { pkg: 'zbar-tools', command: 'zbarimg', use: 'zbarimg reads the printed seal' },
  { pkg: 'xvfb', command: 'xvfb-run', use: 'a display for headed runs' },
];

function onPath(command) {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder === '') continue;
    try {
      accessSync(join(folder, command), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

const missing = tools.filter((tool) => !onPath(tool.command));
const installCommand = `apt-get update && apt-get install -y ${missing.map((t) => t.pkg).join(' ')}`;
const mode = process.argv[2] ?? 'check';

if (mode === 'check') {
  if (missing.length === 0) process.exit(0);
  process.stderr.write(
    [
      'npm test needs programs from Debian that this machine lacks:',
      ...missing.map((t) => `  ${t.command} (package ${t.pkg}): ${t.use}`),
      '',
      'Install them with (as root, or with sudo):',
      `  ${installCommand}`,
      'or: sudo node scripts/test-tools.mjs install',
      '',
    ].join('\n'),
  );
  process.exit(1);
} else if (mode === 'missing') {
  process.stdout.write(`${missing.map((t) => t.pkg).join(' ')}\n`);
} else if (mode === 'install') {
  process.stdout.write(
    `missing Debian packages: ${missing.map((t) => t.pkg).join(' ') || 'none'}\n`,
  );
  if (missing.length === 0) process.exit(0);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...missing.map((t) => t.pkg)]]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
} else {
  process.stderr.write('usage: node scripts/test-tools.mjs check|missing|install\n');
  process.exit(2);
}
