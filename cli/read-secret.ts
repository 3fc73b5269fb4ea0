// The one place kpdesk reads a secret (passphrase, password, recovery key), from, in order:
// the command's --*-file option, its environment variable, or a prompt without echo on the
// terminal. A secret is never written to any output, log or error message: messages name only
// where it was looked for.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppFailure } from '../electron/core/app-failure';
import type { CliIo } from './cli-io';

export type SecretSource = {
  /** What the secret is, in the user's words: "vault passphrase". */
  label: string;
  /** The option that names a file holding it, e.g. "--passphrase-file". */
  fileOption: string;
  /** The file given with that option, if any. */
  file: string | undefined;
  /** The environment variable scripts may set instead; undefined when there is none. */
  envVar: string | undefined;
  /** A new secret being chosen: the prompt asks twice so a typo does not lock the user out. */
  isNew?: boolean;
};

const PROMPT_ATTEMPTS = 3;

function refuse(source: SecretSource, message: string): AppFailure {
  return new AppFailure('INVALID_INPUT', message, { [source.fileOption]: message });
}

/** A key file ends with one newline when written by an editor or `echo`; that is not the secret. */
export function withoutTrailingNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

async function readSecretFile(source: SecretSource, file: string, io: CliIo): Promise<string> {
  const path = resolve(io.cwd, file);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw refuse(source, `The ${source.label} file ${file} cannot be read.`);
  }
  if (!info.isFile()) throw refuse(source, `${file} is not a file.`);
  // Warn only: refusing would break scripts on file systems without POSIX modes (mounted shares).
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0)
    io.stderr(
      `kpdesk: warning: ${file} can be read by other users of this computer; restrict it with "chmod 600 ${file}".\n`,
    );
  const text = withoutTrailingNewline(await readFile(path, 'utf8'));
  if (text === '') throw refuse(source, `The ${source.label} file ${file} is empty.`);
  return text;
}

async function promptSecret(
  source: SecretSource,
  ask: (question: string) => Promise<string>,
): Promise<string> {
  const label = source.label.replace(/^./, (c) => c.toUpperCase());
  for (let attempt = 1; attempt <= PROMPT_ATTEMPTS; attempt += 1) {
    const first = await ask(`${source.isNew === true ? `New ${source.label}` : label}: `);
    if (first === '') continue;
    if (source.isNew !== true) return first;
    const second = await ask(`Repeat the new ${source.label}: `);
    if (second === first) return first;
  }
  throw refuse(
    source,
    source.isNew === true
      ? `The two entries of the ${source.label} did not match. Nothing was changed.`
      : `No ${source.label} was entered. Nothing was changed.`,
  );
}

export async function readSecret(source: SecretSource, io: CliIo): Promise<string> {
  if (source.file !== undefined) return readSecretFile(source, source.file, io);
  const fromEnv = source.envVar === undefined ? undefined : io.env[source.envVar];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (io.terminal !== undefined) return promptSecret(source, io.terminal.askSecret);
  const ways = [
    `${source.fileOption} <file>`,
    ...(source.envVar === undefined ? [] : [`the environment variable ${source.envVar}`]),
  ];
  throw refuse(
    source,
    `The ${source.label} is needed, and there is no terminal to ask for it. Give it with ${ways.join(' or ')}.`,
  );
}
