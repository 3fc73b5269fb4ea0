// Writes (or with `--check` only compares) one of the committed JSON schemas in docs/, generated
// from its zod schema by a small module that returns the file's text. The schema lives in
// TypeScript, so esbuild bundles the generator module (zod included) in memory and it is imported
// as a data: URL: no temp file, no separate compile step. `--check` exits 1 when the committed
// file is out of date, naming the command that rewrites it.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {{ generator: string, exportName: string, target: string, command: string }} schema
 *   generator: the module under the repository root; exportName: its function that returns the
 *   text; target: the file under the root; command: what a developer runs to rewrite it.
 */
export async function writeJsonSchemaFile({ generator, exportName, target, command }) {
  const check = process.argv.includes('--check');
  const bundled = await build({
    entryPoints: [`${root}${generator}`],
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  const code = bundled.outputFiles[0].text;
  const generated = await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  );
  const text = generated[exportName]();
  const path = `${root}${target}`;

  if (check) {
    const current = await readFile(path, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`${target} is out of date: run "${command}".`);
      process.exit(1);
    }
    console.log(`${target} is up to date.`);
  } else {
    await writeFile(path, text);
    console.log(`wrote ${target}`);
  }
}
