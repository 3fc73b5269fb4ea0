// The licensee's profile: one row (id = 1). The TIN is the IRS employer number NN-NNNNNNN; the
// common-carrier flag decides whether the licensee may issue for third-party exporters (a
// non-carrier is always its own exporter, USKPA licence terms).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { LicenseeProfile } from '../../../../shared/records/licensee-profile';
import { LicenseeProfileSchema } from '../../../../shared/records/licensee-profile';
import type { LicenseeFacts } from '../../../../shared/domain/validation-report';
import { parseInput } from './parse-input';

export type Licensee = LicenseeProfile & { updatedAt: string };

type LicenseeRow = {
  legal_name: string;
  address: string;
  tin: string;
  is_common_carrier: number;
  updated_at: string;
};

export type LicenseeRepository = ReturnType<typeof createLicenseeRepository>;

export function createLicenseeRepository(db: Database, now: () => Date) {
  const select = db.prepare<[], LicenseeRow>('SELECT * FROM licensee WHERE id = 1');
  const upsert = db.prepare(
    `INSERT INTO licensee (id, legal_name, address, tin, is_common_carrier, updated_at)
     VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET legal_name = excluded.legal_name, address = excluded.address,
       tin = excluded.tin, is_common_carrier = excluded.is_common_carrier,
       updated_at = excluded.updated_at`,
  );

  const get = (): Licensee | null => {
    const row = select.get();
    return row === undefined
      ? null
      : {
          legalName: row.legal_name,
          address: row.address,
          tin: row.tin,
          isCommonCarrier: row.is_common_carrier === 1,
          updatedAt: row.updated_at,
        };
  };

  return {
    get,
    /** What the certificate rules need to know about the licensee. */
    facts: (): LicenseeFacts | undefined => {
      const licensee = get();
      return licensee === null
        ? undefined
        : { name: licensee.legalName, isCommonCarrier: licensee.isCommonCarrier };
    },
    save: (input: unknown): Licensee => {
      const profile = parseInput(LicenseeProfileSchema, input);
      upsert.run(
        profile.legalName,
        profile.address,
        profile.tin,
        profile.isCommonCarrier ? 1 : 0,
        now().toISOString(),
      );
      const saved = get();
      if (saved === null) throw new Error('licensee row missing after save');
      return saved;
    },
  };
}
