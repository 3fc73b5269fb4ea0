// The JSON Schema of a certificate file, generated from CertificateDraftSchema itself, so the
// published schema (docs/certificate.schema.json, written by `npm run schema`) cannot say
// something the app does not enforce. tests/unit/cli/certificate-schema.test.ts fails when the
// committed file drifts from this.
import { z } from 'zod';
import { CertificateDraftSchema } from '../shared/domain/certificate-draft';

export function certificateJsonSchema(): Record<string, unknown> {
  // io 'input': the schema of what may be written in a file, where every field may be left
  // out (the app fills in empty defaults), not of the parsed draft.
  const { $schema, ...rest } = z.toJSONSchema(CertificateDraftSchema, { io: 'input' });
  return {
    $schema,
    title: 'KP Desk certificate file',
    description:
      'A US Kimberley Process certificate as KP Desk reads it. Generated from CertificateDraftSchema (shared/domain/certificate-draft.ts); see docs/certificate-format.md for each field and the rules it is checked against.',
    ...rest,
  };
}

/** The schema file's exact text: 2-space JSON and a final newline. */
export function certificateJsonSchemaText(): string {
  return `${JSON.stringify(certificateJsonSchema(), null, 2)}\n`;
}
