// US measures beyond the KPCS on trade with some Participants (sanctions and export controls on
// Russia and Belarus): the KP has not suspended them, so the Participant rules pass, but the
// Participant data (kp-participants.json) calls for blocking or a hard warning. What each measure
// says, its severity and its source are data (reference/data/us-trade-measures.json), so a change
// in US policy is a change of that file, not of this code.
import { hsCodes, tradeMeasureFor } from '../../reference/reference-data';
import type { CertificateDraft } from '../certificate-draft';
import type { Finding } from '../finding';
import { finding } from './finding-builder';
import { normalizeHsCode } from './hs-code-rules';

/** The certificate's one rough-diamond code, or null while it has none or several. */
function singleHsCode(draft: CertificateDraft): string | null {
  const codes = new Set(draft.hsCodes.map(normalizeHsCode).filter((code) => code !== ''));
  const [only] = codes;
  return codes.size === 1 && only !== undefined && hsCodes.some((e) => e.code === only)
    ? only
    : null;
}

export function checkOriginMeasures(draft: CertificateDraft): Finding[] {
  const origin = draft.countryOfOrigin.trim().toUpperCase();
  const measure = tradeMeasureFor(origin, 'origin', singleHsCode(draft));
  if (measure === undefined) return [];
  return [
    finding(
      measure.severity,
      'ORIGIN_SANCTIONS',
      'countryOfOrigin',
      measure.message,
      measure.source,
    ),
  ];
}

export function checkDestinationMeasures(draft: CertificateDraft): Finding[] {
  const destination = draft.destinationCountry.trim().toUpperCase();
  const measure = tradeMeasureFor(destination, 'destination', singleHsCode(draft));
  if (measure === undefined) return [];
  return [
    finding(
      measure.severity,
      'DESTINATION_SANCTIONS',
      'destinationCountry',
      measure.message,
      measure.source,
    ),
  ];
}
