// `npm run schema`: writes docs/certificate.schema.json from CertificateDraftSchema
// (cli/certificate-json-schema.ts). `--check` only compares and exits 1 when the committed file
// is out of date (json-schema-file.mjs).
import { writeJsonSchemaFile } from './json-schema-file.mjs';

await writeJsonSchemaFile({
  generator: 'cli/certificate-json-schema.ts',
  exportName: 'certificateJsonSchemaText',
  target: 'docs/certificate.schema.json',
  command: 'npm run schema',
});
