// The vault gateway's `incoming` group: each call made as the signed-in user on the open vault
// (roles are checked by the incoming service). Paths come from main's dialogs
// (incoming-handlers.ts) or the CLI's arguments, never from the renderer. The scan is read here,
// at most one byte over the cap, so a huge file is refused without being read whole.
import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { AppFailure } from '../app-failure';
import { findResourcesDir } from '../documents/find-resources-dir';
import type { Actor } from '../issuance/actor';
import { parseInput } from '../vault/repositories/parse-input';
import type { VaultServices } from '../vault/vault-services';
import { SCAN_MAX_BYTES } from './scan-file-type';

const RegisterSchema = z
  .object({ certificate: z.unknown(), scanPath: z.string().min(1).optional() })
  .strict();
const NumberSchema = z.object({ number: z.string().min(1).max(64) }).strict();
const ScanSchema = NumberSchema.extend({ scanId: z.number().int().min(1) }).strict();
const ConfirmSchema = NumberSchema.extend({ sentOn: z.string().max(32) }).strict();
const ReportSchema = NumberSchema.extend({ path: z.string().min(1) }).strict();

/** The file at `path`, at most SCAN_MAX_BYTES + 1 bytes (the cap is enforced by the service). */
export function readScanFile(path: string): { fileName: string; content: Buffer } {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    if (!fstatSync(descriptor).isFile()) throw new Error('not a file');
    const buffer = Buffer.alloc(Math.min(fstatSync(descriptor).size, SCAN_MAX_BYTES + 1));
    const read = readSync(descriptor, buffer, 0, buffer.length, 0);
    return { fileName: basename(path), content: buffer.subarray(0, read) };
  } catch {
    const message = `The scan ${basename(path)} cannot be read. Nothing was saved.`;
    throw new AppFailure('INVALID_INPUT', message, { scan: message });
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

export function incomingGatewayGroup(
  session: () => { services: VaultServices; actor: Actor },
  options: { resourcesDir?: string | undefined; afterQueue: () => void },
) {
  const call =
    <R>(run: (services: VaultServices, actor: Actor, input: unknown) => R) =>
    (input: unknown): R => {
      const { services, actor } = session();
      return run(services, actor, input);
    };
  return {
    list: call((s, actor) => s.incoming.list(actor)),
    get: call((s, actor, input) => s.incoming.get(actor, parseInput(NumberSchema, input).number)),
    /** `{ certificate, scanPath? }`: the Census copy is queued, then delivery is started. */
    register: call((s, actor, input) => {
      const request = parseInput(RegisterSchema, input);
      const saved = s.incoming.register(actor, {
        certificate: request.certificate,
        ...(request.scanPath === undefined ? {} : { scan: readScanFile(request.scanPath) }),
      });
      options.afterQueue();
      return s.incoming.item(actor, saved.number);
    }),
    confirmReceiptSent: call((s, actor, input) => {
      const saved = s.incoming.confirmReceiptSent(actor, parseInput(ConfirmSchema, input));
      return s.incoming.item(actor, saved.number);
    }),
    scan: call((s, actor, input) => {
      const { number, scanId } = parseInput(ScanSchema, input);
      const scan = s.incoming.scan(actor, number, scanId);
      return {
        fileName: scan.fileName,
        mediaType: scan.mediaType,
        sha256: scan.sha256,
        base64: Buffer.from(scan.content).toString('base64'),
      };
    }),
    /** `{ number, path }`: the receipt confirmation's PDF written to a path from a dialog. */
    saveReceiptReport: async (input: unknown): Promise<{ path: string }> => {
      const { services, actor } = session();
      const { number, path } = parseInput(ReportSchema, input);
      const resources = findResourcesDir(options.resourcesDir, import.meta.dirname);
      if (resources === undefined)
        throw new AppFailure('INTERNAL', 'The fonts for the report are missing from KP Desk.');
      const pdf = await services.incoming.receiptReportPdf(actor, number, resources);
      writeFileSync(path, pdf);
      return { path };
    },
  };
}
