// The licensee's profile. The TIN is the IRS employer number NN-NNNNNNN (IRS Publication 1635;
// employer-number.ts formats nine digits typed without the hyphen); the common-carrier
// flag decides whether the licensee may issue for third-party exporters (USKPA licence terms).
import { z } from 'zod';
import { formatEmployerNumber } from './employer-number';
import { personText } from './person-text';

export const LicenseeProfileSchema = z
  .object({
    legalName: personText('name', 'legal name').trim().min(1, 'Enter the legal name.').max(200),
    address: personText('lines', 'address').trim().min(1, 'Enter the address.').max(2000),
    // Nine digits typed without the hyphen are the same EIN: formatted, not refused.
    tin: z
      .string()
      .transform(formatEmployerNumber)
      .pipe(
        z.string().regex(/^\d{2}-\d{7}$/, 'Enter the TIN (EIN) as NN-NNNNNNN, e.g. 12-3456789.'),
      ),
    isCommonCarrier: z.boolean(),
  })
  .strict();

export type LicenseeProfile = z.output<typeof LicenseeProfileSchema>;
