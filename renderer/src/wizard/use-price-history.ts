// The licensee's own US$ per carat for one HS code: its last issued, shipped or delivered
// certificates with that code in this vault (certificates:list, newest first, at most 200).
import { useEffect, useState } from 'react';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';

export const HISTORY_LIMIT = 200;
const COUNTED = new Set(['ISSUED', 'SHIPPED', 'DELIVERED']);

/** The history of one HS code; the caller compares hsCode to know whether it is current. */
export type PriceHistory = { hsCode: string; centsPerCarat: number[] } | null;

export function usePriceHistory(api: KpApi, hsCode: string, excludeId: number | undefined) {
  const [history, setHistory] = useState<PriceHistory>(null);
  useEffect(() => {
    if (hsCode === '') return;
    let current = true;
    void callApi(() => api.certificates.list({ hsCode, limit: HISTORY_LIMIT })).then((result) => {
      if (!current) return;
      const items = result.ok ? result.value.items : [];
      const centsPerCarat = items
        .filter((item) => COUNTED.has(item.state) && item.id !== excludeId)
        .flatMap((item) =>
          item.caratHundredths !== null && item.valueCents !== null && item.caratHundredths > 0
            ? [(item.valueCents * 100) / item.caratHundredths]
            : [],
        );
      setHistory({ hsCode, centsPerCarat });
    });
    return () => {
      current = false;
    };
  }, [api, hsCode, excludeId]);
  return history;
}
