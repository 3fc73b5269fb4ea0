// Entry point of the certificate rules: every rule of domain.md, run over a draft, yields the
// findings for it. Runs twice: in the renderer for instant feedback, in main as the authority.
import type { CertificateDraft } from './certificate-draft';
import type { Finding } from './finding';
import { checkAesEntry } from './rules/aes-rules';
import { checkDates } from './rules/date-rules';
import { checkHsCode } from './rules/hs-code-rules';
import { checkItn } from './rules/itn-rules';
import { checkNumber } from './rules/number-rules';
import { checkOrigin } from './rules/origin-rules';
import { checkConsignee, checkExporter } from './rules/party-rules';
import { checkPricePerCarat } from './rules/price-plausibility-rules';
import {
  checkConsigneeLength,
  checkExporterLength,
  checkNumberLength,
} from './rules/printed-length-rules';
import { checkCarats, checkParcels, checkValue } from './rules/quantity-rules';
import { checkDestinationMeasures, checkOriginMeasures } from './rules/trade-measure-rules';
import type { ValidationContext, ValidationReport } from './validation-report';

export function validateCertificate(
  draft: CertificateDraft,
  context: ValidationContext,
): ValidationReport {
  const carats = checkCarats(draft);
  // In the order of the form, so lists read top to bottom.
  return summarize([
    ...checkNumber(draft, context),
    ...checkNumberLength(draft),
    ...checkOrigin(draft),
    ...checkOriginMeasures(draft),
    ...checkDates(draft, context),
    ...checkExporter(draft, context),
    ...checkExporterLength(draft),
    ...checkConsignee(draft),
    ...checkDestinationMeasures(draft),
    ...checkConsigneeLength(draft),
    ...carats.findings,
    ...checkValue(draft),
    ...checkPricePerCarat(draft, context.settings),
    ...checkParcels(draft, carats.hundredths),
    ...checkHsCode(draft),
    ...checkItn(draft, context),
    ...checkAesEntry(draft),
  ]);
}

export function summarize(findings: Finding[]): ValidationReport {
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  return { findings, errorCount, warningCount: findings.length - errorCount };
}
