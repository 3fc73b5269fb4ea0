// Builds the kpdesk CLI as an installable npm package, @kpdesk/cli, in dist-cli/ (issue 15,
// part 5: a carrier's integrator installs the CLI on a workstation without a clone of this
// repository). Why an npm package rather than a Node single-executable or a launcher inside the
// desktop app: docs/cli.md, "Installing kpdesk".
//
//   node scripts/build-cli-package.mjs            build dist-cli/
//   node scripts/build-cli-package.mjs --pack     build, then `npm pack` it into dist-cli-pack/
//
// What the package holds: the CLI bundled with esbuild by the project's own build script
// (scripts/build-node.mjs, entries "cli", "audit-verify-worker", "review-documents-worker",
// "batch-sign-worker", the signing threads of issue-batch, and "audit-package-seal-worker", the
// sealing thread of export-audit-package:
// every JavaScript dependency
// inside the bundle), the certificate fonts (resources/fonts: the PDFs embed them), a launcher
// for `bin`, and a package.json whose one dependency is the native SQLCipher driver,
// better-sqlite3-multiple-ciphers, at the exact version the app uses: npm installs it on the
// workstation and its install script fetches (or builds) the binary for that Node.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-cli');
const packDir = join(root, 'dist-cli-pack');
const NATIVE = 'better-sqlite3-multiple-ciphers';

const app = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nativeVersion = app.dependencies?.[NATIVE];
if (typeof nativeVersion !== 'string')
  throw new Error(
    `package.json has no dependency on ${NATIVE}: the CLI cannot open a vault without it.`,
  );

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'bin'), { recursive: true });
// The bundles, laid out as in dist/: cli/kpdesk.mjs finds ../electron/audit-verify-worker.mjs
// (cli/open-vault-for-command.ts) and the review's review-documents-worker.mjs beside it, and the fonts in the resources/ folder above it
// (electron/core/documents/find-resources-dir.ts).
execFileSync(
  process.execPath,
  [
    'scripts/build-node.mjs',
    'cli',
    'audit-verify-worker',
    'review-documents-worker',
    'batch-sign-worker',
    'audit-package-seal-worker',
    '--outdir',
    out,
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
cpSync(join(root, 'resources', 'fonts'), join(out, 'resources', 'fonts'), { recursive: true });

writeFileSync(
  join(out, 'bin', 'kpdesk.mjs'),
  `#!/usr/bin/env node
// The kpdesk command of the @kpdesk/cli package: runs the bundled CLI (cli/kpdesk.mjs).
const { main } = await import('../cli/kpdesk.mjs');
await main();
`,
  { mode: 0o755 },
);

const manifest = {
  name: '@kpdesk/cli',
  version: app.version,
  description:
    'kpdesk: issue, verify and review US Kimberley Process certificates from the command line, on the same vault as the KP Desk app.',
  license: app.license,
  type: 'module',
  bin: { kpdesk: 'bin/kpdesk.mjs' },
  engines: app.engines,
  // The only dependency: a native module cannot be bundled. Exact, as in the app, so the CLI
  // opens the same SQLCipher 4 vaults.
  dependencies: { [NATIVE]: nativeVersion },
  files: ['bin/', 'cli/', 'electron/', 'resources/', 'README.md'],
  // The driver's install script must run on the workstation (it provides the binary).
  allowScripts: { [NATIVE]: true },
};
writeFileSync(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

writeFileSync(
  join(out, 'README.md'),
  `# @kpdesk/cli ${app.version}

\`kpdesk\`, the command line of KP Desk: issue, verify and review US Kimberley Process
certificates, on the same encrypted vault as the desktop app. Node ${app.engines?.node ?? '20.19 or newer'}.

\`\`\`sh
npm install --global kpdesk-cli-${app.version}.tgz   # or: npm install --global @kpdesk/cli
kpdesk --version
kpdesk --help
\`\`\`

The one dependency, ${NATIVE} ${nativeVersion} (SQLCipher), is a native module: npm installs it and
its install script downloads the prebuilt binary for your Node and platform, or builds it (then a
C++ compiler and Python are needed). Offline: put the prebuilt tarball in a folder and name it in
\`npm_config_${NATIVE.replaceAll('-', '_')}_local_prebuilds\`.
The commands are described in docs/cli.md of the KP Desk repository.
`,
);

if (process.argv.includes('--pack')) {
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], {
    cwd: out,
    encoding: 'utf8',
  });
  const [info] = JSON.parse(packed);
  process.stdout.write(`${join(packDir, info.filename)}\n`);
} else process.stdout.write(`${out}\n`);
