// The main process's log: one line per event on stderr and, once the app knows its log folder,
// appended to main.log there. Every detail goes through redactLogDetail first (no home paths,
// user names or URL credentials; rule 5 of docs/architecture.md). Writes are synchronous so
// the line about a crash is on disk before the process goes down.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { redactLogDetail, redactText } from '../core/security/redact-log-detail';

export type Logger = {
  info(message: string): void;
  error(message: string, detail?: unknown): void;
  /** Starts also writing to this file (its folder is created); before that, stderr only. */
  setFile(path: string): void;
};

export function createLogger(): Logger {
  let file: string | null = null;
  const write = (level: string, message: string, detail?: unknown): void => {
    const suffix = detail === undefined ? '' : ` ${redactLogDetail(detail)}`;
    const line = `${new Date().toISOString()} ${level} ${redactText(message)}${suffix}\n`;
    process.stderr.write(line);
    if (file === null) return;
    try {
      appendFileSync(file, line, { encoding: 'utf8', mode: 0o600 });
    } catch {
      // A full or read-only disk must not turn logging into a second crash.
    }
  };
  return {
    info: (message) => {
      write('INFO', message);
    },
    error: (message, detail) => {
      write('ERROR', message, detail);
    },
    setFile: (path) => {
      try {
        mkdirSync(dirname(path), { recursive: true });
        file = path;
      } catch {
        file = null;
      }
    },
  };
}
