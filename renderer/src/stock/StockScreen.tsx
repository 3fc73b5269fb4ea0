// Stock: the blank forms bought from USKPA. See what is available, used and voided and where the
// numbering has gaps; register newly purchased forms. A reviewer only looks.
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ScreenProps } from '../navigation';
import { callApi } from '../shell/call-api';
import { FormAlert } from '../shell/form/FormAlert';
import { canWriteRecords } from '../shell/permissions';
import { RegisterStockForm } from './RegisterStockForm';
import type { StockSummary } from './RegisterStockForm';
import { StockCounts } from './StockCounts';
import { VoidBlankForm } from './VoidBlankForm';

export function StockScreen({ api, user }: ScreenProps & { api: KpApi }) {
  const [summary, setSummary] = useState<StockSummary | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const writable = canWriteRecords(user.role);

  useEffect(() => {
    let current = true;
    void callApi(() => api.stock.summary({})).then((answer) => {
      if (!current) return;
      if (answer.ok) setSummary(answer.value);
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <div className="screen-page">
      <div className="screen-page__head">
        <h1>Stock of blank forms</h1>
        <p className="screen-page__intro">
          Each certificate is printed on a numbered blank form bought from USKPA; its number is the
          certificate number and is never used twice, not even after a void (31 CFR 592.307).
        </p>
      </div>
      <FormAlert error={error} />
      {summary === null ? (
        error === null ? (
          <p role="status">Loading the stock…</p>
        ) : null
      ) : (
        <StockCounts summary={summary} />
      )}
      {writable ? (
        <section className="panel" aria-labelledby="register-title">
          <h2 id="register-title">Register purchased forms</h2>
          <RegisterStockForm api={api} onRegistered={setSummary} />
        </section>
      ) : null}
      {writable ? (
        <section className="panel" aria-labelledby="void-blank-title">
          <h2 id="void-blank-title">Void a spoiled blank form</h2>
          <VoidBlankForm api={api} onVoided={setSummary} />
        </section>
      ) : (
        <p className="notice">Your role is read-only: you can see the stock but not change it.</p>
      )}
    </div>
  );
}
