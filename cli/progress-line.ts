// Progress of a backup or restore as one redrawn line on stderr ("restore: verify 42%"), only
// when stderr is a terminal: a log file or a pipe gets the final summary alone, not hundreds
// of carriage returns.
import type { BackupProgress } from '../electron/core/vault/backup/backup-format';
import type { CliIo } from './cli-io';

const phaseWords: Record<BackupProgress['phase'], string> = {
  snapshot: 'taking a snapshot',
  write: 'writing',
  verify: 'verifying',
  check: 'checking the vault',
  replace: 'replacing',
};

export type ProgressLine = {
  onProgress: ((progress: BackupProgress) => void) | undefined;
  /** Ends the line, so what follows starts on a fresh one. */
  finish: () => void;
};

export function progressLine(io: CliIo, command: string): ProgressLine {
  if (!io.stderrIsTty) return { onProgress: undefined, finish: () => undefined };
  let last = '';
  return {
    onProgress: ({ phase, done, total }) => {
      const percent = total <= 0 ? 100 : Math.min(100, Math.floor((done * 100) / total));
      const text = `${command}: ${phaseWords[phase]} ${String(percent)}%`;
      if (text === last) return;
      // Pad over a longer previous line, then return to the start of the line.
      io.stderr(`\r${text.padEnd(last.length)}`);
      last = text;
    },
    finish: () => {
      if (last !== '') io.stderr('\n');
      last = '';
    },
  };
}
