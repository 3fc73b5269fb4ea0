// The Census copy of an incoming certificate (31 CFR 592.301(a)(1)(iii)) goes out through the
// same outbox and channels as export copies: over HTTPS (mutual TLS, a real intake server on
// 127.0.0.1 that checks the envelope against its schema and signs a receipt) with the scan in
// the envelope, and by e-mail (a real SMTP server with STARTTLS) with the scan attached.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020';
import { afterEach, describe, expect, it } from 'vitest';
import { SubmissionEnvelopeSchema } from '../../../electron/core/submission/submission-envelope';
import type { SubmissionWorld } from '../submission/submission-fixture';
import { openSubmissionWorld, testPki } from '../submission/submission-fixture';
import type { SmtpTestServer } from '../submission/smtp-test-server';
import { attachmentsOf, headerOf, startSmtpTestServer } from '../submission/smtp-test-server';
import { PNG_1X1, botswanaCertificate, scanPdf } from './incoming-fixture';

// The documented schema (docs/schemas), checked with ajv, a validator other than the code's zod.
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const documented = ajv.compile(
  JSON.parse(
    readFileSync(
      fileURLToPath(
        new URL('../../../docs/schemas/submission-envelope.schema.json', import.meta.url),
      ),
      'utf8',
    ),
  ) as object,
);

let world: SubmissionWorld;
let smtp: SmtpTestServer | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
  await world.close();
});

// The world's clock (2026-11-27) is after the fixture's entry (2026-11-20), and inside the
// test PKI's validity.
function register(scan: { fileName: string; content: Uint8Array }) {
  return world.vault.services.incoming.register(world.staff.operator, {
    certificate: botswanaCertificate(),
    scan,
  });
}

describe('the Census copy of an incoming certificate', () => {
  it('is delivered over HTTPS with the scan, and the receipt is kept', async () => {
    world = await openSubmissionWorld();
    const scan = await scanPdf();
    register({ fileName: 'BW012345.pdf', content: scan });
    const summary = await world.submissions.drain();
    expect(summary.delivered).toBe(1);
    const [row] = world.submissions.list();
    expect(row).toMatchObject({
      recipient: 'census',
      kind: 'import-entry',
      number: 'BW012345',
      idempotencyKey: 'BW012345/import-entry/v1',
      status: 'delivered',
    });
    const stored = [...world.server.stored().values()];
    expect(stored).toHaveLength(1);
    const envelope = SubmissionEnvelopeSchema.parse(stored[0]?.envelope);
    expect(documented(envelope), ajv.errorsText(documented.errors)).toBe(true);
    expect(envelope.certificateNumber).toBe('BW012345');
    expect(envelope.document?.mediaType).toBe('application/pdf');
    expect(Buffer.from(envelope.document?.base64 ?? '', 'base64').equals(Buffer.from(scan))).toBe(
      true,
    );
    expect(envelope.certificate).toMatchObject({ caratsHundredths: 123456, parcels: 3 });
    const listed = world.vault.services.incoming.list(world.staff.reviewer);
    expect(listed[0]?.censusCopy?.status).toBe('delivered');
    expect(world.vault.services.audit.verify().ok).toBe(true);
  });

  it('is sent by e-mail with the scan attached as what it is (a PNG here)', async () => {
    world = await openSubmissionWorld({ configure: false });
    const pki = testPki(world.vault.clock.now);
    smtp = await startSmtpTestServer({ tlsPair: pki.server });
    world.submissions.configureRecipient(world.staff.admin, {
      recipient: 'census',
      channel: 'smtp',
      url: smtp.url,
      to: 'census-kp@agency.example',
      from: 'imports@licensee.example',
      caPem: pki.ca.certPem,
    });
    register({ fileName: 'BW012345.png', content: PNG_1X1 });
    const summary = await world.submissions.drain();
    expect(summary.delivered).toBe(1);
    const raw = smtp.received[0]?.raw ?? Buffer.alloc(0);
    expect(headerOf(raw, 'X-KPDesk-Idempotency-Key')).toBe('BW012345/import-entry/v1');
    expect(headerOf(raw, 'Subject')).toMatch(/BW012345: import-entry/);
    const files = attachmentsOf(raw);
    expect(files.get('BW012345.png')?.equals(PNG_1X1)).toBe(true);
    expect(raw.toString('latin1')).toMatch(/Content-Type: image\/png/);
  });

  it('refuses, in the envelope schema, a US number on an import entry and an image on an export', () => {
    const base = {
      envelopeVersion: 1,
      idempotencyKey: 'BW012345/import-entry/v1',
      recipient: 'census',
      kind: 'import-entry',
      certificateNumber: 'BW012345',
      queuedAt: '2026-11-21T15:00:00.000Z',
      certificate: {},
      document: null,
    };
    expect(SubmissionEnvelopeSchema.safeParse(base).success).toBe(true);
    expect(documented(base)).toBe(true);
    const usImport = { ...base, certificateNumber: 'US12345' };
    expect(SubmissionEnvelopeSchema.safeParse(usImport).success).toBe(false);
    expect(documented(usImport)).toBe(false);
    const imageExport = {
      ...base,
      kind: 'shipped',
      idempotencyKey: 'US12345/shipped/v1',
      certificateNumber: 'US12345',
      document: {
        mediaType: 'image/png',
        fileName: 'x.png',
        sha256: 'a'.repeat(64),
        base64: 'AA==',
      },
    };
    expect(documented(imageExport)).toBe(false);
    expect(documented({ ...imageExport, document: null })).toBe(true);
    expect(
      SubmissionEnvelopeSchema.safeParse({
        ...base,
        kind: 'shipped',
        idempotencyKey: 'US12345/shipped/v1',
        certificateNumber: 'US12345',
        document: {
          mediaType: 'image/png',
          fileName: 'x.png',
          sha256: 'a'.repeat(64),
          base64: 'AA==',
        },
      }).success,
    ).toBe(false);
  });
});
