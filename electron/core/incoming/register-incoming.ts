// Registers a foreign KP certificate received on an import, in ONE transaction: the record, its
// scan (kept inside the encrypted vault), their audit events, and the Census copy queued in the
// outbox, due "immediately after entry" (31 CFR 592.301(a)(1)(iii)). A refusal names each field
// and its rule, and stores nothing.
import { z } from 'zod';
import { checkIncomingCertificate } from '../../../shared/incoming/check-incoming-certificate';
import type { CheckedIncoming } from '../../../shared/incoming/check-incoming-certificate';
import { IncomingCertificateInputSchema } from '../../../shared/incoming/incoming-certificate-input';
import type { IncomingCertificate } from '../../../shared/incoming/incoming-certificate-input';
import { personText } from '../../../shared/records/person-text';
import { AppFailure } from '../app-failure';
import { authorize, WRITERS } from '../issuance/actor';
import { licenseeLocalDate } from '../issuance/licensee-local-date';
import { parseInput } from '../vault/repositories/parse-input';
import { IMPORT_ENTRY_KIND } from '../submission/submission-envelope';
import type { IncomingContext } from './incoming-context';
import { checkScanFile } from './scan-file-type';

export const RegisterIncomingSchema = z
  .object({
    certificate: IncomingCertificateInputSchema,
    scan: z
      .object({
        fileName: personText('name', 'scan file name').min(1).max(255),
        // Bytes from any realm (a worker's structured clone, a Buffer): checked as a byte view,
        // not by instanceof, which fails across realms.
        content: z.custom<Uint8Array>(
          (value) => Object.prototype.toString.call(value) === '[object Uint8Array]',
          { error: 'The scan must be the bytes of a file.' },
        ),
      })
      .strict()
      .optional(),
  })
  .strict();

/** What Census receives about the import: the record's values, amounts as integers. */
function censusPayload(value: CheckedIncoming) {
  return {
    number: value.number,
    exportingParticipant: value.exportingParticipant,
    issuingAuthority: value.issuingAuthority,
    dateOfIssue: value.dateOfIssue,
    dateOfExpiry: value.dateOfExpiry,
    importer: value.importer,
    exporter: value.exporter,
    parcels: value.parcels,
    caratsHundredths: value.caratsHundredths,
    valueCents: value.valueCents,
    hsCodes: value.hsCodes,
    origins: value.origins,
    portOfEntry: value.portOfEntry,
    dateOfEntry: value.dateOfEntry,
  };
}

export function registerIncoming(
  context: IncomingContext,
  actor: unknown,
  input: unknown,
): IncomingCertificate {
  const user = authorize(
    context.users,
    actor,
    WRITERS,
    'register certificates received on an import',
  );
  const request = parseInput(RegisterIncomingSchema, input);
  const checked = checkIncomingCertificate(request.certificate, licenseeLocalDate(context.now()));
  if (!checked.ok) {
    const names = Object.keys(checked.fields).join(', ');
    throw new AppFailure(
      'INVALID_INPUT',
      `The incoming certificate was not registered: check ${names}. Nothing was changed.`,
      checked.fields,
    );
  }
  const value = checked.value;
  if (context.incoming.isIncomingNumber(value.number)) {
    const message = `${value.number} is already registered as an incoming certificate. A KP certificate number is unique (KPCS Annex I).`;
    throw new AppFailure('CONFLICT', message, { number: message });
  }
  const mediaType = request.scan === undefined ? null : checkScanFile(request.scan.content);
  const id = context.incoming.insert(value, user.id);
  const copy = context.outbox.addForIncoming(
    { incomingId: id, number: value.number },
    'census',
    IMPORT_ENTRY_KIND,
    censusPayload(value),
  );
  // One event for the entry and the Census copy it queued (issue 12: queued-digests.ts).
  context.audit.append({
    userId: user.id,
    action: 'incoming.register',
    entityType: 'incoming_certificate',
    entityId: id,
    queued: [copy],
  });
  if (request.scan !== undefined && mediaType !== null) {
    const scanId = context.incoming.addScan(
      id,
      {
        fileName: request.scan.fileName,
        mediaType,
        content: Buffer.from(request.scan.content),
      },
      user.id,
    );
    context.audit.append({
      userId: user.id,
      action: 'incoming.scan-add',
      entityType: 'incoming_scan',
      entityId: scanId,
    });
  }
  const saved = context.incoming.get(id);
  if (saved === null) throw new Error(`incoming certificate ${String(id)} vanished`);
  return saved;
}
