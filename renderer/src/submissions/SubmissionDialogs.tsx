// The receipt being read and the cancel being confirmed: the same two dialogs on the Submissions
// screen and on a certificate's submissions panel.
import type { KpApi } from '../../../shared/ipc/api';
import { CancelSubmissionDialog } from './CancelSubmissionDialog';
import { ReceiptDetails } from './ReceiptDetails';
import { RecordConfirmationDialog } from './RecordConfirmationDialog';
import type { useSubmissionMoves } from './use-submission-moves';

type Props = {
  api: KpApi;
  /** The submission whose receipt is open, or null. */
  receiptOf: number | null;
  onCloseReceipt: () => void;
  moves: ReturnType<typeof useSubmissionMoves>;
};

export function SubmissionDialogs({ api, receiptOf, onCloseReceipt, moves }: Props) {
  return (
    <>
      {receiptOf !== null ? (
        <ReceiptDetails api={api} id={receiptOf} onClose={onCloseReceipt} />
      ) : null}
      {moves.cancelling !== null ? (
        <CancelSubmissionDialog
          item={moves.cancelling}
          busy={moves.busy}
          onConfirm={moves.confirmCancel}
          onCancel={() => {
            moves.askCancel(null);
          }}
        />
      ) : null}
      {moves.confirming !== null ? (
        <RecordConfirmationDialog
          item={moves.confirming}
          busy={moves.busy}
          error={moves.confirmError}
          now={() => new Date()}
          onSave={moves.saveConfirmation}
          onCancel={() => {
            moves.askConfirmation(null);
          }}
        />
      ) : null}
    </>
  );
}
