// Who holds a submission being sent, and whether that holder is gone (issue 12): `kpdesk submit`
// and the app's background drain may drain the same vault at once; a row claimed by one carries
// its lease (outbox.lease_owner, lease_until; migration 0271) and the other leaves it alone until
// the holder is proven gone. Gone means: the lease expired, or the holder is a process on THIS
// computer whose pid no longer exists (a SIGKILL or a crash: its rows are sent again at once, with
// the same idempotency key, instead of waiting for the expiry), or it is this very process but
// no drain in it holds the row any more (a drain stopped by a vault lock). A holder on another
// computer (a vault on a shared folder) is trusted until its lease expires.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Long enough for a batch of sends with their timeouts; a dead holder on this host is seen at once. */
export const DEFAULT_LEASE_MS = 10 * 60_000;

export type LeaseHolder = { host: string; pid: number; token: string };

/** One token per process: every drain of this process shares it (see heldHere below). */
const processToken = randomBytes(6).toString('hex');

export function thisProcessOwner(): string {
  return `${hostname()}/${String(process.pid)}/${processToken}`;
}

export function parseOwner(owner: string): LeaseHolder | null {
  const match = /^(.+)\/(\d+)\/([0-9a-f]+)$/.exec(owner);
  if (match === null) return null;
  return { host: match[1] ?? '', pid: Number(match[2]), token: match[3] ?? '' };
}

/** Whether a process with this pid exists here (EPERM: it exists but is someone else's). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The rows claimed by the drains running in THIS process, per database file. A row leased by this
 * process but not in here was left by a drain that stopped (the vault locked mid-batch).
 */
const heldHere = new Map<string, Set<number>>();

export function holdHere(dbName: string, ids: readonly number[]): void {
  let held = heldHere.get(dbName);
  if (held === undefined) {
    held = new Set();
    heldHere.set(dbName, held);
  }
  for (const id of ids) held.add(id);
}

export function releaseHere(dbName: string, ids: readonly number[]): void {
  const held = heldHere.get(dbName);
  if (held === undefined) return;
  for (const id of ids) held.delete(id);
  if (held.size === 0) heldHere.delete(dbName);
}

export type LeaseState = 'held' | 'gone';

/** Whether a 'sending' row's holder still holds it, seen from this process at `now`. */
export function leaseState(
  row: { id: number; lease_owner: string | null; lease_until: string | null },
  dbName: string,
  now: Date,
): LeaseState {
  // A row left Sending by a version before leases (or by a crash then): nobody holds it.
  if (row.lease_owner === null || row.lease_until === null) return 'gone';
  if (row.lease_until <= now.toISOString()) return 'gone';
  const holder = parseOwner(row.lease_owner);
  if (holder === null) return 'held';
  if (holder.host !== hostname()) return 'held';
  if (holder.pid === process.pid)
    // Another token with our pid: an earlier process that had this pid, so it is dead.
    return holder.token === processToken && heldHere.get(dbName)?.has(row.id) === true
      ? 'held'
      : 'gone';
  return pidAlive(holder.pid) ? 'held' : 'gone';
}
