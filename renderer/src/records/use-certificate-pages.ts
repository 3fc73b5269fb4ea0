// The certificates that match the filters, fetched from the vault page by page (certificates:list
// answers 50 at a time with a keyset cursor) as the user scrolls. Only the answers for the current
// filters are kept: a late answer for filters the user has already changed is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import { callApi } from '../shell/call-api';
import type { CertificateSummary } from './record-format';
import type { ListFilters } from './record-filters';

export const PAGE_SIZE = 50;

type Cursor = { dateOfIssue: string | null; id: number };

type Loaded = {
  /** The filters (as a key) these rows answer. */
  key: string;
  items: CertificateSummary[];
  nextCursor: Cursor | null;
  loadingMore: boolean;
  error: AppError | null;
};

export type CertificatePages = {
  items: readonly CertificateSummary[];
  /** The filters (as a key) the items answer; they may still be those before the last change. */
  itemsKey: string;
  /** True until the first page for the current filters has arrived. */
  loading: boolean;
  loadingMore: boolean;
  /** Every matching certificate is loaded: items.length is the total. */
  complete: boolean;
  error: AppError | null;
  loadMore: () => void;
  retry: () => void;
};

const empty = (key: string): Loaded => ({
  key,
  items: [],
  nextCursor: null,
  loadingMore: false,
  error: null,
});

export function useCertificatePages(
  api: KpApi,
  filters: ListFilters | null,
  key: string | null,
): CertificatePages {
  const [loaded, setLoaded] = useState<Loaded>(() => empty(''));
  const [attempt, setAttempt] = useState(0);
  // The cursor of the page being fetched, so a scroll that fires twice asks only once.
  const pendingCursor = useRef<string | null>(null);

  useEffect(() => {
    if (filters === null || key === null) return;
    let current = true;
    void callApi(() => api.certificates.list({ ...filters, limit: PAGE_SIZE })).then((result) => {
      if (!current) return;
      pendingCursor.current = null;
      setLoaded(
        result.ok
          ? { ...empty(key), items: result.value.items, nextCursor: result.value.nextCursor }
          : { ...empty(key), error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [api, filters, key, attempt]);

  const upToDate = key !== null && loaded.key === key;

  const loadMore = useCallback(() => {
    if (filters === null || key === null || loaded.key !== key) return;
    const cursor = loaded.nextCursor;
    if (cursor === null || loaded.error !== null) return;
    const marker = `${key}|${JSON.stringify(cursor)}`;
    if (pendingCursor.current === marker) return;
    pendingCursor.current = marker;
    setLoaded((state) => (state.key === key ? { ...state, loadingMore: true } : state));
    void callApi(() => api.certificates.list({ ...filters, cursor, limit: PAGE_SIZE })).then(
      (result) => {
        if (pendingCursor.current !== marker) return;
        pendingCursor.current = null;
        setLoaded((state) => {
          if (state.key !== key) return state;
          return result.ok
            ? {
                ...state,
                items: [...state.items, ...result.value.items],
                nextCursor: result.value.nextCursor,
                loadingMore: false,
              }
            : { ...state, loadingMore: false, error: result.error };
        });
      },
    );
  }, [api, filters, key, loaded]);

  const retry = useCallback(() => {
    if (loaded.items.length === 0) {
      setAttempt((n) => n + 1);
      return;
    }
    // A failed later page: clear the error and ask for that page again.
    setLoaded((state) => ({ ...state, error: null }));
  }, [loaded.items.length]);

  return {
    items: loaded.items,
    itemsKey: loaded.key,
    loading: key !== null && !upToDate,
    loadingMore: upToDate && loaded.loadingMore,
    complete: upToDate && loaded.nextCursor === null && loaded.error === null,
    error: upToDate ? loaded.error : null,
    loadMore,
    retry,
  };
}
