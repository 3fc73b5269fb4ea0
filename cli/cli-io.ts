// What a kpdesk command may touch of the outside world. It is injected, so tests run the real
// commands in-process and capture their output, and the code needs no console (a lint error).
export type Writer = (text: string) => void;

export type CliIo = {
  stdout: Writer;
  stderr: Writer;
  /** Relative file arguments resolve against this directory. */
  cwd: string;
  /** Width the findings table wraps to: the terminal's columns, or a fixed width when piped. */
  columns: number;
};

/**
 * The exit codes kpdesk promises (README.md). Carriers' batch scripts branch on them, so they
 * never change meaning: 0 no error-level finding (warnings allowed), 1 at least one error-level
 * finding, 2 the command could not judge the certificate (usage error, unreadable or invalid file).
 */
export const exitCodes = { ok: 0, findingErrors: 1, usage: 2 } as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
