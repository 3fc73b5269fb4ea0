// The JSON Schema of a bulk-issue JSON file (docs/issue-batch.schema.json, written by
// `node scripts/write-issue-batch-schema.mjs`), generated from BatchRowSchema itself so the
// published format cannot say something `kpdesk issue-batch` does not enforce.
// tests/unit/cli/issue-batch-schema.test.ts fails when the committed file drifts from this.
import { z } from 'zod';
import { BatchRowSchema } from '../shared/records/issue-batch-row';

export function issueBatchJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(z.array(BatchRowSchema), { io: 'input' });
  return {
    $schema,
    title: 'KP Desk bulk-issue file',
    description:
      'An array of certificates to issue with `kpdesk issue-batch`, one object per row. Generated from BatchRowSchema (shared/records/issue-batch-row.ts); see docs/import-format.md for the CSV form and how each row is checked.',
    ...rest,
  };
}

/** The schema file's exact text: 2-space JSON and a final newline. */
export function issueBatchJsonSchemaText(): string {
  return `${JSON.stringify(issueBatchJsonSchema(), null, 2)}\n`;
}
