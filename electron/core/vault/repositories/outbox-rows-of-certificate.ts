// The outbox rows of one certificate, found on the UNIQUE (recipient, idempotency_key) index
// (migration 0300 dropped the index on certificate_id, one page per queued row): every key
// starts with the number the row is about, "<number>/<kind>/v<n>" (outbox-repository.ts), and
// numbers never hold '/', so the keys of a certificate are those between "<number>/" and
// "<number>0" ('0' is the character after '/') for each recipient. certificate_id is checked
// too: a blank form's or an incoming certificate's rows carry a number as well.

/** The recipients the outbox's CHECK constraint allows (migration 0250): the index's first column. */
const RECIPIENTS = `('census', 'uskpa')`;

/**
 * A join condition for `<outbox alias>` on the rows of the certificate `<certificates alias>`:
 * with the certificate as the outer loop, a range of the UNIQUE index per recipient.
 */
export function outboxRowsOf(certificates: string, outbox: string): string {
  return `${outbox}.recipient IN ${RECIPIENTS}
    AND ${outbox}.idempotency_key > ${certificates}.number || '/'
    AND ${outbox}.idempotency_key < ${certificates}.number || '0'
    AND ${outbox}.certificate_id = ${certificates}.id`;
}
