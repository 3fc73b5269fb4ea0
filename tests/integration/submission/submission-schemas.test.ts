// The JSON Schemas in docs/schemas describe what KP Desk really sends and what the reference
// intake really answers: envelopes built from a vault (with and without a PDF, Census and USKPA)
// and the signed receipts stored for them are validated with ajv (a validator other than the zod
// schemas the code uses), and the schemas refuse what the code would refuse.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionWorld } from './submission-fixture';
import { issueAndShip, openSubmissionWorld } from './submission-fixture';

const schema = (name: string): object =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../../docs/schemas/${name}`, import.meta.url)), 'utf8'),
  ) as object;

const ajv = new Ajv2020({ strict: true, allErrors: true });
// RFC 3339 date-time, as the zod schemas check it (ajv-formats is not a dependency).
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const validEnvelope = ajv.compile(schema('submission-envelope.schema.json'));
const validReceipt = ajv.compile(schema('receipt.schema.json'));

let world: SubmissionWorld;
beforeAll(async () => {
  world = await openSubmissionWorld();
  await issueAndShip(world.vault, world.staff.operator, 'US12345', true);
  await issueAndShip(world.vault, world.staff.operator, 'US12346', false);
  await world.submissions.drain();
});
afterAll(async () => {
  await world.close();
});

describe('the documented schemas', () => {
  it('accept every envelope sent and every receipt stored', () => {
    const stored = [...world.server.stored().values()];
    expect(stored).toHaveLength(4);
    for (const { envelope } of stored)
      expect(validEnvelope(envelope), ajv.errorsText(validEnvelope.errors)).toBe(true);
    expect(stored.some((s) => s.envelope.document === null)).toBe(true);
    expect(stored.some((s) => s.envelope.auditHead !== undefined)).toBe(true);
    for (const row of world.submissions.list()) {
      const receipt = world.submissions.receipt(row.id);
      expect(validReceipt(receipt), ajv.errorsText(validReceipt.errors)).toBe(true);
    }
  });

  it('refuse a malformed key, an unknown field and a short hash', () => {
    const [first] = world.server.stored().values();
    const envelope = first?.envelope;
    expect(validEnvelope({ ...envelope, idempotencyKey: 'US012345/shipped/1' })).toBe(false);
    expect(validEnvelope({ ...envelope, extra: true })).toBe(false);
    const receipt = first?.response;
    expect(
      validReceipt({ ...receipt, receipt: { ...receipt?.receipt, envelopeSha256: 'abc' } }),
    ).toBe(false);
  });
});
