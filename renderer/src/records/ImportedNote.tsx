// The mark of a record imported from elsewhere (issue 15 part 3: `kpdesk import-records`): a
// certificate issued on paper or through USKPA's database before KP Desk, kept here for the
// record duty (31 CFR 501.601) but never signed by KP Desk. The certificate page says where it
// came from; the Records list shows "Imported" beside its state.
import type { ImportMark } from '../../../shared/records/record-outputs';
import { formatTimestamp } from './record-format';

export function importedWords(mark: ImportMark): string {
  return `Imported from ${mark.file}, row ${String(mark.row)}, on ${formatTimestamp(mark.importedAt)} by ${mark.importedBy}; not signed by KP Desk.`;
}

export function ImportedNote({ mark }: { mark: ImportMark }) {
  return (
    <p className="notice imported-note" role="note" data-testid="imported-note">
      {importedWords(mark)}
    </p>
  );
}

/** The list's mark: short on screen, complete for a screen reader. */
export function ImportedMark() {
  return (
    <span className="imported-mark">
      Imported<span className="visually-hidden">, not signed by KP Desk</span>
    </span>
  );
}
