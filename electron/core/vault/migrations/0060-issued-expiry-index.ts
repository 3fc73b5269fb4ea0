// A partial index of the ISSUED certificates by their date of expiry (as the draft holds it),
// for the search that expires every issued certificate not shipped by that date (31 CFR 592.307:
// the certificate is valid until the date it gives) at each unlock and sign-in. Without it, every
// ISSUED row's draft is read and parsed on each sign-in; with it, only the overdue ones. The
// expression must stay exactly the one in certificate-repository.ts (overdueIssued), or SQLite
// will not use the index.
import type { Migration } from './migration';

export const migration0060: Migration = {
  version: 60,
  name: 'issued-expiry-index',
  up: (db) => {
    db.exec(`
      CREATE INDEX certificates_issued_by_expiry
        ON certificates (trim(json_extract(draft_json, '$.dateOfExpiry')))
        WHERE state = 'ISSUED';
    `);
  },
};
