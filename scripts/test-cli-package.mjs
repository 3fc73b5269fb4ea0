// npm run test:cli-package: tests the INSTALLED kpdesk, not the repository's (issue 15, part 5).
// Builds and packs @kpdesk/cli (scripts/build-cli-package.mjs), installs the tarball with npm
// into a temporary global prefix (--prefer-offline: from npm's cache where it holds the package, else the registry), and runs the
// installed `kpdesk` as an integrator would: --version, then a real vault (init, stock, a
// signing identity, issue a certificate to a signed PDF, verify it against the vault).
//
// The native driver's own install script runs (prebuild-install). Offline it cannot download
// the prebuilt binary, so the test hands it one through prebuild-install's documented local
// prebuilds folder: a tarball of the binary this repository's node_modules already built for this
// Node (what a prebuild release holds: build/Release/better_sqlite3.node). This avoids a
// 2.5-minute compile; an integrator online gets the published prebuild, or a compile.
// Not part of `npm test` (packing and installing take about a minute on the build machine).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NATIVE = 'better-sqlite3-multiple-ciphers';
const app = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const started = performance.now();
const say = (text) => process.stdout.write(`${text}\n`);
let failures = 0;
const check = (ok, what) => {
  say(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
};

const work = mkdtempSync(join(tmpdir(), 'kpdesk-cli-package-'));
try {
  const tarball = execFileSync(process.execPath, ['scripts/build-cli-package.mjs', '--pack'], {
    cwd: root,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1);
  say(`packed ${tarball}`);

  // The local prebuild, named as prebuild-install looks for it.
  const nativeDir = dirname(
    createRequire(join(root, 'package.json')).resolve(`${NATIVE}/package.json`),
  );
  const nativeVersion = JSON.parse(readFileSync(join(nativeDir, 'package.json'), 'utf8')).version;
  const prebuilds = join(work, 'prebuilds');
  mkdirSync(prebuilds);
  const prebuildName = `${NATIVE}-v${nativeVersion}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', [
    '-czf',
    join(prebuilds, prebuildName),
    '-C',
    nativeDir,
    'build/Release/better_sqlite3.node',
  ]);

  const prefix = join(work, 'prefix');
  const installEnv = {
    ...process.env,
    [`npm_config_${NATIVE.replace(/[^a-zA-Z0-9]/g, '_')}_local_prebuilds`]: prebuilds,
  };
  const installStart = performance.now();
  execFileSync(
    'npm',
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      tarball,
    ],
    { env: installEnv, stdio: 'inherit' },
  );
  say(`installed in ${((performance.now() - installStart) / 1000).toFixed(1)} s`);
  const kpdeskBin = join(prefix, 'bin', 'kpdesk');
  check(existsSync(kpdeskBin), `npm linked the kpdesk command (${kpdeskBin})`);
  const installedNative = join(
    prefix,
    'lib',
    'node_modules',
    '@kpdesk',
    'cli',
    'node_modules',
    NATIVE,
    'build',
    'Release',
    'better_sqlite3.node',
  );
  check(existsSync(installedNative), 'the native driver is installed with the package');

  // The installed command, from a folder outside the repository, with no repository on its path.
  const home = join(work, 'home');
  mkdirSync(home);
  const env = {
    PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`,
    HOME: home,
    KPDESK_PASSPHRASE: 'correct horse battery staple',
    KPDESK_ADMIN_PASSWORD: 'a user password 42',
    KPDESK_PASSWORD: 'a user password 42',
  };
  const kpdesk = (args) =>
    execFileSync('kpdesk', args, {
      cwd: home,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const version = kpdesk(['--version']);
  check(
    version.includes(app.version),
    `kpdesk --version says ${app.version}: ${version.trim().split('\n')[0]}`,
  );

  const vault = join(home, 'vault');
  const init = JSON.parse(
    kpdesk([
      'init',
      '--dir',
      vault,
      '--admin-user',
      'ada',
      '--admin-name',
      'Ada Admin',
      '--licensee-name',
      'Atlas Secure Logistics Inc.',
      '--licensee-address',
      '1 Carrier Plaza, New York, NY 10001, United States',
      '--tin',
      '98-7654321',
      '--common-carrier',
      '--recovery-key-out',
      join(home, 'recovery.txt'),
      '--json',
    ]),
  );
  check(existsSync(init.vaultPath), `kpdesk init made a vault (${init.vaultPath})`);
  kpdesk(['stock', 'add', 'US10000-US10009', '--user', 'ada', '--dir', vault]);
  kpdesk(['identity', 'generate', '--signer-name', 'Ada Admin', '--user', 'ada', '--dir', vault]);

  const today = new Date().toISOString().slice(0, 10);
  const expiry = new Date(Date.now() + 59 * 86_400_000).toISOString().slice(0, 10);
  const certificate = JSON.parse(
    readFileSync(join(root, 'tests', 'fixtures', 'certificates', 'valid.json'), 'utf8'),
  );
  Object.assign(certificate, {
    number: 'US10000',
    dateOfIssue: today,
    dateOfExpiry: expiry,
    exportDate: today,
    itn: `X${today.replaceAll('-', '')}100000`,
    aes: { ...certificate.aes, licenseNumber: '10000' },
  });
  writeFileSync(join(home, 'shipment.json'), JSON.stringify(certificate));
  const pdf = join(home, 'US10000.pdf');
  const issued = JSON.parse(
    kpdesk([
      'issue',
      'shipment.json',
      '--attest',
      '--user',
      'ada',
      '--dir',
      vault,
      '--packaging',
      '2 parcels in a sealed tamper-evident box',
      '--seal-number',
      'S-1',
      '--warranty',
      'The diamonds herein invoiced have been purchased from legitimate sources.',
      '--invoice',
      'INV-1',
      '--out',
      pdf,
      '--json',
    ]),
  );
  check(
    issued.number === 'US10000' && issued.state === 'ISSUED',
    `kpdesk issue issued ${issued.number} (${issued.state})`,
  );
  check(
    readFileSync(pdf).subarray(0, 5).toString('latin1') === '%PDF-',
    `the signed PDF was written (${pdf})`,
  );
  const verified = JSON.parse(kpdesk(['verify', pdf, '--vault', '--dir', vault, '--json']));
  check(
    verified.result?.verdict === 'VALID',
    `kpdesk verify --vault says ${String(verified.result?.verdict)}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
say(
  `${failures === 0 ? 'PASS' : 'FAIL'}: the installed @kpdesk/cli, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exitCode = failures === 0 ? 0 : 1;
