// The Statistics page's exports (issue 14): the same statistics as `kpdesk stats --format`, saved
// to a file chosen in the app's save dialog (the path never passes through this page). The core
// computes the file again from the vault for the period typed above, so what is saved is what the
// vault says, not what this page shows.
import type { AppError } from '../../../shared/errors';
import type { KpApi } from '../../../shared/ipc/api';
import type { StatisticsExportFormat } from '../../../shared/ipc/reports-contract';
import { callApi } from '../shell/call-api';

type Props = {
  api: Pick<KpApi, 'reports'>;
  /** The period and top as typed in the form (the core checks them again). */
  request: () => { period: string; top: number };
  /** The form's one announcement (FormAlert): a refusal at its field, or what was saved. */
  onError: (error: AppError | null) => void;
  onSaved: (message: string | null) => void;
  busy: boolean;
  setBusy: (busy: boolean) => void;
};

const EXPORTS: { format: StatisticsExportFormat; label: string; what: string }[] = [
  { format: 'csv', label: 'Export CSV', what: 'CSV' },
  {
    format: 'uskpa-csv',
    label: 'Export CSV (USKPA layout)',
    what: 'CSV in the USKPA database layout',
  },
  { format: 'json', label: 'Export JSON', what: 'JSON' },
  { format: 'pdf', label: 'Export PDF', what: 'a printable PDF' },
];

/** The export buttons, placed in the period form's actions beside "Show the statistics". */
export function StatisticsExports({ api, request, onError, onSaved, busy, setBusy }: Props) {
  async function exportAs(format: StatisticsExportFormat, what: string) {
    setBusy(true);
    onSaved(null);
    onError(null);
    const answer = await callApi(() => api.reports.exportStatistics({ ...request(), format }));
    setBusy(false);
    if (!answer.ok) onError(answer.error);
    else if (!answer.value.cancelled)
      onSaved(
        `The statistics were saved as ${what} to ${answer.value.path} (${String(answer.value.certificates)} certificates counted).`,
      );
  }

  return (
    <>
      {EXPORTS.map(({ format, label, what }) => (
        <button
          key={format}
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void exportAs(format, what)}
        >
          {label}
        </button>
      ))}
    </>
  );
}
