// The certificate behind the wizard: the draft as typed (with the packaging and warranty entries,
// DraftExtras), the record as the vault last saved it, and every write (create, update, record the ITN, issue) run one after another, so each uses the
// version the previous one returned (updateDraft refuses a stale expectedVersion with CONFLICT).
import { useCallback, useRef, useState } from 'react';
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/result';
import { callApi } from '../shell/call-api';
import type { DraftExtras } from './wizard-extras';

export type CertificateRecord = ChannelOutput<'certificates:get'>;

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'failed'; error: AppError };

/** Drafts may be edited only before issue (draft-operations.ts). */
export const isEditable = (record: CertificateRecord | null) =>
  record === null || record.state === 'DRAFT' || record.state === 'VALIDATED';

export function useWizardRecord(
  api: KpApi,
  initial: { record: CertificateRecord | null; draft: CertificateDraft; extras: DraftExtras },
) {
  const [draft, setDraft] = useState(initial.draft);
  const [record, setRecord] = useState(initial.record);
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const recordRef = useRef(initial.record);
  const savedDraft = useRef<CertificateDraft | null>(initial.record?.draft ?? null);
  // Compared as text: the entries are rebuilt on every change, so identity says nothing.
  const savedExtras = useRef(JSON.stringify(initial.extras));
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  /** Runs one write after the ones before it; the answer replaces the record when it succeeds. */
  const enqueue = useCallback(
    (
      write: (current: CertificateRecord | null) => Promise<Result<CertificateRecord>> | null,
      saved?: { draft: CertificateDraft; extras: string },
    ): Promise<Result<CertificateRecord> | null> => {
      const run = async () => {
        const call = write(recordRef.current);
        if (call === null) return null;
        setSaveState({ status: 'saving' });
        const result = await callApi(() => call);
        if (result.ok) {
          recordRef.current = result.value;
          savedDraft.current = saved?.draft ?? result.value.draft;
          if (saved !== undefined) savedExtras.current = saved.extras;
          setRecord(result.value);
          setSaveState({ status: 'saved' });
        } else {
          setSaveState({ status: 'failed', error: result.error });
        }
        return result;
      };
      const next = queue.current.then(run);
      queue.current = next.catch(() => undefined);
      return next;
    },
    [],
  );

  /**
   * Saves the draft and its packaging and warranty entries: creates the draft on the chosen form
   * number the first time (the entries come after the steps that create it). Null: nothing to do.
   */
  const save = useCallback(
    (toSave: CertificateDraft, number: string, extras: DraftExtras) => {
      const extrasText = JSON.stringify(extras);
      return enqueue(
        (current) => {
          if (!isEditable(current)) return null;
          if (savedDraft.current === toSave && savedExtras.current === extrasText) return null;
          return current === null
            ? api.certificates.createDraft({ number, draft: { ...toSave, number } })
            : api.certificates.updateDraft({
                id: current.id,
                draft: toSave,
                expectedVersion: current.version,
                ...extras,
              });
        },
        { draft: toSave, extras: extrasText },
      );
    },
    [api, enqueue],
  );

  const recordItn = useCallback(
    (itn: string) =>
      enqueue((current) =>
        current === null ? null : api.certificates.recordItn({ id: current.id, itn }),
      ),
    [api, enqueue],
  );

  const issue = useCallback(
    (input: Omit<Parameters<KpApi['certificates']['issue']>[0], 'id'>) =>
      enqueue((current) =>
        current === null ? null : api.certificates.issue({ id: current.id, ...input }),
      ),
    [api, enqueue],
  );

  return { draft, setDraft, record, saveState, save, recordItn, issue };
}
