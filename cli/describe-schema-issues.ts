// Turns zod's issues for a certificate file into "field path → problem" in words a licensee
// understands (the `fields` of an INVALID_INPUT error, shared/errors.ts). The file is typed by
// hand, so the commonest slips get a specific hint: a misspelt key, a number where the format
// wants text ("12.50", to keep decimals exact), one HS code where the format wants a list.
import type { z } from 'zod';
import {
  AesEntrySchema,
  CertificateDraftSchema,
  DomesticRecoverySchema,
  PartySchema,
} from '../shared/domain/certificate-draft';
import { closestName } from './closest-name';

/** The field name used when the whole file, not one field, is wrong. */
export const wholeFileField = '(file)';

const knownKeys: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(CertificateDraftSchema.shape),
  exporter: Object.keys(PartySchema.shape),
  consignee: Object.keys(PartySchema.shape),
  aes: Object.keys(AesEntrySchema.shape),
  domesticRecovery: Object.keys(DomesticRecoverySchema.shape),
};

const expectedPhrases: Readonly<Record<string, string>> = {
  string: 'text in double quotes (e.g. "12.50")',
  array: 'a list in square brackets (e.g. ["7102.31"])',
  object: 'an object in braces { }',
  boolean: 'true or false',
};

export function describeSchemaIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
): Record<string, string> {
  const fields: Record<string, string> = {};
  const add = (path: readonly PropertyKey[], problem: string) => {
    const name = fieldName(path);
    fields[name] = fields[name] === undefined ? problem : `${fields[name]}; ${problem}`;
  };
  for (const issue of issues) {
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) add([...issue.path, key], unknownKeyProblem(issue.path, key));
        break;
      case 'invalid_type':
        add(issue.path, invalidTypeProblem(issue.path, issue.expected, valueAt(input, issue.path)));
        break;
      case 'too_big':
        add(issue.path, tooBigProblem(issue.origin, issue.maximum));
        break;
      default:
        add(issue.path, issue.message);
    }
  }
  return fields;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0 ? wholeFileField : path.map(String).join('.');
}

function unknownKeyProblem(parent: readonly PropertyKey[], key: string): string {
  const suggestion = closestName(key, knownKeys[parent.map(String).join('.')] ?? []);
  const hint = suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
  return `unknown field, not part of the certificate format${hint}`;
}

function invalidTypeProblem(path: readonly PropertyKey[], expected: string, value: unknown) {
  if (path.length === 0) {
    return `the file must hold one JSON object (a certificate), not ${describeJsonType(value)}`;
  }
  return `must be ${expectedPhrases[expected] ?? expected}, not ${describeJsonType(value)}`;
}

function tooBigProblem(origin: string, maximum: number | bigint): string {
  if (origin === 'string') return `is longer than ${String(maximum)} characters`;
  if (origin === 'array') return `has more than ${String(maximum)} entries`;
  return `is larger than ${String(maximum)}`;
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return 'nothing';
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
