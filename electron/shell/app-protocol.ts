// Serves the built renderer (dist/renderer) on app://kpdesk instead of file://. A file:// page
// could read any local file and has an opaque origin, which makes sender and navigation checks
// meaningless; app://kpdesk is one exact origin (electron/core/security/app-origin.ts). Every
// response carries the CSP and nosniff headers, and paths are resolved by resolveStaticPath,
// which refuses anything outside the renderer folder.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import type { Session } from 'electron';
import { APP_HOST, APP_SCHEME } from '../core/security/app-origin';
import { CONTENT_SECURITY_POLICY } from '../core/serving/content-security-policy';
import { contentTypeFor, resolveStaticPath } from '../core/serving/resolve-static-path';
import type { Logger } from './logger';

/** Must run before app 'ready': a standard, secure scheme gets a real origin, fetch and storage. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Answers app://kpdesk/<path> from `rendererRoot` on the session the window uses. */
export function installAppProtocol(session: Session, rendererRoot: string, log: Logger): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Bad request');
    }
    if (url.host !== APP_HOST) return textResponse(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed');
    }
    const filePath = resolveStaticPath(rendererRoot, url.pathname);
    if (filePath === null) return textResponse(404, 'Not found');
    try {
      const body = await readFile(filePath);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...securityHeaders, 'Content-Type': contentTypeFor(filePath) },
      });
    } catch (error: unknown) {
      log.error('could not read a file of the app', error);
      return textResponse(500, 'The app could not read one of its own files.');
    }
  });
}
