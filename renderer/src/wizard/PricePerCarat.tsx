// US$ per carat of this shipment, and a warning when it is far from the licensee's own median for
// the same HS code: a slipped decimal point in the weight or the value shows up here first.
import { sources } from '../../../shared/domain/sources';
import { SourceCitation } from '../certificate/SourceCitation';
import { useFormat } from '../format/use-format';
import { FAR_FACTOR, MIN_HISTORY, judgePrice, pricePerCarat } from './price-per-carat';
import type { PriceHistory } from './use-price-history';
import { HISTORY_LIMIT } from './use-price-history';

type Props = { carats: string; valueUsd: string; hsCode: string; history: PriceHistory };

export function PricePerCarat({ carats, valueUsd, hsCode, history }: Props) {
  const format = useFormat();
  const current = pricePerCarat(carats, valueUsd);
  if (current === null) {
    return (
      <p className="wizard__figure" id="price-per-carat">
        US$ per carat: shown when carats and value are filled in.
      </p>
    );
  }
  const known = history !== null && history.hsCode === hsCode;
  const judgement = judgePrice(current, known ? history.centsPerCarat : []);
  const where = `your ${hsCode} certificates issued in KP Desk (the last ${String(HISTORY_LIMIT)} at most)`;
  return (
    <div className="wizard__figure" id="price-per-carat">
      <p>
        <strong>{format.usdApprox(current)} per carat</strong> (value ÷ carats).
      </p>
      {hsCode === '' ? null : !known ? (
        <p>Looking up your earlier certificates…</p>
      ) : judgement.kind === 'far' ? (
        <p className="wizard__warning" role="note">
          Warning: this is{' '}
          {judgement.ratio > 1
            ? `more than ${String(FAR_FACTOR)} times`
            : `less than 1/${String(FAR_FACTOR)} of`}{' '}
          your usual {format.usdApprox(judgement.median)} per carat (median of {judgement.count} of{' '}
          {where}). Check the carats and the value for a slipped decimal point.{' '}
          <SourceCitation source={`${sources.carats}; ${sources.value}`} />
        </p>
      ) : judgement.kind === 'usual' ? (
        <p>
          Close to your usual {format.usdApprox(judgement.median)} per carat (median of{' '}
          {judgement.count} of {where}).
        </p>
      ) : (
        <p>
          No comparison yet: KP Desk compares with your own history once you have issued{' '}
          {MIN_HISTORY} certificates for {hsCode}.
        </p>
      )}
    </div>
  );
}
