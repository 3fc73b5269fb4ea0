// docs/issue-batch.schema.json and the examples in docs/import-format.md against the code that
// reads batch files: the published format cannot drift from what `kpdesk issue-batch` enforces.
// ajv (an independent JSON Schema validator) reads the committed schema as a carrier's tooling
// would; the documented CSV example goes through the same reader and rules as a real batch.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { issueBatchJsonSchemaText } from '../../../cli/issue-batch-json-schema';
import { certificateOfRow, readBatchRow } from '../../../electron/core/bulk-issue/check-batch-row';
import { readTableRows } from '../../../electron/core/table-files/read-table-rows';
import { checkIssue } from '../../../electron/core/issuance/issue-in-one-step';
import { defaultValidationSettings } from '../../../shared/domain/validation-settings';
import {
  BatchRowSchema,
  batchColumns,
  requiredBatchColumns,
} from '../../../shared/records/issue-batch-row';
import { repoRoot } from './capture-io';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const committedSchema = read('docs/issue-batch.schema.json');
const markdown = read('docs/import-format.md');
const block = (language: string): string => {
  const found = new RegExp('```' + language + '\\n([\\s\\S]*?)\\n```').exec(markdown)?.[1];
  if (found === undefined) throw new Error(`docs/import-format.md has no ${language} block`);
  return found;
};
const shape = { columns: batchColumns, required: requiredBatchColumns };

describe('docs/issue-batch.schema.json', () => {
  it('is exactly what the generator produces from BatchRowSchema now', () => {
    expect(committedSchema).toBe(issueBatchJsonSchemaText());
    const output = execFileSync(
      process.execPath,
      ['scripts/write-issue-batch-schema.mjs', '--check'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(output).toContain('up to date');
  });

  it('accepts the documented JSON example and refuses what the reader refuses', () => {
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(
      JSON.parse(committedSchema) as object,
    );
    const example = JSON.parse(block('json')) as Record<string, unknown>[];
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(example.every((row) => BatchRowSchema.safeParse(row).success)).toBe(true);
    const [first] = example;
    const withoutPackaging = { ...first };
    delete withoutPackaging.packaging;
    expect(validate([withoutPackaging])).toBe(false);
    expect(BatchRowSchema.safeParse(withoutPackaging).success).toBe(false);
    expect(validate([{ ...first, consigne: 'x' }])).toBe(false);
    expect(BatchRowSchema.safeParse({ ...first, consigne: 'x' }).success).toBe(false);
  });
});

describe('docs/import-format.md', () => {
  it('lists exactly the columns the reader accepts, required ones marked', () => {
    const rows = [...markdown.matchAll(/^\| `(\w+)`\s+\| (yes)?\s*\|/gm)];
    expect(rows.map((row) => row[1])).toEqual([...batchColumns]);
    expect(rows.filter((row) => row[2] === 'yes').map((row) => row[1])).toEqual([
      ...requiredBatchColumns,
    ]);
  });

  it('has a CSV example that passes every certificate rule', () => {
    const table = readTableRows(Buffer.from(block('csv')), 'example.csv', shape);
    expect(table.rows).toHaveLength(1);
    const [row] = table.rows;
    if (row === undefined) throw new Error('no row');
    const read = readBatchRow(row, table.format, new Map());
    if (!read.ok) throw new Error(JSON.stringify(read.outcome));
    expect(read.row.sealNumbers).toEqual(['S-1001', 'S-1002']);
    // What the check reads, as a carrier's vault gives it on the rows' day of issue.
    const context = {
      settings: defaultValidationSettings,
      now: () => new Date('2026-11-27T10:00:00.000Z'),
      isImportCertificateNumber: () => false,
      repos: { licensee: { facts: () => ({ name: 'Atlas', isCommonCarrier: true }) } },
    };
    const checked = certificateOfRow(
      (request) => checkIssue(context, request),
      read.row,
      'US10000',
    );
    expect(checked.ok, JSON.stringify(checked)).toBe(true);
  });
});
