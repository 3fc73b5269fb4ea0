// docs/certificate-format.md must keep up with the rules: every field, every finding code and
// every source a rule cites appears in it, so a new rule cannot ship undocumented.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificateFields } from '../../../shared/domain/certificate-draft';
import { findingCodes } from '../../../shared/domain/finding-codes';
import { sources } from '../../../shared/domain/sources';
import { repoRoot } from './capture-io';

const doc = readFileSync(join(repoRoot, 'docs/certificate-format.md'), 'utf8');

describe('docs/certificate-format.md', () => {
  it.each(certificateFields)('describes the field %s', (field) => {
    expect(doc).toContain(`\`${field}\``);
  });

  it.each(findingCodes)('lists the finding code %s', (code) => {
    expect(doc).toContain(`\`${code}\``);
  });

  it.each(Object.values(sources))('cites the source "%s" as the rules do', (source) => {
    expect(doc).toContain(source);
  });
});
