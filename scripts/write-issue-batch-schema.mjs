// `node scripts/write-issue-batch-schema.mjs`: writes docs/issue-batch.schema.json from
// BatchRowSchema (cli/issue-batch-json-schema.ts). `--check` only compares and exits 1 when the
// committed file is out of date (json-schema-file.mjs).
import { writeJsonSchemaFile } from './json-schema-file.mjs';

await writeJsonSchemaFile({
  generator: 'cli/issue-batch-json-schema.ts',
  exportName: 'issueBatchJsonSchemaText',
  target: 'docs/issue-batch.schema.json',
  command: 'node scripts/write-issue-batch-schema.mjs',
});
