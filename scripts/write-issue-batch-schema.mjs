// `node scripts/write-issue-batch-schema.mjs`: writes docs/issue-batch.schema.json from BatchRowSchema.
// `--check` only compares and exits 1 when the committed file is out of date.
// The schema lives in TypeScript, so esbuild bundles the small generator module
// (cli/issue-batch-json-schema.ts, zod included) in memory and it is imported as a data: URL:
// no temp file, no separate compile step.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = fileURLToPath(new URL('../docs/issue-batch.schema.json', import.meta.url));
const check = process.argv.includes('--check');

const bundled = await build({
  entryPoints: [`${root}cli/issue-batch-json-schema.ts`],
  bundle: true,
  platform: 'neutral',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const code = bundled.outputFiles[0].text;
const { issueBatchJsonSchemaText } = await import(
  `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
);
const text = issueBatchJsonSchemaText();

if (check) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(
      'docs/issue-batch.schema.json is out of date: run "node scripts/write-issue-batch-schema.mjs".',
    );
    process.exit(1);
  }
  console.log('docs/issue-batch.schema.json is up to date.');
} else {
  await writeFile(target, text);
  console.log('wrote docs/issue-batch.schema.json');
}
