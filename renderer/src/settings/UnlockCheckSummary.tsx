// Settings → Check the record: what the check at unlock found (audit:unlockCheck, issue 13
// part 6). At unlock KP Desk checks only the audit events written since the last full check
// proved the chain up to a point; this line says from where, and whether they are intact. A
// break found there is shown as an alert: the full check below then names everything.
import { useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { useFormat } from '../format/use-format';
import { callApi } from '../shell/call-api';

type UnlockCheck = ChannelOutput<'audit:unlockCheck'>;

export function UnlockCheckSummary({ api }: { api: KpApi }) {
  const format = useFormat();
  const [check, setCheck] = useState<UnlockCheck | null>(null);

  useEffect(() => {
    let current = true;
    void callApi(() => api.audit.unlockCheck({})).then((answer) => {
      if (current && answer.ok) setCheck(answer.value);
    });
    return () => {
      current = false;
    };
  }, [api]);

  if (check === null) return null;
  if (check.state === 'unverified')
    return (
      <p data-testid="unlock-check">
        No full check is recorded in this vault yet. Run one below; after that, each unlock checks
        the events written since it.
      </p>
    );
  const since = `the full check of ${format.moment(new Date(check.from.verifiedAt))} (up to audit event ${String(check.from.seq)})`;
  if (check.state === 'ok')
    return (
      <p data-testid="unlock-check">
        At the last unlock, KP Desk checked the {format.count(check.eventsChecked)} audit events
        written since {since}: intact.
      </p>
    );
  return (
    <div role="alert" className="form-alert form-alert--error" data-testid="unlock-check">
      <p className="form-alert__message">
        <strong>At the last unlock, the record was found not intact.</strong>{' '}
        {check.firstBreak?.message ?? ''}
      </p>
      <p>Run the full check below to see where, and follow what it says.</p>
    </div>
  );
}
