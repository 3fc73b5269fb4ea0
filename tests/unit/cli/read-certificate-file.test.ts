import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxCertificateFileBytes, readCertificateFile } from '../../../cli/read-certificate-file';
import { fixturesDir, repoRoot } from './capture-io';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kpdesk-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readText(name: string, content: string | Uint8Array) {
  const path = join(dir, name);
  await writeFile(path, content);
  return readCertificateFile(path, name);
}

function failure(result: Awaited<ReturnType<typeof readCertificateFile>>) {
  if (result.ok) throw new Error('expected the file to be refused');
  expect(result.error.code).toBe('INVALID_INPUT');
  return result.error;
}

describe('readCertificateFile', () => {
  it('reads the valid fixture into a draft', async () => {
    const result = await readCertificateFile(
      join(repoRoot, fixturesDir, 'valid.json'),
      'valid.json',
    );
    expect(result).toMatchObject({ ok: true, value: { number: 'US12345', hsCodes: ['7102.31'] } });
  });

  it('fills fields left out with empty values, and accepts a UTF-8 byte order mark', async () => {
    const result = await readText('bom.json', '\uFEFF{ "number": "US12345" }');
    expect(result).toMatchObject({ ok: true, value: { number: 'US12345', carats: '', itn: '' } });
  });

  it('names the line and column of a JSON syntax error', async () => {
    const error = failure(await readText('comma.json', '{\n  "number": "US1",\n}\n'));
    expect(error.message).toContain('comma.json is not JSON');
    expect(error.message).toContain('line 3 column 1');
  });

  it('names a misspelt nested key and suggests the right one', async () => {
    const error = failure(await readText('nested.json', '{ "exporter": { "nam": "A" } }'));
    expect(error.fields?.['exporter.nam']).toContain('"name"');
    expect(error.message).toContain('exporter.nam');
  });

  it('explains a number where the format wants text, and a string where it wants a list', async () => {
    const error = failure(await readText('types.json', '{ "carats": 12.5, "hsCodes": "7102.31" }'));
    expect(error.fields?.['carats']).toContain('text in double quotes');
    expect(error.fields?.['carats']).toContain('12.5');
    expect(error.fields?.['hsCodes']).toContain('a list');
  });

  it('refuses a JSON value that is not an object', async () => {
    const error = failure(await readText('list.json', '[]'));
    expect(error.message).toContain('one JSON object');
  });

  it('refuses files that are not UTF-8, too large, missing or folders', async () => {
    expect(
      failure(await readText('latin1.json', Uint8Array.from([0x7b, 0xe9, 0x7d]))).message,
    ).toContain('not UTF-8');
    const large = `{ "number": "US12345", "itn": "${'X'.repeat(maxCertificateFileBytes)}" }`;
    expect(failure(await readText('large.json', large)).message).toContain('1 MiB');
    expect(
      failure(await readCertificateFile(join(dir, 'absent.json'), 'absent.json')).message,
    ).toContain('no such file');
    expect(failure(await readCertificateFile(dir, 'the folder')).message).toContain(
      'Cannot read the folder',
    );
  });
});
