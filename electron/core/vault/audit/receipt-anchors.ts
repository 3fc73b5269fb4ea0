// USKPA's signed receipts as anchors (issue 13, part 1; docs/audit-anchors.md): each USKPA
// envelope carries the vault's audit-chain head, and USKPA's receipt echoes it under USKPA's
// signature (docs/submission-api.md). A receipt is outside evidence of that head only when its
// signature verifies with a signer certificate that the recipient's pinned CA issued and that
// was in force when USKPA received the copy; anything else is "not established" and compared
// with nothing. E-mail and manual receipts, and Census's, carry no head. Receipts come from the
// file `kpdesk submissions export-receipts` writes (one JSON line per receipt), or from the
// vault's own submission_receipts table.
import { X509Certificate, verify } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { SignedReceiptSchema } from '../../submission/submission-receipt';
import { canonicalJson } from './canonical-json';
import type { Anchor } from './check-anchors';

export type ReceiptAnchorReading =
  | { kind: 'anchor'; anchor: Anchor }
  | { kind: 'not established'; reason: string }
  | { kind: 'no head'; reason: string };

const NOT_ESTABLISHED = 'not established as outside evidence';

/** One stored or exported receipt (`delivery`: the receipt as KP Desk keeps it). */
export function receiptAnchor(
  delivery: unknown,
  uskpaCaPem: string | null,
  source: string,
): ReceiptAnchorReading {
  const parsed = SignedReceiptSchema.safeParse(delivery);
  if (!parsed.success)
    return {
      kind: 'no head',
      reason: 'not a signed HTTPS receipt (an e-mail or manual receipt carries no audit head)',
    };
  const { receipt, signature, signerCertificate } = parsed.data;
  if (receipt.recipient !== 'uskpa' || receipt.auditHead === undefined)
    return { kind: 'no head', reason: `a ${receipt.recipient} receipt without an audit head` };
  if (uskpaCaPem === null)
    return {
      kind: 'not established',
      reason: `${NOT_ESTABLISHED}: this vault has no pinned CA for USKPA to check its signature`,
    };
  let signer: X509Certificate;
  let ca: X509Certificate;
  try {
    signer = new X509Certificate(signerCertificate);
    ca = new X509Certificate(uskpaCaPem);
  } catch {
    return {
      kind: 'not established',
      reason: `${NOT_ESTABLISHED}: its signer certificate cannot be read`,
    };
  }
  if (!signer.checkIssued(ca) || !signer.verify(ca.publicKey))
    return {
      kind: 'not established',
      reason: `${NOT_ESTABLISHED}: its signer was not certified by USKPA's pinned CA`,
    };
  // In force when USKPA signed it: a receipt stays evidence after its signer certificate expires.
  const received = Date.parse(receipt.receivedAt);
  if (received < Date.parse(signer.validFrom) || received > Date.parse(signer.validTo))
    return {
      kind: 'not established',
      reason: `${NOT_ESTABLISHED}: its signer certificate was not in force when it was signed`,
    };
  const signed = verify(
    'sha256',
    Buffer.from(canonicalJson(receipt), 'utf8'),
    signer.publicKey,
    Buffer.from(signature, 'base64'),
  );
  if (!signed)
    return {
      kind: 'not established',
      reason: `${NOT_ESTABLISHED}: its signature does not verify (changed after USKPA signed it)`,
    };
  return {
    kind: 'anchor',
    anchor: {
      seq: receipt.auditHead.seq,
      hash: receipt.auditHead.hash,
      at: null,
      source: `${source} (USKPA receipt ${receipt.receiptId}, received ${receipt.receivedAt})`,
      kind: 'receipt',
      // A receipt names no vault: it is compared with this one.
      vaultId: null,
      authenticated: true,
    },
  };
}

/** The pinned CA of USKPA's HTTPS channel in this vault (migration 0120), if any. */
export function uskpaPinnedCa(db: Database): string | null {
  return (
    db
      .prepare<[], string | null>(
        "SELECT ca_pem FROM submission_recipients WHERE recipient = 'uskpa' AND channel = 'https'",
      )
      .pluck()
      .get() ?? null
  );
}

export type ReceiptAnchors = {
  anchors: Anchor[];
  ignored: { path: string; reason: string }[];
};

/** The USKPA receipts stored in the vault (submission_receipts), each as an anchor or why not. */
export function storedReceiptAnchors(db: Database): ReceiptAnchors {
  const ca = uskpaPinnedCa(db);
  const found: ReceiptAnchors = { anchors: [], ignored: [] };
  const rows = db
    .prepare<[], { id: number; number: string; json: string }>(
      `SELECT o.id, coalesce(c.number, o.stock_number) AS number, r.signed_receipt_json AS json
         FROM submission_receipts AS r JOIN outbox AS o ON o.id = r.outbox_id
         LEFT JOIN certificates AS c ON c.id = o.certificate_id
        WHERE o.recipient = 'uskpa' ORDER BY o.id`,
    )
    .iterate();
  for (const row of rows) {
    const source = `stored receipt of submission ${String(row.id)} (certificate ${row.number})`;
    let delivery: unknown;
    try {
      delivery = JSON.parse(row.json);
    } catch {
      found.ignored.push({ path: source, reason: 'the stored receipt is not JSON' });
      continue;
    }
    const reading = receiptAnchor(delivery, ca, source);
    if (reading.kind === 'anchor') found.anchors.push(reading.anchor);
    else found.ignored.push({ path: source, reason: reading.reason });
  }
  return found;
}

/**
 * A receipts export file (JSON lines, `kpdesk submissions export-receipts`): each line's
 * `receipt` (or the line itself, a bare signed receipt). A line that is not JSON is a problem.
 */
export function receiptFileAnchors(
  path: string,
  text: string,
  uskpaCaPem: string | null,
): ReceiptAnchors & { problems: { path: string; reason: string }[] } {
  const found = {
    anchors: [] as Anchor[],
    ignored: [] as { path: string; reason: string }[],
    problems: [] as { path: string; reason: string }[],
  };
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const source = `${path}, line ${String(index + 1)}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      found.problems.push({ path: source, reason: 'the line is not JSON' });
      return;
    }
    const delivery =
      typeof value === 'object' && value !== null && 'receipt' in value && 'submissionId' in value
        ? (value as { receipt: unknown }).receipt
        : value;
    const reading = receiptAnchor(delivery, uskpaCaPem, source);
    if (reading.kind === 'anchor') found.anchors.push(reading.anchor);
    else found.ignored.push({ path: source, reason: reading.reason });
  });
  return found;
}
