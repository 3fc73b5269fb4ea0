// Files that belong to a certificate (a signed scan, an invoice) are kept inside the encrypted
// vault as BLOBs, never beside it in clear, with their sha256 checked on every read.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { AppFailure } from '../../app-failure';
import type { CanonicalValue } from '../audit/canonical-json';
import { digestOf } from '../audit/entity-digest';
import { parseInput } from './parse-input';

/** Large enough for a scanned certificate or invoice; the vault is not a file store. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export const AttachmentInputSchema = z
  .object({
    certificateId: z.number().int().min(1),
    kind: z.enum(['signed-certificate', 'signed-void-copy', 'invoice', 'warranty', 'other']),
    fileName: z.string().trim().min(1).max(255),
    mediaType: z
      .string()
      .regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'Use a media type such as application/pdf.'),
    // Bytes from any realm (a Buffer is a Uint8Array; under a DOM test environment the global
    // Uint8Array is another realm's, so `instanceof` alone would refuse real PDF bytes).
    content: z
      .custom<Uint8Array>(
        (value) => Object.prototype.toString.call(value) === '[object Uint8Array]',
        'Attach the file’s bytes.',
      )
      .refine((bytes) => bytes.length > 0 && bytes.length <= MAX_ATTACHMENT_BYTES, {
        error: 'Attach a file of at most 25 MB.',
      }),
  })
  .strict();

export type AttachmentMeta = {
  id: number;
  certificateId: number;
  kind: string;
  fileName: string;
  mediaType: string;
  sha256: string;
  size: number;
  createdAt: string;
};

type AttachmentRow = {
  id: number;
  certificate_id: number;
  kind: string;
  file_name: string;
  media_type: string;
  sha256: string;
  size: number;
  created_at: string;
};

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function toMeta(row: AttachmentRow): AttachmentMeta {
  return {
    id: row.id,
    certificateId: row.certificate_id,
    kind: row.kind,
    fileName: row.file_name,
    mediaType: row.media_type,
    sha256: row.sha256,
    size: row.size,
    createdAt: row.created_at,
  };
}

const META_COLUMNS =
  'id, certificate_id, kind, file_name, media_type, sha256, length(content) AS size, created_at';

export type AttachmentRepository = ReturnType<typeof createAttachmentRepository>;

export function createAttachmentRepository(db: Database, now: () => Date) {
  const list = db.prepare<[number], AttachmentRow>(
    `SELECT ${META_COLUMNS} FROM attachments WHERE certificate_id = ? ORDER BY id`,
  );
  const content = db.prepare<[number], { sha256: string; content: Buffer }>(
    'SELECT sha256, content FROM attachments WHERE id = ?',
  );

  // Every column but the content, named from the schema itself (never from input), so that a
  // column added by a later migration is digested like `SELECT *` would read it.
  const otherColumns = (db.pragma('table_info(attachments)') as { name: string }[])
    .map((column) => column.name)
    .filter((name) => name !== 'content');
  // RETURNING those columns: the new row as `SELECT *` reads it but for the content, which the
  // caller holds, so neither the meta nor the audit digest reads the row back.
  const insert = db.prepare<unknown[], Record<string, CanonicalValue>>(
    `INSERT INTO attachments (certificate_id, kind, file_name, media_type, sha256, content, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     RETURNING ${otherColumns.map((name) => `"${name.replace(/"/g, '""')}"`).join(', ')}`,
  );

  const addRow = (
    input: unknown,
  ): { meta: AttachmentMeta; content: Buffer; row: Record<string, CanonicalValue> } => {
    const file = parseInput(AttachmentInputSchema, input);
    const content = Buffer.from(file.content);
    const row = insert.get(
      file.certificateId,
      file.kind,
      file.fileName,
      file.mediaType,
      sha256(content),
      content,
      now().toISOString(),
    );
    if (row === undefined) throw new Error('attachment row missing after insert');
    const stored = row as unknown as Omit<AttachmentRow, 'size'>;
    return { meta: toMeta({ ...stored, size: content.length }), content, row };
  };

  return {
    add: (input: unknown): AttachmentMeta => addRow(input).meta,
    /**
     * Adds the file and gives the audit digest of its new row (entity-digest.ts), with the
     * content digested from the very bytes just inserted instead of read back out of the vault:
     * the same digest, without decrypting and copying a signed PDF again per certificate
     * (bench/issue-batch-bench.ts). tests/integration/vault/attachment-audit-digest.test.ts
     * holds it equal to the digest of the row as `SELECT *` reads it.
     */
    addWithAuditDigest: (input: unknown): { meta: AttachmentMeta; auditDigest: string } => {
      const { meta: added, content, row } = addRow(input);
      return { meta: added, auditDigest: digestOf({ ...row, content }) };
    },
    list: (certificateId: number): AttachmentMeta[] => list.all(certificateId).map(toMeta),
    /** The file's bytes, refused if they no longer match the sha256 recorded with them. */
    read: (id: number): Buffer => {
      const row = content.get(id);
      if (row === undefined) throw new AppFailure('NOT_FOUND', 'This attachment does not exist.');
      if (sha256(row.content) !== row.sha256)
        throw new AppFailure(
          'VAULT_CORRUPT',
          'This attachment is damaged: its checksum does not match.',
        );
      return row.content;
    },
  };
}
