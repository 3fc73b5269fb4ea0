// Which links KP Desk hands to the operating system (electron/shell/open-external.ts). A URL
// given to shell.openExternal runs whatever program the OS associates with its scheme, so only
// two schemes pass: https: (a web page in the user's browser) and mailto: (a new e-mail). Every
// other scheme (javascript:, file:, data:, http:, smb:, ms-*: handlers, ...) is refused.
export { isAppOrigin } from './app-origin';

const MAX_LENGTH = 2048;
const MAILTO_FIELDS = new Set(['subject', 'body', 'cc', 'bcc']);
const EMAIL_ADDRESS = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

function isAcceptableHttps(raw: string, url: URL): boolean {
  // The raw text must itself start with "https://" followed by a host: the URL parser would
  // otherwise repair "https:evil.example" or "https:////host" into something the user never saw.
  if (!/^https:\/\/[^/]/i.test(raw)) return false;
  // user info ("https://treasury.gov@evil.example") disguises the real host.
  if (url.username !== '' || url.password !== '' || raw.slice(8).split('/')[0]?.includes('@')) {
    return false;
  }
  // A public web site has a dotted name. Bare names ("https://fileserver/share") reach intranet
  // or UNC-like hosts; IP literals are a phishing sign; ports are never needed by our links.
  const host = url.hostname;
  if (!host.includes('.') || host.endsWith('.') || url.port !== '') return false;
  if (host.startsWith('[') || /^[\d.]+$/.test(host)) return false;
  return true;
}

function isAcceptableMailto(raw: string, url: URL): boolean {
  if (!/^mailto:[^/]/i.test(raw)) return false;
  const addresses = decodeURIComponent(url.pathname).split(',');
  if (!addresses.every((address) => EMAIL_ADDRESS.test(address))) return false;
  // Only plain message fields: some mail clients honour "attach=" and would attach local files.
  for (const key of url.searchParams.keys()) {
    if (!MAILTO_FIELDS.has(key.toLowerCase())) return false;
  }
  return true;
}

/**
 * The URL to open when `value` is a safe https: or mailto: link, else null. Never throws.
 */
export function parseExternalUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return null;
  // Only printable ASCII without spaces or backslashes: the URL parser strips or ignores
  // whitespace and control characters and turns a backslash into "/", and non-ASCII text hides
  // look-alike hosts (IDN homographs), zero-width characters and right-to-left overrides.
  if (/[^\x21-\x7e]|\\/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  try {
    if (url.protocol === 'https:') return isAcceptableHttps(value, url) ? url : null;
    if (url.protocol === 'mailto:') return isAcceptableMailto(value, url) ? url : null;
  } catch {
    return null; // decodeURIComponent on a malformed mailto address
  }
  return null;
}
