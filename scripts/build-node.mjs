// Bundles the non-renderer entry points with esbuild (the renderer is built by vite).
//   node scripts/build-node.mjs                   build all of them into dist/
//   node scripts/build-node.mjs preload main      build only the named entries
//   node scripts/build-node.mjs --outdir <dir>    write under <dir> instead of dist/ (tests)
// Every entry must exist: a missing one fails the build loudly instead of shipping a partial app.
// Runs from `npm run build:node` and from `prepare` (so `npm ci` builds the CLI for bin/kpdesk.mjs).
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
// Native addons cannot be bundled: they load their compiled .node file from node_modules.
const nativeModules = ['better-sqlite3-multiple-ciphers'];

// ESM bundles of CommonJS dependencies call require() for Node builtins; give them one.
const esmRequireBanner = {
  js: "import { createRequire as __kpCreateRequire } from 'node:module';\nconst require = __kpCreateRequire(import.meta.url);",
};

/** Electron 45 runs Node 22 in main and Chromium 142 in renderers; the CLI runs on Node >= 20. */
const entries = {
  main: {
    entryPoints: ['electron/main.ts'],
    outfile: 'electron/main.mjs',
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['electron', ...nodeBuiltins, ...nativeModules],
    banner: esmRequireBanner,
  },
  // The vault's worker thread: the synchronous SQLite driver runs here, off the main thread.
  'vault-worker': {
    entryPoints: ['electron/core/vault/worker/vault-worker.ts'],
    outfile: 'electron/vault-worker.mjs',
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['electron', ...nodeBuiltins, ...nativeModules],
    banner: esmRequireBanner,
  },
  // The audit verification's helper thread, started by the vault worker (and the CLI) on a large
  // vault so that both cores verify (electron/core/vault/audit/run-units-in-two-threads.ts).
  'audit-verify-worker': {
    entryPoints: ['electron/core/vault/audit/audit-verify-worker.ts'],
    outfile: 'electron/audit-verify-worker.mjs',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['electron', ...nodeBuiltins, ...nativeModules],
    banner: esmRequireBanner,
  },
  // The full review's second thread for the signed PDFs (issue 14), started beside the audit
  // thread's bundle (electron/core/review/verify-documents-in-two-threads.ts).
  'review-documents-worker': {
    entryPoints: ['electron/core/review/review-documents-worker.ts'],
    outfile: 'electron/review-documents-worker.mjs',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['electron', ...nodeBuiltins, ...nativeModules],
    banner: esmRequireBanner,
  },
  // A sandboxed preload cannot load other files: it must be one CommonJS file whose only
  // require is 'electron'. platform 'browser' makes any Node builtin import a build error.
  preload: {
    entryPoints: ['electron/preload.ts'],
    outfile: 'electron/preload.cjs',
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    external: ['electron'],
  },
  cli: {
    entryPoints: ['cli/kpdesk.ts'],
    outfile: 'cli/kpdesk.mjs',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['electron', ...nodeBuiltins, ...nativeModules],
    banner: esmRequireBanner,
  },
  'preview-host': {
    entryPoints: ['preview/preview-host.ts'],
    outfile: 'preview/preview-host.mjs',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['electron', ...nodeBuiltins, ...nativeModules],
    banner: esmRequireBanner,
  },
  'bridge-client': {
    entryPoints: ['preview/browser/bridge-client.ts'],
    outfile: 'preview/bridge-client.js',
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
  },
  // The signing threads of `kpdesk issue-batch` (electron/core/bulk-issue/sign-pool.ts), found
  // by the CLI at ../electron/batch-sign-worker.mjs; without it the CLI signs on its own thread.
  'batch-sign-worker': {
    entryPoints: ['electron/core/bulk-issue/sign-thread.ts'],
    outfile: 'electron/batch-sign-worker.mjs',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['electron', ...nodeBuiltins, ...nativeModules],
    banner: esmRequireBanner,
  },
  // The audit package's sealing thread (issue 14: the export's AES-GCM, hashing and writes on
  // the other core), beside the audit thread's bundle (package-seal-thread.ts).
  'audit-package-seal-worker': {
    entryPoints: ['electron/core/audit-package/package-seal-worker.ts'],
    outfile: 'electron/audit-package-seal-worker.mjs',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['electron', ...nodeBuiltins, ...nativeModules],
    banner: esmRequireBanner,
  },
};

function parseArgs(argv) {
  const names = [];
  let outdir = join(root, 'dist');
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--outdir') {
      const value = argv[i + 1];
      if (value === undefined) throw new Error('--outdir needs a folder');
      outdir = resolve(value);
      i += 1;
    } else {
      names.push(argv[i]);
    }
  }
  return { names: names.length > 0 ? names : Object.keys(entries), outdir };
}

async function main() {
  const { names, outdir } = parseArgs(process.argv.slice(2));
  const unknown = names.filter((name) => !(name in entries));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown entry ${unknown.join(', ')}; known: ${Object.keys(entries).join(', ')}`,
    );
  }
  const missing = names.filter((name) => !existsSync(join(root, entries[name].entryPoints[0])));
  if (missing.length > 0) {
    const list = missing.map((name) => `${name} (${entries[name].entryPoints[0]})`).join(', ');
    throw new Error(`Missing entry point(s): ${list}. All must exist to build the app.`);
  }
  const started = performance.now();
  const results = await Promise.all(
    names.map(async (name) => {
      const { outfile, ...options } = entries[name];
      const target = join(outdir, outfile);
      const result = await build({
        ...options,
        absWorkingDir: root,
        outfile: target,
        bundle: true,
        sourcemap: true,
        metafile: true,
        logLevel: 'warning',
        legalComments: 'none',
      });
      const bytes = result.metafile.outputs[relative(root, target).split('\\').join('/')]?.bytes;
      return `${relative(root, target)} ${bytes === undefined ? '' : `(${(bytes / 1024).toFixed(1)} kB)`}`;
    }),
  );
  const ms = Math.round(performance.now() - started);
  console.log(`build-node: ${results.join(', ')} in ${ms} ms`);
}

main().catch((error) => {
  console.error(`build-node: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
