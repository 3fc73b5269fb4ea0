// Opens a link in the user's browser or mail program, and only a link parseExternalUrl accepts
// (https: or mailto:, see electron/core/security/external-url.ts). Everything else is refused
// and logged: shell.openExternal hands the URL to whatever program the OS associates with it.
import { shell } from 'electron';
import { parseExternalUrl } from '../core/security/external-url';
import type { Logger } from './logger';

export function openExternalIfAllowed(value: unknown, log: Logger): void {
  const url = parseExternalUrl(value);
  if (url === null) {
    log.error('refused to open a link that is not an allowed https: or mailto: URL');
    return;
  }
  shell.openExternal(url.href).catch((error: unknown) => {
    log.error('the operating system could not open a link', error);
  });
}
