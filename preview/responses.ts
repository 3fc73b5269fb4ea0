// How the preview host answers: every response carries the same security headers as the app
// (the one CSP, nosniff, no caching, no referrer, no framing) and never a CORS header.
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../electron/core/serving/content-security-policy';
import type { AppError } from '../shared/errors';
import type { Result } from '../shared/result';

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

export function sendResult(
  res: ServerResponse,
  status: number,
  result: Result<unknown>,
  extraHeaders: Record<string, string> = {},
): void {
  const body = JSON.stringify(result);
  res.writeHead(status, {
    ...extraHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

export function sendError(
  res: ServerResponse,
  status: number,
  error: AppError,
  extraHeaders: Record<string, string> = {},
): void {
  sendResult(res, status, { ok: false, error }, extraHeaders);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
