// The preview host as a real HTTP server on 127.0.0.1, probed with raw requests (node:http keeps
// the path exactly as written, so "/../" and "%2e%2e" reach the server unnormalised).
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDraft } from '../../shared/domain/certificate-draft';
import { ValidationReportSchema } from '../../shared/domain/validation-report';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/serving/content-security-policy';
import { startPreviewServer } from '../../preview/start-preview-server';
import type { PreviewServer } from '../../preview/start-preview-server';

type Reply = { status: number; headers: IncomingHttpHeaders; body: string };

const SECRET = 'SECRET-OUTSIDE-THE-RENDERER';
let dir: string;
let server: PreviewServer;

function send(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function invoke(channel: string, payload: unknown, headers: Record<string, string> = {}) {
  return send({
    method: 'POST',
    path: `/__kp/invoke/${channel}`,
    headers: { 'Content-Type': 'application/json', 'X-KP-Token': server.token, ...headers },
    body: JSON.stringify(payload),
  });
}

const json = (reply: Reply): unknown => JSON.parse(reply.body);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kp-preview-'));
  await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(
    join(dir, 'renderer', 'index.html'),
    '<!doctype html><html><head><title>KP Desk</title>' +
      '<script type="module" crossorigin src="/assets/app.js"></script></head>' +
      '<body><div id="root"></div></body></html>',
  );
  await writeFile(join(dir, 'renderer', 'assets', 'app.js'), 'export const app = 1;\n');
  await writeFile(join(dir, 'bridge-client.js'), 'window.bridged = true;\n');
  await writeFile(join(dir, 'secret.txt'), SECRET);
  await writeFile(join(dir, 'package.json'), SECRET);
  server = await startPreviewServer({
    rendererDir: join(dir, 'renderer'),
    bridgeClientFile: join(dir, 'bridge-client.js'),
    port: 0,
    host: '127.0.0.1',
    version: '9.9.9',
    log: () => undefined,
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('preview host: who may call the bridge', () => {
  it('listens on loopback with a fresh 256-bit token that stays out of the address it serves', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(server.openUrl).toBe(`${server.url}#token=${server.token}`);
  });

  it('refuses a call without the token, or with a wrong one, with 401 UNAUTHORIZED', async () => {
    const missing = await send({
      method: 'POST',
      path: '/__kp/invoke/app:getInfo',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(401);
    expect(json(missing)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });

    const wrong = await invoke('app:getInfo', {}, { 'X-KP-Token': `${server.token.slice(1)}x` });
    expect(wrong.status).toBe(401);
    expect(json(wrong)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('refuses any other Host (DNS rebinding) with 403, for calls and files alike', async () => {
    for (const host of [
      `evil.example:${server.port}`,
      '127.0.0.1',
      `127.0.0.1:${server.port + 1}`,
    ]) {
      const call = await invoke('app:getInfo', {}, { Host: host });
      expect(call.status, host).toBe(403);
      const page = await send({ path: '/', headers: { Host: host } });
      expect(page.status, host).toBe(403);
      expect(page.body).not.toContain('<div id="root">');
    }
    const viaLocalhost = await invoke('app:getInfo', {}, { Host: `localhost:${server.port}` });
    expect(viaLocalhost.status).toBe(200);
  });

  it('refuses a foreign Origin with 403 and accepts its own', async () => {
    for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${server.port}`]) {
      const reply = await invoke('app:getInfo', {}, { Origin: origin });
      expect(reply.status, origin).toBe(403);
      expect(json(reply)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    const own = await invoke('app:getInfo', {}, { Origin: `http://127.0.0.1:${server.port}` });
    expect(own.status).toBe(200);
  });

  it('accepts only POST, only JSON, and only up to 1 MiB', async () => {
    const get = await send({
      path: '/__kp/invoke/app:getInfo',
      headers: { 'X-KP-Token': server.token },
    });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');

    const text = await invoke('app:getInfo', {}, { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(415);
    const form = await invoke(
      'app:getInfo',
      {},
      { 'Content-Type': 'application/x-www-form-urlencoded' },
    );
    expect(form.status).toBe(415);

    const broken = await send({
      method: 'POST',
      path: '/__kp/invoke/app:getInfo',
      headers: { 'Content-Type': 'application/json', 'X-KP-Token': server.token },
      body: '{"not json',
    });
    expect(broken.status).toBe(400);
    expect(json(broken)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const huge = await invoke('certificates:validate', { padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(json(huge)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('never sends CORS headers', async () => {
    const replies = [
      await invoke('app:getInfo', {}),
      await invoke('app:getInfo', {}, { Origin: 'http://evil.example' }),
      await send({
        method: 'OPTIONS',
        path: '/__kp/invoke/app:getInfo',
        headers: { Origin: 'http://evil.example' },
      }),
      await send({ path: '/' }),
    ];
    for (const reply of replies) {
      expect(
        Object.keys(reply.headers).filter((name) => name.startsWith('access-control-')),
      ).toEqual([]);
    }
  });
});

describe('preview host: what a call does', () => {
  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    const reply = await invoke('vault:dumpKeys', {});
    expect(json(reply)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('answers a payload outside the contract with INVALID_INPUT naming the fields', async () => {
    const reply = await invoke('certificates:validate', {
      certificate: { ...emptyDraft(), consigne: { name: 'typo' }, carats: 12.5 },
      purpose: 'issue',
    });
    const body = json(reply) as {
      ok: boolean;
      error: { code: string; fields?: Record<string, string> };
    };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(body.error.fields ?? {})).toEqual(
      expect.arrayContaining(['certificate', 'certificate.carats']),
    );
  });

  it('runs the real core for a good payload', async () => {
    const info = await invoke('app:getInfo', {});
    expect(info.status).toBe(200);
    expect(json(info)).toMatchObject({
      ok: true,
      value: { name: 'KP Desk', version: '9.9.9', runtime: 'preview' },
    });

    const checked = await invoke('certificates:validate', {
      certificate: emptyDraft(),
      purpose: 'issue',
    });
    const body = json(checked) as { ok: true; value: unknown };
    expect(body.ok).toBe(true);
    expect(ValidationReportSchema.safeParse(body.value).success).toBe(true);
  });
});

describe('preview host: static files', () => {
  it('serves index.html with the bridge script before the app, the CSP, and no token', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const bridgeAt = page.body.indexOf(
      '<script type="module" src="/__kp/bridge-client.js"></script>',
    );
    expect(bridgeAt).toBeGreaterThan(-1);
    expect(bridgeAt).toBeLessThan(page.body.indexOf('src="/assets/app.js"'));
    expect(page.body.split('/__kp/bridge-client.js').length).toBe(2);
    expect(page.body).not.toContain(server.token);
    expect((await send({ path: '/index.html' })).body).toBe(page.body);
  });

  it('serves the bridge client and the assets with their types', async () => {
    const client = await send({ path: '/__kp/bridge-client.js' });
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(client.body).not.toContain(server.token);
    const asset = await send({ path: '/assets/app.js?v=1' });
    expect(asset.status).toBe(200);
    expect(asset.body).toContain('export const app');
  });

  it('answers unknown paths with 404 and refuses to write files', async () => {
    expect((await send({ path: '/nothing-here.js' })).status).toBe(404);
    expect((await send({ path: '/__kp/other' })).status).toBe(404);
    expect((await send({ method: 'PUT', path: '/index.html', body: 'x' })).status).toBe(405);
  });

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/package.json',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '//secret.txt',
    '/%252e%252e/secret.txt',
    '/secret.txt%00.js',
  ])('never serves a file outside the renderer for %s', async (path) => {
    const reply = await send({ path });
    expect([400, 404]).toContain(reply.status);
    expect(reply.body).not.toContain(SECRET);
  });

  it('never serves a file named by its absolute path', async () => {
    for (const path of [
      `/${encodeURIComponent(join(dir, 'secret.txt'))}`,
      `/${join(dir, 'secret.txt')}`,
    ]) {
      const reply = await send({ path });
      expect([400, 404], path).toContain(reply.status);
      expect(reply.body).not.toContain(SECRET);
    }
  });
});
