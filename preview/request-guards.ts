// Who may talk to the preview host. It serves a page with the real core behind it, so every
// request is checked before anything else happens:
// - Host must be exactly 127.0.0.1:<port> or localhost:<port>. A DNS-rebinding page (evil.example
//   resolving to 127.0.0.1) sends its own name as Host and is refused.
// - Origin, when the browser sends one, must be this server's own origin: another site's page
//   cannot drive the bridge, and no CORS header is ever sent to widen that.
// - Calls to the core must carry the per-run token (X-KP-Token), compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** True when there is no Origin header (same-origin GETs, curl) or it is exactly our origin. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin === `http://${host}`);
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Constant-time check; hashing first makes the comparison independent of the length too. */
export function hasValidToken(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string' || header === '') return false;
  return timingSafeEqual(digest(header), digest(token));
}
