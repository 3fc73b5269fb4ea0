// The export side's guard: a number of a certificate received on an import can never be used on
// an export (Census 2019 licensee guidance: import KPC numbers reused for exports or in-transit
// shipments are among the mistakes agencies see most; 31 CFR 592.307(c): a unique number). The
// validator's rule (shared/domain/rules/number-rules.ts, NUMBER_IS_IMPORT_CERTIFICATE) gets the
// vault's answer at issue; stock registration and drafting refuse such a number outright.
import { normalizeIncomingNumber } from '../../../shared/incoming/check-incoming-certificate';
import { AppFailure } from '../app-failure';

export type IsImportNumber = (number: string) => boolean;

function refusal(number: string, field: string): AppFailure {
  const message = `${number} is the number of a certificate you received on an import. An export needs its own US certificate number; nothing was changed.`;
  return new AppFailure('STOCK_NUMBER_UNAVAILABLE', message, { [field]: message });
}

/** Refuses a single number (a draft's form number) that was received on an import. */
export function refuseImportNumber(isImport: IsImportNumber, typed: string, field: string): void {
  const number = normalizeIncomingNumber(typed);
  if (number !== '' && isImport(number)) throw refusal(number, field);
}

/**
 * Refuses a stock registration ("US10000-US10099, US10150") that names a number received on an
 * import, whole or as a range's end ("BW-123456" is read both whole and split at the dash).
 */
export function refuseImportNumbersInList(
  isImport: IsImportNumber,
  list: string,
  field: string,
): void {
  for (const token of list.split(/[,;\s]+/)) {
    for (const part of [token, ...token.split('-')]) refuseImportNumber(isImport, part, field);
  }
}
