// The certificates whose Census copy is overdue (computed in the core from the outbox and the
// record's dates: 31 CFR 592.301(a)(1)(iv)-(v); 15 CFR 30.7(c)), for the records list's mark.
import { useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import type { OverdueDuty } from '../../../shared/records/submission-views';
import { callApi } from '../shell/call-api';

export function useOverdueCertificates(api: KpApi): ReadonlyMap<number, OverdueDuty> {
  const [overdue, setOverdue] = useState<ReadonlyMap<number, OverdueDuty>>(new Map());
  useEffect(() => {
    let current = true;
    void callApi(() => api.submissions.overdue({})).then((answer) => {
      if (!current || !answer.ok) return;
      const byCertificate = new Map<number, OverdueDuty>();
      for (const duty of answer.value)
        if (duty.certificateId !== null) byCertificate.set(duty.certificateId, duty);
      setOverdue(byCertificate);
    });
    return () => {
      current = false;
    };
  }, [api]);
  return overdue;
}
