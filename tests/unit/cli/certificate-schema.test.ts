// docs/certificate.schema.json and the example in docs/certificate-format.md are generated from /
// checked against the app's own schema, so the published format cannot drift from the code.
// ajv (an independent JSON Schema validator) checks the committed schema the way an editor or a
// carrier's own tooling would.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { certificateJsonSchemaText } from '../../../cli/certificate-json-schema';
import { CertificateDraftSchema } from '../../../shared/domain/certificate-draft';
import { fixturesDir, repoRoot } from './capture-io';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const committedSchema = read('docs/certificate.schema.json');

/** The JSON block under the "A complete example" heading of the format document. */
function documentedExample(): unknown {
  const markdown = read('docs/certificate-format.md');
  const section = markdown.split(/^## A complete example$/m)[1] ?? '';
  const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (block === undefined) throw new Error('docs/certificate-format.md has no example block');
  return JSON.parse(block);
}

function schemaValidator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  return ajv.compile(JSON.parse(committedSchema) as object);
}

describe('docs/certificate.schema.json', () => {
  it('is exactly what the generator produces from CertificateDraftSchema now', () => {
    expect(committedSchema).toBe(certificateJsonSchemaText());
  });

  it('passes the generator script check (npm run schema -- --check)', () => {
    const output = execFileSync(
      process.execPath,
      ['scripts/write-certificate-schema.mjs', '--check'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(output).toContain('up to date');
  });

  it('accepts the documented example, which is the valid fixture', () => {
    const example = documentedExample();
    expect(example).toEqual(JSON.parse(read(`${fixturesDir}/valid.json`)));
    const validate = schemaValidator();
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts exactly the fixture files that the app itself accepts', () => {
    const validate = schemaValidator();
    const jsonFixtures = readdirSync(join(repoRoot, fixturesDir)).filter((name) =>
      name.endsWith('.json'),
    );
    expect(jsonFixtures.length).toBeGreaterThan(5);
    for (const name of jsonFixtures) {
      const value: unknown = JSON.parse(read(`${fixturesDir}/${name}`));
      expect(validate(value), name).toBe(CertificateDraftSchema.safeParse(value).success);
    }
    // The two that must be refused, so the comparison above is not vacuous.
    expect(validate(JSON.parse(read(`${fixturesDir}/bad-unknown-key.json`)))).toBe(false);
    expect(validate(JSON.parse(read(`${fixturesDir}/bad-wrong-type.json`)))).toBe(false);
  });
});
