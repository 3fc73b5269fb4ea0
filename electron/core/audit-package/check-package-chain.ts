// The audit chain recomputed from the package's own events, with nothing taken from the vault it
// came from: every event's hash again from its fields (audit-chain.ts, the vault's own formula),
// every link to the previous hash, the sequence without a gap from 1, the last event equal to
// the head in the signed manifest (so a chain cut short, or events added after the head, show);
// then every record's digest against the latest event for it, as the vault's verification does
// (check-entity-digests.ts): a row changed, added or removed since its event breaks it. Rows
// whose secrets were withheld are compared by the digest the licensee signed for them.
import type { AuditEventFields } from '../vault/audit/audit-chain';
import { GENESIS_HASH, eventHash } from '../vault/audit/audit-chain';
import { digestOf, isAuditEntityType } from '../vault/audit/entity-digest';
import { ownDigest, queuedIn } from '../vault/audit/queued-digests';
import { isStockRange } from '../vault/audit/stock-range-digest';
import { checkPackageStockRanges, rangeCovering } from './check-package-stock-ranges';
import { coveredIn } from '../vault/audit/covered-digests';
import type { AuditReport } from '../vault/audit/verify-audit-chain';
import type { AuditPackageManifest } from './package-format';
import type { JsonCell, JsonRow, WithheldDigest } from './package-tables';
import { canonicalRow, hasWithheld, packageTables } from './package-tables';

export type PackageEvent = AuditEventFields & { prevHash: string; hash: string };

export type PackageRecords = {
  tables: ReadonlyMap<string, readonly JsonRow[]>;
  withheld: readonly WithheldDigest[];
  /** The digest of each attachment row with its document, computed as the document arrived. */
  attachmentDigests: ReadonlyMap<string, string>;
};

/** The events of audit/events.jsonl, or a reason they cannot be read. */
export function parseEvents(text: string): PackageEvent[] | string {
  const events: PackageEvent[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    try {
      const value = JSON.parse(line) as Partial<PackageEvent>;
      if (
        typeof value.seq !== 'number' ||
        typeof value.at !== 'string' ||
        (value.userId !== null && typeof value.userId !== 'number') ||
        typeof value.action !== 'string' ||
        typeof value.entityType !== 'string' ||
        typeof value.entityId !== 'string' ||
        typeof value.entityDigest !== 'string' ||
        typeof value.prevHash !== 'string' ||
        typeof value.hash !== 'string'
      )
        return `line ${String(i + 1)} of the events is not an audit event`;
      events.push(value as PackageEvent);
    } catch {
      return `line ${String(i + 1)} of the events is not JSON`;
    }
  }
  return events;
}

/** A row's key as the audit events name it (String(id) for an integer key). */
export function keyText(cell: JsonCell | undefined): string {
  return typeof cell === 'number' || typeof cell === 'string' ? String(cell) : '';
}

function rowDigests(records: PackageRecords): Map<string, string> | string {
  const digests = new Map<string, string>();
  const withheld = new Map(records.withheld.map((w) => [`${w.table}\0${w.key}`, w.digest]));
  for (const { type, table, key } of packageTables) {
    for (const row of records.tables.get(table) ?? []) {
      const id = keyText(row[key]);
      const name = `${type}\0${id}`;
      if (table === 'attachments') {
        const digest = records.attachmentDigests.get(id);
        if (digest === undefined) return `the document of attachment ${id} is not in the package`;
        digests.set(name, digest);
      } else if (hasWithheld(row)) {
        const digest = withheld.get(`${table}\0${id}`);
        if (digest === undefined)
          return `${table} row ${id} has withheld values and no signed digest for them`;
        digests.set(name, digest);
      } else {
        const canonical = canonicalRow(row, new Map());
        if (canonical === undefined) return `${table} row ${id} cannot be read`;
        digests.set(name, digestOf(canonical));
      }
    }
  }
  return digests;
}

export function checkPackageChain(
  events: readonly PackageEvent[],
  manifest: AuditPackageManifest,
  records: PackageRecords,
): AuditReport {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i] as PackageEvent;
    const broken = (kind: 'hash' | 'link', message: string): AuditReport => ({
      ok: false,
      eventsChecked: i,
      firstBreak: { seq: event.seq, kind, message },
    });
    if (event.seq !== i + 1)
      return broken(
        'link',
        `Audit event ${String(i + 1)} is missing from the package's chain (found event ${String(event.seq)} in its place).`,
      );
    if (event.prevHash !== prevHash)
      return broken(
        'link',
        `Audit event ${String(event.seq)} does not link to the event before it: an event was removed, added or reordered.`,
      );
    const fields: AuditEventFields = {
      seq: event.seq,
      at: event.at,
      userId: event.userId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      entityDigest: event.entityDigest,
    };
    if (eventHash(prevHash, fields) !== event.hash)
      return broken(
        'hash',
        `Audit event ${String(event.seq)} (${event.action}) was changed: its hash is not the hash of its fields.`,
      );
    prevHash = event.hash;
  }
  const head = manifest.auditHead;
  const last = events.at(-1);
  if ((last?.seq ?? 0) !== head.seq || (last?.hash ?? GENESIS_HASH) !== head.hash)
    return {
      ok: false,
      eventsChecked: events.length,
      firstBreak: {
        seq: last?.seq ?? 0,
        kind: 'link',
        message:
          (last?.seq ?? 0) < head.seq
            ? `The package's chain ends at event ${String(last?.seq ?? 0)}, before the head its manifest names (event ${String(head.seq)}): the chain was cut short.`
            : `The package's chain does not end at the head its manifest names (event ${String(head.seq)}, ${head.hash.slice(0, 12)}…).`,
      },
    };
  const digests = rowDigests(records);
  if (typeof digests === 'string')
    return {
      ok: false,
      eventsChecked: events.length,
      firstBreak: { seq: null, kind: 'entity', message: `The package's records: ${digests}.` },
    };
  const latest = new Map<string, PackageEvent>();
  for (const event of events) {
    if (!isAuditEntityType(event.entityType) && !isStockRange(event.entityType)) continue;
    latest.set(`${event.entityType}\0${event.entityId}`, {
      ...event,
      entityDigest: ownDigest(event.entityDigest),
    });
    // The outbox rows the operation queued, recorded inside its event (issue 12): as of this
    // event, until an event of the row's own comes later.
    for (const row of queuedIn(event.entityDigest) ?? [])
      latest.set(`outbox\0${String(row.outboxId)}`, {
        ...event,
        entityType: 'outbox',
        entityId: String(row.outboxId),
        entityDigest: row.digest,
      });
    // The rows the operation created besides its record (issue 15, covered-digests.ts): the same.
    for (const row of coveredIn(event.entityDigest) ?? [])
      latest.set(`${row.entityType}\0${row.entityId}`, {
        ...event,
        entityType: row.entityType,
        entityId: row.entityId,
        entityDigest: row.digest,
      });
  }
  // Registered ranges of KP numbers: checked over the package's stock rows (issue 13, part 6).
  const stock = records.tables.get('stock') ?? [];
  const ranges = checkPackageStockRanges(latest.values(), stock);
  if (ranges.changed !== null)
    return {
      ok: false,
      eventsChecked: events.length,
      firstBreak: {
        seq: ranges.changed.seq,
        kind: 'entity',
        entityType: 'stock_range',
        entityId: ranges.changed.entityId,
        message: `The numbers of the stock range ${ranges.changed.entityId} in the package's records are not those audit event ${String(ranges.changed.seq)} registered: a number was added, removed or changed outside KP Desk.`,
      },
    };
  for (const [name, event] of [...latest].sort((a, b) => a[1].seq - b[1].seq)) {
    if (isStockRange(event.entityType)) continue;
    const now = digests.get(name);
    const expected = now ?? digestOf(null);
    if (event.entityDigest !== expected)
      return {
        ok: false,
        eventsChecked: events.length,
        firstBreak: {
          seq: event.seq,
          kind: 'entity',
          entityType: event.entityType,
          entityId: event.entityId,
          message:
            now === undefined
              ? `The ${event.entityType.replace('_', ' ')} ${event.entityId} that audit event ${String(event.seq)} recorded is not in the package's records: it was removed.`
              : `The ${event.entityType.replace('_', ' ')} ${event.entityId} in the package's records is not what audit event ${String(event.seq)} recorded: it was changed outside KP Desk.`,
        },
      };
  }
  const stockRows = new Map(stock.map((row) => [keyText(row.number), row]));
  for (const name of digests.keys())
    if (!latest.has(name)) {
      const [type = '', id = ''] = name.split('\0');
      // A number whose only event is its range: accounted for while it is still 'available'.
      const row = type === 'stock' ? stockRows.get(id) : undefined;
      const rangeSeq = rangeCovering(ranges, row);
      if (rangeSeq !== null && row?.status === 'available') continue;
      if (rangeSeq !== null)
        return {
          ok: false,
          eventsChecked: events.length,
          firstBreak: {
            seq: rangeSeq,
            kind: 'entity',
            entityType: type,
            entityId: id,
            message: `The stock number ${id} in the package's records is ${typeof row?.status === 'string' ? row.status : 'not available'}, but no audit event records that change since audit event ${String(rangeSeq)} registered it: it was changed outside KP Desk.`,
          },
        };
      return {
        ok: false,
        eventsChecked: events.length,
        firstBreak: {
          seq: null,
          kind: 'entity',
          entityType: type,
          entityId: id,
          message: `The ${type.replace('_', ' ')} ${id} in the package's records has no audit event: it was added outside KP Desk.`,
        },
      };
    }
  return { ok: true, eventsChecked: events.length };
}
