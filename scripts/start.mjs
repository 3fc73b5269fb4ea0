// npm start: build everything, then run the real Electron app on the build. Where Electron's
// binary is missing it tries once to fetch it (bounded time); if that is impossible (no access
// to github.com on the build machines), it says why in one line and serves the same UI through
// the preview host instead (dist/preview/preview-host.mjs prints the address to open).
import { spawn, spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const INSTALL_TIMEOUT_MS = 60_000;
const onWindows = process.platform === 'win32';

function runStep(label, command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: onWindows });
  if (result.status !== 0) {
    console.error(`npm start: ${label} failed${result.error ? ` (${result.error.message})` : ''}.`);
    process.exit(result.status ?? 1);
  }
}

/** The Electron executable if it is installed (the same lookup as the electron package). */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relativePath = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const binary = join(distDir, relativePath);
  return relativePath !== '' && existsSync(binary) ? binary : null;
}

/** One short reason from a failed download, for the one-line message. */
function describeFailure(result) {
  if (result.error?.code === 'ETIMEDOUT' || result.signal === 'SIGTERM') {
    return `the download did not finish within ${INSTALL_TIMEOUT_MS / 1000} s`;
  }
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const network =
    /(getaddrinfo \w+ [\w.-]+|ENOTFOUND [\w.-]+|ECONNREFUSED [\w.:-]+|ECONNRESET|ETIMEDOUT|EAI_AGAIN [\w.-]+)/.exec(
      output,
    );
  if (network) return network[1];
  const firstError = output.split('\n').find((line) => /error/i.test(line));
  return (firstError ?? `the installer exited with ${result.status}`).trim().slice(0, 160);
}

/**
 * @electron/get reports a network failure only as "fetch failed" (the cause is not printed), so
 * a bare name lookup of the download host tells the user which it is.
 */
async function explainFetchFailure(reason) {
  if (!/fetch failed/i.test(reason)) return reason;
  const mirror =
    process.env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases/download/';
  let host;
  try {
    host = new URL(mirror).hostname;
  } catch {
    return reason;
  }
  try {
    await lookup(host);
    return `${reason} while downloading from ${host}`;
  } catch (error) {
    return `${host} cannot be reached: getaddrinfo ${error.code ?? 'failed'}`;
  }
}

function tryInstallElectron() {
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer)) return { ok: false, reason: 'the electron package is not installed' };
  console.log(
    `Electron's binary is not installed; trying to download it (at most ${INSTALL_TIMEOUT_MS / 1000} s)...`,
  );
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD; // an explicit `npm start` asks for the binary
  const result = spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    env,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
    killSignal: 'SIGTERM',
  });
  if (result.status === 0 && electronBinary() !== null) return { ok: true };
  return { ok: false, reason: describeFailure(result) };
}

/** Runs a long-lived child in the foreground: Ctrl+C reaches it, its exit code becomes ours. */
function runForeground(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    console.error(`npm start: could not run ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

runStep('the renderer build (vite build)', 'npx', ['vite', 'build']);
runStep('the node build (scripts/build-node.mjs)', process.execPath, [
  join(root, 'scripts/build-node.mjs'),
]);

let binary = electronBinary();
let reason = '';
if (binary === null) {
  const attempt = tryInstallElectron();
  binary = electronBinary();
  if (!attempt.ok) reason = await explainFetchFailure(attempt.reason);
}

if (binary !== null) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the app into plain Node
  runForeground(binary, ['.'], env);
} else {
  const previewHost = join(root, 'dist', 'preview', 'preview-host.mjs');
  console.log(
    `Electron's binary is not installed and cannot be downloaded here (${reason}); serving the same UI through the preview host instead.`,
  );
  if (!existsSync(previewHost)) {
    console.error(
      `npm start: ${previewHost} is missing; the build did not produce the preview host.`,
    );
    process.exit(1);
  }
  // npm start -- --vault-dir FOLDER keeps the preview's vault (preview/vault-dir-option.ts).
  runForeground(process.execPath, [previewHost, ...process.argv.slice(2)]);
}
