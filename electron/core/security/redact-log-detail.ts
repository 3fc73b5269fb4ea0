// What may be written to a log or shown in an error dialog. Logs leave the machine in support
// requests, so they carry no user names, home paths or credentials in URLs (architecture rule 5:
// secrets never reach a log); dialogs show a short reference, never a raw stack.
import { homedir, userInfo } from 'node:os';

const MAX_DETAIL = 4000;
const MAX_SUMMARY = 160;

function currentUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes the home directory, the user name and URL credentials from a piece of text. */
export function redactText(text: string, home = homedir(), user = currentUserName()): string {
  let out = text.replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, '//<credentials>@');
  if (home.length > 1) out = out.replace(new RegExp(escapeRegExp(home), 'gi'), '~');
  if (user.length > 2) out = out.replace(new RegExp(`\\b${escapeRegExp(user)}\\b`, 'gi'), '<user>');
  return out;
}

function stringify(detail: unknown): string {
  if (detail instanceof Error) return detail.stack ?? `${detail.name}: ${detail.message}`;
  if (typeof detail === 'string') return detail;
  try {
    // JSON.stringify answers undefined for undefined, functions and symbols.
    const json = JSON.stringify(detail) as string | undefined;
    return json ?? String(detail);
  } catch {
    return Object.prototype.toString.call(detail);
  }
}

/** A log line's detail: the full error (stack included, for the log only), redacted and capped. */
export function redactLogDetail(detail: unknown): string {
  const text = redactText(stringify(detail));
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}… (truncated)` : text;
}

/** One short line for a dialog: the error's name and first message line, no stack, redacted. */
export function summarizeError(error: unknown): string {
  const line =
    error instanceof Error
      ? `${error.name}: ${error.message.split('\n')[0] ?? ''}`
      : (stringify(error).split('\n')[0] ?? '');
  const text = redactText(line);
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY)}…` : text;
}
