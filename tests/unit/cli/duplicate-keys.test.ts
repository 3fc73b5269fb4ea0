// Input files (RFC 8259 sec. 4: names SHOULD be unique; JSON.parse silently keeps the last): a
// certificate file with a duplicated key is refused, naming the key and where it is repeated.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCertificateFile } from '../../../cli/read-certificate-file';
import { findDuplicateJsonKeys } from '../../../shared/domain/json-duplicate-keys';
import { fixturesDir, repoRoot } from './capture-io';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kpdesk-dup-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(content: string) {
  const path = join(dir, 'cert.json');
  await writeFile(path, content);
  return readCertificateFile(path, 'cert.json');
}

describe('duplicated keys in a certificate file', () => {
  it('refuses a top-level key given twice instead of keeping the last value', async () => {
    const result = await read(
      '{\n  "valueUsd": "15000.00",\n  "carats": "12.50",\n  "valueUsd": "150.00"\n}',
    );
    if (result.ok) throw new Error('a duplicated key must be refused');
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.fields).toEqual({
      valueUsd:
        '"valueUsd" appears more than once (again at line 4 column 3); give each field once',
    });
    expect(result.error.message).toContain('cert.json is not a valid certificate file');
  });

  it('finds duplicates inside nested objects, with their path', async () => {
    const result = await read(
      '{"exporter": {"name": "A", "address": "x", "name": "B"}, "aes": {"licenseType": "T12", "licenseType": "T13"}}',
    );
    if (result.ok) throw new Error('a duplicated key must be refused');
    expect(Object.keys(result.error.fields ?? {})).toEqual(['exporter.name', 'aes.licenseType']);
  });

  it('does not confuse equal keys in different objects, values that look like keys, or escapes', () => {
    expect(
      findDuplicateJsonKeys(
        '{"exporter": {"name": "x"}, "consignee": {"name": "x"}, "hsCodes": ["name", "name"], "a\\"b": ":", "a\\\\": {"a\\"b": 1}}',
      ),
    ).toEqual([]);
    expect(findDuplicateJsonKeys('[{"k": 1}, {"k": 2, "k": 3}]')).toEqual([
      { path: '1', key: 'k', line: 1, column: 21 },
    ]);
    expect(findDuplicateJsonKeys('{"a\\u0062": 1, "ab": 2}').map((d) => d.key)).toEqual(['ab']);
  });

  it('still reads every fixture without duplicates', async () => {
    const text = await readFile(join(repoRoot, fixturesDir, 'valid.json'), 'utf8');
    expect(findDuplicateJsonKeys(text)).toEqual([]);
    expect((await read(text)).ok).toBe(true);
  });
});
