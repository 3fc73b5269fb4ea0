// What a kpdesk command may touch of the outside world. It is injected, so tests run the real
// commands in-process and capture their output, and the code needs no console (a lint error).
export type Writer = (text: string) => void;

/** The interactive terminal: prompts go to stderr, so stdout stays the command's answer. */
export type Terminal = {
  /** Asks for a secret; what is typed is not echoed, and the answer is never written anywhere. */
  askSecret: (question: string) => Promise<string>;
  /** Asks for a visible answer, e.g. "yes" or the last group of the recovery key. */
  ask: (question: string) => Promise<string>;
};

export type CliIo = {
  stdout: Writer;
  stderr: Writer;
  /** Relative file arguments resolve against this directory. */
  cwd: string;
  /** Width the findings table wraps to: the terminal's columns, or a fixed width when piped. */
  columns: number;
  /** Environment variables: the vault directory and secrets for scripts (docs/cli.md). */
  env: Readonly<Record<string, string | undefined>>;
  /** Present only when stdin and stderr are terminals; scripts pass secrets by env or file. */
  terminal?: Terminal;
  /** Whether stderr is a terminal: only then is progress redrawn on one line. */
  stderrIsTty: boolean;
  /** The clock ("today" for an expired certificate); tests inject one. Default: the system's. */
  now?: () => Date;
};

/**
 * The exit codes kpdesk promises (README.md). Carriers' batch scripts branch on them, so they
 * never change meaning: 0 all is well (warnings allowed), 1 something was found (an error-level
 * finding, a break in the audit chain), 2 the command could not do its job (usage error,
 * unreadable or invalid file, wrong passphrase, refused input: nothing was changed).
 */
export const exitCodes = { ok: 0, findingErrors: 1, usage: 2 } as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
