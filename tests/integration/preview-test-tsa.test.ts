// `npm run preview` runs the local test time-stamp authority beside the preview host: a real
// RFC 3161 responder on 127.0.0.1 that grants tokens our client accepts, and stops with the host.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requestTimestamp } from '../../electron/core/documents/timestamp/request-timestamp';
import { startPreviewServer } from '../../preview/start-preview-server';

let dir = '';
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the preview host with its test TSA', () => {
  it('serves time-stamps on 127.0.0.1 while it runs, and stops with the host', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kp-preview-tsa-'));
    await mkdir(join(dir, 'renderer'), { recursive: true });
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>KP Desk</title>');
    await writeFile(join(dir, 'bridge-client.js'), 'window.bridged = true;\n');
    const server = await startPreviewServer({
      rendererDir: join(dir, 'renderer'),
      bridgeClientFile: join(dir, 'bridge-client.js'),
      dataDir: join(dir, 'data'),
      testTsa: true,
      log: () => undefined,
    });
    const url = server.tsaUrl ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tsa$/);
    const stamp = await requestTimestamp(url, randomBytes(32));
    expect(stamp).toMatchObject({
      ok: true,
      authority: expect.stringContaining('KP Desk Test TSA') as unknown,
    });
    await server.close();
    expect(await requestTimestamp(url, randomBytes(32), { timeoutMs: 2000 })).toMatchObject({
      ok: false,
    });
  });
});
