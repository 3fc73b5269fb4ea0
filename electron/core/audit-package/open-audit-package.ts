// Opens an audit package (docs/audit-package.md) and verifies it in this order, naming exactly
// what fails: (1) decryption and authentication of every part (a wrong passphrase and altered
// bytes say different things); (2) the manifest's signature (intact, and by whom: trusted here
// only when the signer's certificate chains to the anchors the caller gives: this computer's
// trust list, never the package's own); (3) every entry's SHA-256 against the signed manifest,
// and no entry missing or added; (4) the audit chain recomputed from the package's events and
// compared with the signed head; (5) every stored signed PDF verified with the app's verifier
// against its record (in the package's read-only vault). A failure of 1–4 means the package is
// not what the licensee signed: it is refused (AUDIT_PACKAGE_INVALID, `fields.check` names the
// step). Step 2's "not trusted here" and step 5's failures are reported, not refused: the
// package is then intact, and what it shows is the licensee's record as it was.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { ReviewFinding } from '../../../shared/review/review-report';
import { AppFailure } from '../app-failure';
import { documentFindings } from '../review/check-stored-documents';
import { readReviewedCertificates } from '../review/reviewed-certificates';
import { digestOf } from '../vault/audit/entity-digest';
import type { AuditReport } from '../vault/audit/verify-audit-chain';
import { documentOperationsFor } from '../vault/document-gateway-groups';
import { checkPackageChain, keyText, parseEvents } from './check-package-chain';
import type { ManifestSignatureCheck } from './manifest-signature';
import { checkManifestSignature } from './manifest-signature';
import type { AuditPackageManifest } from './package-format';
import {
  AuditPackageManifestSchema,
  EVENTS_ENTRY,
  HEAD_ENTRY,
  MANIFEST_ENTRY,
  SIGNATURE_ENTRY,
  WITHHELD_ENTRY,
} from './package-format';
import type { PackageReadVault } from './package-read-vault';
import { createPackageReadVault } from './package-read-vault';
import type { JsonRow, WithheldDigest } from './package-tables';
import { canonicalRow, packageTables } from './package-tables';
import type { PackageWorkspace } from './package-workspace';
import { createPackageWorkspace } from './package-workspace';
import type { PackageFile } from './read-package-file';
import { openPackageFile } from './read-package-file';
import { createUstarReader } from './ustar-archive';

export type PackageCheckName = 'decryption' | 'signature' | 'entries' | 'audit-chain' | 'documents';

export type PackageCheck = {
  check: PackageCheckName;
  status: 'passed' | 'warning' | 'failed';
  message: string;
};

export type OpenAuditPackageOptions = {
  /** DER certificates this computer trusts (its vault's trust list); none: nobody is trusted. */
  trustAnchorsDer?: readonly Buffer[];
  now?: () => Date;
  resourcesDir?: string;
  onProgress?: (phase: PackageCheckName, done: number, total: number) => void;
};

export type OpenedAuditPackage = {
  file: string;
  sha256: string;
  manifest: AuditPackageManifest;
  signature: ManifestSignatureCheck;
  checks: PackageCheck[];
  /** The chain's verification in the shape the review reads (always ok once opened). */
  chain: AuditReport;
  documentFindings: ReviewFinding[];
  /** The package's records, query-only; close() deletes it. */
  vault: PackageReadVault;
};

const DOCUMENTS_PREFIX = 'documents/';
const ATTACHMENTS_ENTRY = 'records/attachments.json';

const refuse = (check: PackageCheckName, message: string): AppFailure =>
  new AppFailure('AUDIT_PACKAGE_INVALID', message, { check });

function parseJson(name: string, content: Buffer | undefined, check: PackageCheckName): unknown {
  if (content === undefined) throw refuse(check, `The package has no ${name}.`);
  try {
    return JSON.parse(content.toString('utf8')) as unknown;
  } catch {
    throw refuse(check, `The package's ${name} is not JSON.`);
  }
}

export async function openAuditPackage(
  file: string,
  passphrase: string,
  options: OpenAuditPackageOptions = {},
): Promise<OpenedAuditPackage> {
  const packageFile = await openPackageFile(file, passphrase);
  let workspace: PackageWorkspace | undefined;
  try {
    workspace = createPackageWorkspace();
    return await openInWorkspace(file, packageFile, options, workspace);
  } catch (error: unknown) {
    workspace?.remove();
    throw error;
  } finally {
    packageFile.close();
  }
}

/** The attachment rows of records/attachments.json by the document entry each names. */
function attachmentRowsByEntry(content: Buffer): Map<string, JsonRow> {
  const byEntry = new Map<string, JsonRow>();
  let rows: unknown;
  try {
    rows = JSON.parse(content.toString('utf8'));
  } catch {
    return byEntry; // step 4 names the records that are not JSON
  }
  if (!Array.isArray(rows)) return byEntry;
  for (const row of rows as JsonRow[]) {
    const cell = row.content;
    if (cell !== null && typeof cell === 'object' && '$entry' in cell)
      byEntry.set(cell.$entry, row);
  }
  return byEntry;
}

async function openInWorkspace(
  file: string,
  packageFile: PackageFile,
  options: OpenAuditPackageOptions,
  workspace: PackageWorkspace,
): Promise<OpenedAuditPackage> {
  const now = options.now ?? (() => new Date());
  const name = basename(file);
  // Streamed: chunk by chunk, decrypted, cut into entries, each hashed as it arrives; only the
  // small entries (records, events, manifest) stay in memory. A document is read once here: its
  // SHA-256 and its attachment row's digest (the row came before it: records/attachments.json
  // precedes the documents in format 1) are taken as it passes, and it is let go; the read-only
  // vault gets it from a second pass over the file, after every check passed (below). An entry
  // name seen twice is an added entry.
  const entries = new Map<string, Buffer>();
  const entrySizes = new Map<string, number>();
  const hashes = new Map<string, string>();
  const seen: { duplicate: string | null; documentBeforeItsRow: string | null } = {
    duplicate: null,
    documentBeforeItsRow: null,
  };
  let attachmentRows: Map<string, JsonRow> | null = null;
  const attachmentDigests = new Map<string, string>();
  const fileHash = createHash('sha256');
  const archive = createUstarReader(({ name: entry, content }) => {
    if (hashes.has(entry)) seen.duplicate ??= entry;
    entrySizes.set(entry, content.length);
    hashes.set(entry, createHash('sha256').update(content).digest('hex'));
    if (!entry.startsWith(DOCUMENTS_PREFIX)) {
      entries.set(entry, content);
      if (entry === ATTACHMENTS_ENTRY) attachmentRows = attachmentRowsByEntry(content);
      return;
    }
    if (attachmentRows === null) {
      seen.documentBeforeItsRow ??= entry;
      return;
    }
    const row = attachmentRows.get(entry);
    const canonical =
      row === undefined ? undefined : canonicalRow(row, new Map([[entry, content]]));
    if (row !== undefined && canonical !== undefined)
      attachmentDigests.set(keyText(row.id), digestOf(canonical));
  });
  packageFile.readAll(
    (piece) => {
      archive.push(piece);
    },
    (sealed) => {
      fileHash.update(sealed);
    },
  );
  const ended = archive.finish();
  if (ended !== null) throw refuse('decryption', `The package's contents are damaged: ${ended}.`);
  const checks: PackageCheck[] = [
    {
      check: 'decryption',
      status: 'passed',
      message: 'Every part decrypted and authenticated under the passphrase given.',
    },
  ];

  // (2) The manifest's signature.
  const manifestBytes = entries.get(MANIFEST_ENTRY);
  const signatureBytes = entries.get(SIGNATURE_ENTRY);
  if (manifestBytes === undefined || signatureBytes === undefined)
    throw refuse(
      'signature',
      `The package has no ${manifestBytes === undefined ? 'manifest' : 'manifest signature'} (${manifestBytes === undefined ? MANIFEST_ENTRY : SIGNATURE_ENTRY} was removed).`,
    );
  const parsed = AuditPackageManifestSchema.safeParse(
    parseJson('manifest', manifestBytes, 'signature'),
  );
  const signature = checkManifestSignature(
    manifestBytes,
    signatureBytes,
    options.trustAnchorsDer ?? [],
    parsed.success ? new Date(parsed.data.createdAt) : now(),
  );
  if (signature.status === 'invalid') throw refuse('signature', signature.message);
  if (!parsed.success)
    throw refuse('signature', "The signed manifest's fields are not those of this format.");
  const manifest = parsed.data;
  checks.push({
    check: 'signature',
    status: signature.status === 'trusted' ? 'passed' : 'warning',
    message: signature.message,
  });

  // (3) Every entry against the signed manifest.
  if (seen.duplicate !== null)
    throw refuse('entries', `The package holds the entry ${seen.duplicate} twice: one was added.`);
  if (seen.documentBeforeItsRow !== null)
    throw refuse(
      'entries',
      `The entry ${seen.documentBeforeItsRow} comes before ${ATTACHMENTS_ENTRY}, which format 1 writes first: the archive was rearranged after KP Desk wrote it.`,
    );
  const listed = new Set(manifest.entries.map((entry) => entry.name));
  for (const entry of manifest.entries) {
    const found = hashes.get(entry.name);
    if (found === undefined)
      throw refuse(
        'entries',
        `The entry ${entry.name} named in the signed manifest is missing: it was removed.`,
      );
    if (found !== entry.sha256 || entrySizes.get(entry.name) !== entry.size)
      throw refuse(
        'entries',
        `The entry ${entry.name} is not the one the manifest's signature covers (its SHA-256 is ${found}, the manifest says ${entry.sha256}): it was replaced or changed.`,
      );
  }
  for (const entry of hashes.keys())
    if (!listed.has(entry) && entry !== MANIFEST_ENTRY && entry !== SIGNATURE_ENTRY)
      throw refuse('entries', `The entry ${entry} is not in the signed manifest: it was added.`);
  checks.push({
    check: 'entries',
    status: 'passed',
    message: `All ${String(manifest.entries.length)} entries match the SHA-256 in the signed manifest; none missing, none added.`,
  });

  // (4) The audit chain, from the package's own events.
  const tables = new Map<string, JsonRow[]>();
  for (const { table } of packageTables) {
    if (!manifest.tables.includes(table)) continue;
    const rows = parseJson(
      `records of ${table}`,
      entries.get(`records/${table}.json`),
      'audit-chain',
    );
    if (!Array.isArray(rows))
      throw refuse('audit-chain', `The package's records of ${table} are not a list.`);
    tables.set(table, rows as JsonRow[]);
  }
  const withheld = parseJson('withheld digests', entries.get(WITHHELD_ENTRY), 'audit-chain');
  if (!Array.isArray(withheld))
    throw refuse('audit-chain', "The package's withheld digests are not a list.");
  const events = parseEvents(entries.get(EVENTS_ENTRY)?.toString('utf8') ?? '');
  if (typeof events === 'string')
    throw refuse('audit-chain', `The package's audit chain: ${events}.`);
  const headLine = entries.get(HEAD_ENTRY)?.toString('utf8').trim();
  if (headLine !== manifest.auditHead.line)
    throw refuse(
      'audit-chain',
      `The head file ${HEAD_ENTRY} does not say what the signed manifest says.`,
    );
  options.onProgress?.('audit-chain', 0, events.length);
  const chain = checkPackageChain(events, manifest, {
    tables,
    withheld: withheld as WithheldDigest[],
    attachmentDigests,
  });
  if (!chain.ok)
    throw refuse(
      'audit-chain',
      `The audit chain recomputed from the package is broken: ${chain.firstBreak?.message ?? 'unknown break'}`,
    );
  checks.push({
    check: 'audit-chain',
    status: 'passed',
    message: `The audit chain recomputed from the package's ${String(events.length)} events ends at the signed head (event ${String(manifest.auditHead.seq)}, ${manifest.auditHead.hash.slice(0, 16)}…), and every record matches its latest event.`,
  });

  // (5) Every stored signed PDF against its record, in the read-only vault.
  // The small entries are no longer needed. The documents come from a second pass over the file
  // (decrypted and authenticated again), each checked against the signed manifest once more, so
  // the read-only vault holds exactly the bytes verified above even if the file changed since.
  entries.clear();
  const signed = new Map(manifest.entries.map((entry) => [entry.name, entry.sha256]));
  const vault = createPackageReadVault(
    workspace,
    manifest.schemaVersion,
    tables,
    (put) => {
      const again = createUstarReader(({ name: entry, content }) => {
        if (!entry.startsWith(DOCUMENTS_PREFIX)) return;
        if (createHash('sha256').update(content).digest('hex') !== signed.get(entry))
          throw refuse(
            'entries',
            `The entry ${entry} changed while the package was being opened: ${name} was altered during the opening. Nothing was opened.`,
          );
        put(entry, content);
      });
      packageFile.readAll((piece) => {
        again.push(piece);
      });
      const ended = again.finish();
      if (ended !== null)
        throw refuse('decryption', `The package's contents changed while it was opened: ${ended}.`);
    },
    events,
  );
  try {
    const operations = documentOperationsFor(vault.db, {
      now,
      resourcesDir: options.resourcesDir,
    });
    const verify = await operations.batchVerifier();
    const stored = documentFindings(
      vault.db,
      readReviewedCertificates(vault.db, null),
      verify,
      (done, total) => options.onProgress?.('documents', done, total),
    );
    checks.push({
      check: 'documents',
      status: stored.findings.length === 0 ? 'passed' : 'failed',
      message:
        stored.findings.length === 0
          ? `All ${String(stored.documents)} stored signed PDFs verified against their records.`
          : `${String(stored.findings.length)} of ${String(stored.documents)} stored signed PDFs do not verify against their records: ${stored.findings.map((f) => f.message).join(' ')}`,
    });
    return {
      file: name,
      sha256: fileHash.digest('hex'),
      manifest,
      signature,
      checks,
      chain,
      documentFindings: stored.findings,
      vault,
    };
  } catch (error: unknown) {
    vault.close();
    throw error;
  }
}
