// A real encrypted vault with certificates whose copies are due (issue + ship: USKPA and Census;
// a voided blank form: both), the reference intake server on 127.0.0.1 with its test PKI, and the
// submission service over the vault with a clock that sleeping advances (backoff waits of minutes
// take no real time; nothing is asserted on wall-clock time).
import { PDFDocument } from 'pdf-lib';
import type { Actor } from '../../../electron/core/issuance/actor';
import type { SubmissionService } from '../../../electron/core/submission/submission-service';
import { createSubmissionService } from '../../../electron/core/submission/submission-service';
import type { IntakePki } from '../../../preview/intake/intake-pki';
import { createIntakePki } from '../../../preview/intake/intake-pki';
import type { IntakeServer } from '../../../preview/intake/intake-server';
import { startIntakeServer } from '../../../preview/intake/intake-server';
import type { Staff, TestVault } from '../vault/vault-fixture';
import { openTestVault, seedVault, validDraft } from '../vault/vault-fixture';

export const packaging = {
  description: '2 sealed parcels in a tamper-resistant box',
  sealNumbers: ['S-1'],
};
export const warranty = {
  statement:
    'The diamonds herein invoiced have been purchased from legitimate sources not involved in funding conflict.',
  invoiceNumbers: ['INV-7'],
};

let pkiCache: IntakePki | undefined;
/** One PKI per test file (RSA key generation is the slow part), valid around the fixed clock. */
export function testPki(now: Date): IntakePki {
  pkiCache ??= createIntakePki({ now });
  return pkiCache;
}

export async function smallPdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 100]).drawText(text, { x: 10, y: 50, size: 12 });
  return pdf.save();
}

/** Draft, ITN, issue (USKPA row) and ship (Census row); optionally a signed PDF attached. */
export async function issueAndShip(
  vault: TestVault,
  actor: Actor,
  number: string,
  withPdf: boolean,
): Promise<number> {
  const { issuance } = vault.services;
  const created = issuance.createDraft(actor, { number, draft: validDraft(number) });
  issuance.recordItn(actor, { id: created.id, itn: 'X20261127123456' });
  issuance.issue(actor, { id: created.id, attested: true, packaging, warranty });
  if (withPdf)
    issuance.addAttachment(actor, {
      certificateId: created.id,
      kind: 'signed-certificate',
      fileName: `${number}.pdf`,
      mediaType: 'application/pdf',
      content: await smallPdf(number),
    });
  // Leaves the day it is issued: the fixture's clock stands on 2026-11-27 (rule 8).
  issuance.ship(actor, { id: created.id, shipDate: '2026-11-27' });
  return created.id;
}

export type SubmissionWorld = {
  vault: TestVault;
  staff: Staff;
  server: IntakeServer;
  submissions: SubmissionService;
  /** Milliseconds the drain slept (clock advanced). */
  slept: number[];
  close: () => Promise<void>;
};

export async function openSubmissionWorld(
  options: { timeoutMs?: number; pki?: IntakePki; configure?: boolean } = {},
): Promise<SubmissionWorld> {
  const vault = openTestVault();
  const staff = seedVault(vault);
  const pki = options.pki ?? testPki(vault.clock.now);
  const server = await startIntakeServer({ pki, now: () => vault.clock.now });
  const slept: number[] = [];
  const submissions = createSubmissionService(vault.db, {
    now: () => vault.clock.now,
    random: () => 0.5,
    sleep: (ms) => {
      slept.push(ms);
      vault.clock.now = new Date(vault.clock.now.getTime() + ms);
      return Promise.resolve();
    },
    timeoutMs: options.timeoutMs ?? 30_000,
  });
  if (options.configure !== false)
    for (const recipient of ['census', 'uskpa'] as const)
      submissions.configureRecipient(staff.admin, {
        recipient,
        channel: 'https',
        url: server.url,
        caPem: pki.ca.certPem,
        clientCertPem: pki.client.certPem,
        clientKeyPem: pki.client.keyPem,
      });
  return {
    vault,
    staff,
    server,
    submissions,
    slept,
    close: async () => {
      await server.close();
      vault.close();
    },
  };
}

/** Every row's status by idempotency key and recipient. */
export function statuses(world: SubmissionWorld): Record<string, string> {
  return Object.fromEntries(
    world.submissions.list().map((row) => [`${row.recipient} ${row.idempotencyKey}`, row.status]),
  );
}
