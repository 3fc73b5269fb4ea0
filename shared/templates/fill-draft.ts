// Applying a template to a draft (the wizard's "Start from a template", `kpdesk issue --template`):
// the template fills the repeatable fields the draft leaves empty, and never overwrites what the
// draft already holds (a non-carrier licensee's own name as exporter, 31 CFR 592.307(g); a value
// typed in the shipment's file). The result is an ordinary draft: the certificate rules then run
// on it as on any other, so a template cannot carry a certificate past a rule.
import type { CertificateDraft } from '../domain/certificate-draft';
import type { AppliedTemplate } from './shipment-template';

const blank = (text: string) => text.trim() === '';

export function fillDraftFromTemplate(
  draft: CertificateDraft,
  fields: AppliedTemplate['fields'],
): CertificateDraft {
  const party = (current: CertificateDraft['exporter'], from: typeof fields.exporter) =>
    from !== null && blank(current.name) && blank(current.address) ? { ...from } : current;
  return {
    ...draft,
    exporter: party(draft.exporter, fields.exporter),
    consignee: party(draft.consignee, fields.consignee),
    countryOfOrigin: blank(draft.countryOfOrigin) ? fields.countryOfOrigin : draft.countryOfOrigin,
    destinationCountry: blank(draft.destinationCountry)
      ? fields.destinationCountry
      : draft.destinationCountry,
    hsCodes: draft.hsCodes.some((code) => !blank(code)) ? draft.hsCodes : [...fields.hsCodes],
    parcels: blank(draft.parcels) ? fields.parcels : draft.parcels,
  };
}
