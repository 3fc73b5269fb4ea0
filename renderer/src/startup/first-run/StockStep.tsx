// Step 6: the first stock of form numbers. Optional here (it can be done any time under Stock),
// but a certificate can only be drafted on a registered blank form.
import { useState } from 'react';
import type { KpApi } from '../../../../shared/ipc/api';
import { RegisterStockForm } from '../../stock/RegisterStockForm';
import type { StockSummary } from '../../stock/RegisterStockForm';
import { StockCounts } from '../../stock/StockCounts';

type Props = { api: KpApi; onFinish: () => void };

export function StockStep({ api, onFinish }: Props) {
  const [summary, setSummary] = useState<StockSummary | null>(null);
  return (
    <div>
      <p>
        USKPA sells the blank certificate forms, printed on security paper and numbered. Register
        the numbers of the forms you have, so KP Desk can give each certificate the number of the
        form it will be printed on and never use a number twice (31 CFR 592.307).
      </p>
      <RegisterStockForm api={api} onRegistered={setSummary} />
      {summary === null ? null : <StockCounts summary={summary} />}
      <div className="form-actions form-actions--split">
        <p className="note">
          {summary === null
            ? 'No forms yet? You can register them later under Stock.'
            : 'You can register more forms at any time under Stock.'}
        </p>
        <button type="button" className="button button--primary" onClick={onFinish}>
          {summary === null ? 'Skip and finish setup' : 'Finish setup'}
        </button>
      </div>
    </div>
  );
}
