// One index fewer for every queued outbox row (issue 12, goal: the outbox adds ≤ 10 % to an
// issue operation; bench/README.md). outbox_by_certificate (certificate_id) cost each issue, ship,
// void and correction one more page in its commit (about 1 of the 5 a row wrote), yet the rows of
// a certificate are already together in the UNIQUE (recipient, idempotency_key) index: every
// key starts with the number the row is about ("<number>/<kind>/v<n>", outbox-repository.ts;
// numbers never hold '/', and migration 0110 gave older rows keys of the same form), so a
// certificate's rows are the keys between "<number>/" and "<number>0" of each recipient. The
// statements that read a certificate's rows (its submissions, the audit log's record filter, the
// overdue duties, the repository's list) read that range now, each also checking certificate_id;
// their plans are asserted in tests/integration/submission/outbox-query-plans.test.ts.
// certificate_id stays a foreign key: SQLite would look for child rows only when a certificate
// row is deleted or its id changed, and KP Desk does neither (a certificate is a 10-year record).
// No data moves.
import type { Migration } from './migration';

export const migration0300: Migration = {
  version: 300,
  name: 'outbox-without-certificate-index',
  up: (db) => {
    db.exec('DROP INDEX outbox_by_certificate');
  },
};
