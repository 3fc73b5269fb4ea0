// The one Content-Security-Policy of the renderer, sent as a response header by both hosts that
// serve it: the app:// protocol handler in Electron (electron/shell/app-protocol.ts) and the
// preview host. One string, so the page runs under the same rules in the app and in the e2e tests.
// Nothing is allowed from anywhere but the app's own origin: no inline script or style (vite emits
// files), no eval, no remote fetches, no plugins, no <base>, no form posts, no framing.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
