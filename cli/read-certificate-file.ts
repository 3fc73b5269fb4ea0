// Reads one certificate file (docs/certificate-format.md) into a parsed draft, or says exactly
// why it cannot: unreadable, too large, not UTF-8, not JSON, or not a certificate (with the
// offending field paths). The rules themselves run afterwards on the draft; this only decides
// whether there is a certificate to check at all.
import { open } from 'node:fs/promises';
import type { CertificateDraft } from '../shared/domain/certificate-draft';
import { CertificateDraftSchema } from '../shared/domain/certificate-draft';
import { findDuplicateJsonKeys } from '../shared/domain/json-duplicate-keys';
import { appError } from '../shared/errors';
import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';
import { describeSchemaIssues, wholeFileField } from './describe-schema-issues';

/** A certificate is a few kilobytes; anything beyond 1 MiB is the wrong file. */
export const maxCertificateFileBytes = 1024 * 1024;

const formatHint = 'See docs/certificate-format.md for the format.';

/**
 * @param path the file to read
 * @param displayName how messages name the file (the path as the user typed it)
 */
export async function readCertificateFile(
  path: string,
  displayName: string,
): Promise<Result<CertificateDraft>> {
  const bytes = await readSmallFile(path);
  if (!bytes.ok) {
    return err(appError('INVALID_INPUT', `Cannot read ${displayName}: ${bytes.problem}.`));
  }
  let text: string;
  try {
    // fatal: a Latin-1 or UTF-16 file must be rejected, not read as garbled names.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.value);
  } catch {
    return err(appError('INVALID_INPUT', `${displayName} is not UTF-8 text. ${formatHint}`));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error: unknown) {
    const detail = error instanceof Error ? error.message : String(error);
    return err(
      appError(
        'INVALID_INPUT',
        `${displayName} is not JSON (${oneLine(detail)}${lineAndColumn(text, detail)}). ` +
          `A certificate file holds one JSON object. ${formatHint}`,
      ),
    );
  }
  // JSON.parse keeps the last of two equal keys without a word; a certificate must not be read
  // one way here and another way elsewhere (RFC 8259 sec. 4).
  const duplicates = findDuplicateJsonKeys(text);
  if (duplicates.length > 0) {
    const fields: Record<string, string> = {};
    for (const duplicate of duplicates) {
      const field = duplicate.path === '' ? duplicate.key : `${duplicate.path}.${duplicate.key}`;
      fields[field] =
        `"${duplicate.key}" appears more than once (again at line ${String(duplicate.line)} column ${String(duplicate.column)}); give each field once`;
    }
    const problems = Object.entries(fields).map(([field, problem]) => `${field}: ${problem}`);
    return err(
      appError(
        'INVALID_INPUT',
        `${displayName} is not a valid certificate file: ${problems.join('; ')}. Which of the values was meant cannot be known, so the file is not read. ${formatHint}`,
        fields,
      ),
    );
  }
  const parsed = CertificateDraftSchema.safeParse(json);
  if (!parsed.success) {
    const fields = describeSchemaIssues(parsed.error.issues, json);
    const problems = Object.entries(fields).map(([field, problem]) =>
      field === wholeFileField ? problem : `${field}: ${problem}`,
    );
    return err(
      appError(
        'INVALID_INPUT',
        `${displayName} is not a valid certificate file: ${problems.join('; ')}. ${formatHint}`,
        fields,
      ),
    );
  }
  return ok(parsed.data);
}

type Bytes = { ok: true; value: Uint8Array } | { ok: false; problem: string };

async function readSmallFile(path: string): Promise<Bytes> {
  try {
    // Size is checked on the open handle, so the file read is the file measured.
    const handle = await open(path, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile()) return { ok: false, problem: 'it is not a file' };
      if (info.size > maxCertificateFileBytes) {
        return { ok: false, problem: `it is ${String(info.size)} bytes; the limit is 1 MiB` };
      }
      return { ok: true, value: await handle.readFile() };
    } finally {
      await handle.close();
    }
  } catch (error: unknown) {
    return { ok: false, problem: describeFsError(error) };
  }
}

function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** V8 reports "at position N"; a person editing the file needs a line and column. */
function lineAndColumn(text: string, detail: string): string {
  const match = /at position (\d+)/.exec(detail);
  if (match?.[1] === undefined) return '';
  const before = text.slice(0, Number(match[1]));
  const lines = before.split('\n');
  const column = (lines.at(-1)?.length ?? 0) + 1;
  return `, line ${String(lines.length)} column ${String(column)}`;
}
