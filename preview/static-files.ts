// Serves the built renderer (dist/renderer) and the bridge client. Paths are resolved only by
// resolveStaticPath (the same checks as the app:// handler), from the raw request path: the URL
// parser would silently fold "/../" and "%2e%2e" into harmless-looking paths and hide an attack.
// index.html gets one extra module script, the bridge client, placed before the app's own so
// window.kp exists before the app starts (module scripts run in document order).
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname, resolve } from 'node:path';
import { contentTypeFor, resolveStaticPath } from '../electron/core/serving/resolve-static-path';
import { sendText } from './responses';

export const BRIDGE_CLIENT_PATH = '/__kp/bridge-client.js';
export const BRIDGE_SCRIPT_TAG = `<script type="module" src="${BRIDGE_CLIENT_PATH}"></script>`;

export type StaticFiles = { rendererDir: string; bridgeClientFile: string };

/** Inserts the bridge client's script tag before the first module script of the page. */
export function injectBridgeScript(html: string): string {
  const at = html.search(/<script\b[^>]*\btype=["']?module\b/i);
  if (at < 0) {
    throw new Error('index.html has no module script; the bridge client cannot run before the app');
  }
  return `${html.slice(0, at)}${BRIDGE_SCRIPT_TAG}\n    ${html.slice(at)}`;
}

function send(req: IncomingMessage, res: ServerResponse, contentType: string, body: Buffer): void {
  res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  files: StaticFiles,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, 'Method not allowed');
    return;
  }
  if (pathname === BRIDGE_CLIENT_PATH) {
    const clientDir = dirname(resolve(files.bridgeClientFile));
    const clientFile = resolveStaticPath(clientDir, `/${basename(files.bridgeClientFile)}`);
    if (clientFile === null) {
      sendText(res, 404, 'Not found');
      return;
    }
    send(req, res, contentTypeFor(clientFile), await readFile(clientFile));
    return;
  }
  const file = resolveStaticPath(files.rendererDir, pathname);
  if (file === null) {
    sendText(res, 404, 'Not found');
    return;
  }
  if (file === resolve(files.rendererDir, 'index.html')) {
    const html = injectBridgeScript(await readFile(file, 'utf8'));
    send(req, res, contentTypeFor(file), Buffer.from(html, 'utf8'));
    return;
  }
  send(req, res, contentTypeFor(file), await readFile(file));
}
