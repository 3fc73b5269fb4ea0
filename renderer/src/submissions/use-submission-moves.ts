// Retry now and cancel, shared by the Submissions screen and a certificate's panel: one move at a
// time, the outcome said in words, a cancel only after the user confirms it (a Census copy that is
// never delivered leaves the duty of 31 CFR 592.301(a)(1)(iv)-(v) unmet).
import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { SubmissionItem } from '../../../shared/records/submission-views';
import { callApi } from '../shell/call-api';
import type { ConfirmationForm } from './RecordConfirmationDialog';
import { recipientNames, statusLabels } from './submission-words';

export function useSubmissionMoves(api: KpApi, reload: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<SubmissionItem | null>(null);
  const [confirming, setConfirming] = useState<SubmissionItem | null>(null);
  const [confirmError, setConfirmError] = useState<AppError | null>(null);

  // Manual channel: the fax-ready PDF through main's save dialog (a cancelled dialog writes nothing).
  const faxPackage = async (item: SubmissionItem) => {
    setBusy(true);
    setError(null);
    setNote(null);
    const answer = await callApi(() => api.submissions.saveFaxPackage({ ids: [item.id] }));
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    if (answer.value.cancelled) return;
    setNote(
      `The fax package for ${item.number} to ${recipientNames[item.recipient]} is saved: ${answer.value.path}. Fax it or upload it, then record the confirmation.`,
    );
  };

  const saveConfirmation = async (form: ConfirmationForm) => {
    if (confirming === null) return;
    const item = confirming;
    setBusy(true);
    setConfirmError(null);
    const answer = await callApi(() => api.submissions.confirmSent({ id: item.id, ...form }));
    setBusy(false);
    if (!answer.ok) {
      setConfirmError(answer.error);
      return;
    }
    setConfirming(null);
    setNote(
      `${item.number} to ${recipientNames[item.recipient]} is recorded as sent (${statusLabels[answer.value.status]}): confirmed by you, not by the recipient.`,
    );
    reload();
  };

  const move = async (item: SubmissionItem, action: 'retry' | 'cancel') => {
    setBusy(true);
    setError(null);
    setNote(null);
    const answer = await callApi(() =>
      action === 'retry'
        ? api.submissions.retryNow({ id: item.id })
        : api.submissions.cancel({ id: item.id }),
    );
    setBusy(false);
    setCancelling(null);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    const to = `${item.number} to ${recipientNames[item.recipient]}`;
    setNote(
      action === 'retry'
        ? `${to} is queued again and is sent in the background (${statusLabels[answer.value.status]}).`
        : `${to} is cancelled: it will not be sent.`,
    );
    reload();
  };

  return {
    busy,
    error,
    note,
    cancelling,
    retry: (item: SubmissionItem) => {
      void move(item, 'retry');
    },
    askCancel: setCancelling,
    confirmCancel: () => {
      if (cancelling !== null) void move(cancelling, 'cancel');
    },
    faxPackage: (item: SubmissionItem) => {
      void faxPackage(item);
    },
    confirming,
    confirmError,
    askConfirmation: (item: SubmissionItem | null) => {
      setConfirmError(null);
      setConfirming(item);
    },
    saveConfirmation: (form: ConfirmationForm) => {
      void saveConfirmation(form);
    },
  };
}
