// What the wizard needs before its first step: the rule settings, the licensee (its own exporter
// unless it is a common carrier), and either the draft to resume or the next blank form in stock.
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import { emptyDraft } from '../../../shared/domain/certificate-draft';
import { formatIsoDate, parseIsoDate } from '../../../shared/domain/calendar-date';
import { addressCountry } from '../../../shared/domain/country-in-address';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { callApi } from '../shell/call-api';
import type { CertificateRecord } from './use-wizard-record';
import type { PackagingEntry, WarrantyEntry } from './wizard-extras';
import { savedExtras } from './wizard-extras';
import { draftCopiedFrom } from './copy-draft';

export type Licensee = NonNullable<ChannelOutput<'licensee:get'>>;

export type WizardStart = {
  settings: ValidationSettings;
  licensee: Licensee;
  record: CertificateRecord | null;
  /** The form number a new draft is created on (the lowest available in stock). */
  number: string;
  draft: CertificateDraft;
  /** The packaging and warranty entries as the draft's autosave kept them (empty when new). */
  packaging: PackagingEntry;
  warranty: WarrantyEntry;
};

export type WizardLoad =
  | { status: 'ready'; start: WizardStart }
  | { status: 'no-licensee' }
  | { status: 'no-stock' }
  | { status: 'not-editable'; record: CertificateRecord }
  | { status: 'failed'; error: AppError };

/** Today in the user's own calendar, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${String(now.getFullYear())}-${month}-${day}`;
}

/** The latest expiry the rules accept for this date of issue (31 CFR 592.307(e); a setting). */
export function latestExpiry(dateOfIssue: string, maxDays: number): string {
  const day = parseIsoDate(dateOfIssue);
  return day === null ? '' : formatIsoDate(day + maxDays);
}

export function newDraft(number: string, licensee: Licensee, settings: ValidationSettings) {
  const today = localToday();
  const draft: CertificateDraft = {
    ...emptyDraft(),
    number,
    dateOfIssue: today,
    dateOfExpiry: latestExpiry(today, settings.expiryMaxDays),
  };
  // A licensee that is not a common carrier is always its own exporter (31 CFR 592.307(g);
  // USKPA licence terms).
  return licensee.isCommonCarrier
    ? draft
    : { ...draft, exporter: { name: licensee.legalName, address: exporterAddress(licensee) } };
}

/**
 * The licensee's address as the exporter's: the certificate's exporter address names its country
 * (USKPA form; party-rules.ts), and USKPA licenses only US entities, so a profile address that
 * ends with no country gets "United States" as its last line, where the user sees and can edit it.
 */
function exporterAddress(licensee: Licensee): string {
  const address = licensee.address.trimEnd();
  return address === '' || addressCountry(address) !== null ? address : `${address}\nUnited States`;
}

export async function loadWizard(
  api: KpApi,
  draftId: number | undefined,
  /** Issue 15: start the new draft from this certificate (copy-draft.ts says what is copied). */
  copyFrom?: number,
): Promise<WizardLoad> {
  const [settings, licensee] = await Promise.all([
    callApi(() => api.settings.get({})),
    callApi(() => api.licensee.get({})),
  ]);
  if (!settings.ok) return { status: 'failed', error: settings.error };
  if (!licensee.ok) return { status: 'failed', error: licensee.error };
  if (licensee.value === null) return { status: 'no-licensee' };
  const validation = settings.value.validation;

  if (draftId !== undefined) {
    const found = await callApi(() => api.certificates.get({ id: draftId }));
    if (!found.ok) return { status: 'failed', error: found.error };
    const record = found.value;
    if (!['DRAFT', 'VALIDATED', 'ISSUED'].includes(record.state))
      return { status: 'not-editable', record };
    const start = { settings: validation, licensee: licensee.value, record };
    const extras = savedExtras(record);
    return {
      status: 'ready',
      start: { ...start, ...extras, number: record.number, draft: record.draft },
    };
  }

  const stock = await callApi(() => api.stock.summary({}));
  if (!stock.ok) return { status: 'failed', error: stock.error };
  const number = stock.value.nextAvailable;
  if (number === null) return { status: 'no-stock' };
  let draft = newDraft(number, licensee.value, validation);
  if (copyFrom !== undefined) {
    const source = await callApi(() => api.certificates.get({ id: copyFrom }));
    if (!source.ok) return { status: 'failed', error: source.error };
    draft = draftCopiedFrom(source.value.draft, number, validation);
  }
  return {
    status: 'ready',
    start: {
      settings: validation,
      licensee: licensee.value,
      record: null,
      number,
      draft,
      ...savedExtras(null),
    },
  };
}
