// handle(): the sender check in front of every IPC channel, driven through a fake ipcMain with
// the real core (electron/core/create-core-handlers.ts) behind it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { coreForTests } from '../../helpers/core-for-tests';
import type { CoreHandlers } from '../../../electron/core/ipc/core-handlers';
import { handle } from '../../../electron/ipc/handle';
import type { InvokeEventLike, InvokeListener, IpcMainLike } from '../../../electron/ipc/handle';
import { registerHandlers } from '../../../electron/ipc/register-handlers';
import { channelNames } from '../../../shared/ipc/channels';
import { MAX_IPC_PAYLOAD_CHARS, encodeIpcPayload } from '../../../shared/ipc/ipc-payload';
import type { Result } from '../../../shared/result';

const TRUSTED = 'app://kpdesk/index.html';

class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    // Electron throws on a second handler for one channel; so does the fake.
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }

  /** As the preload sends it: the input as JSON text (shared/ipc/ipc-payload.ts). */
  invoke(channel: string, event: InvokeEventLike, input: unknown): Promise<Result<unknown>> {
    return this.invokeRaw(channel, event, encodeIpcPayload(input));
  }

  /** Exactly what arrives, as a renderer that bypassed the preload could send it. */
  invokeRaw(channel: string, event: InvokeEventLike, payload: unknown): Promise<Result<unknown>> {
    const listener = this.listeners.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    return listener(event, payload);
  }
}

const fromUrl = (url: string): InvokeEventLike => ({ senderFrame: { url } });

function readFixture(name: string): unknown {
  const path = join(import.meta.dirname, '../../fixtures/certificates', name);
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function setup(handlers: CoreHandlers = coreForTests('electron', '9.9.9')) {
  const ipcMain = new FakeIpcMain();
  const log = vi.fn();
  registerHandlers(ipcMain, handlers, log);
  return { ipcMain, log };
}

describe('registerHandlers', () => {
  it('registers every channel of the contract, each once', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.listeners.keys()].sort()).toEqual([...channelNames].sort());
  });
});

describe('handle() with a trusted sender', () => {
  it('answers with the real core findings for a certificate', async () => {
    const { ipcMain, log } = setup();
    const result = await ipcMain.invoke('certificates:validate', fromUrl(TRUSTED), {
      certificate: readFixture('bad-origin-us.json'),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      findings: [{ code: 'ORIGIN_US', field: 'countryOfOrigin' }],
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('passes the valid fixture without errors, and reports the runtime and version', async () => {
    const { ipcMain } = setup();
    const valid = await ipcMain.invoke('certificates:validate', fromUrl(TRUSTED), {
      certificate: readFixture('valid.json'),
    });
    expect(valid).toMatchObject({ ok: true, value: { errorCount: 0 } });
    const info = await ipcMain.invoke('app:getInfo', fromUrl('app://kpdesk/'), {});
    expect(info).toMatchObject({ ok: true, value: { runtime: 'electron', version: '9.9.9' } });
  });
});

describe('handle() with an untrusted sender', () => {
  const untrusted: [string, InvokeEventLike][] = [
    ['a remote https page', fromUrl('https://evil.example/index.html')],
    ['a file:// page', fromUrl('file:///opt/kp-desk/dist/renderer/index.html')],
    ['another app:// host', fromUrl('app://other/index.html')],
    ['a look-alike app:// host', fromUrl('app://kpdesk.evil.example/index.html')],
    ['app:// with user info', fromUrl('app://kpdesk@evil.example/index.html')],
    ['app:// with a port', fromUrl('app://kpdesk:8080/index.html')],
    ['http with the app host', fromUrl('http://kpdesk/index.html')],
    ['an empty URL', fromUrl('')],
    ['about:blank', fromUrl('about:blank')],
    ['a null senderFrame', { senderFrame: null }],
    ['an undefined senderFrame', { senderFrame: undefined }],
  ];

  it.each(untrusted)(
    'refuses %s with UNTRUSTED_SENDER and never runs the handler',
    async (_name, event) => {
      const core = coreForTests('electron', '1.0.0');
      const validate = vi.fn(core['certificates:validate']);
      const { ipcMain, log } = setup({ ...core, 'certificates:validate': validate });
      const result = await ipcMain.invoke('certificates:validate', event, {
        certificate: readFixture('valid.json'),
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
      expect(validate).not.toHaveBeenCalled();
      expect(log).toHaveBeenCalledTimes(1);
    },
  );

  it('refuses a frame that was disposed (reading its URL throws)', async () => {
    const { ipcMain } = setup();
    const disposed = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    const result = await ipcMain.invoke('settings:get', disposed, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it('logs only the scheme and host of the refused sender', async () => {
    const { ipcMain, log } = setup();
    await ipcMain.invoke('settings:get', fromUrl('https://evil.example/steal?token=abc123'), {});
    expect(JSON.stringify(log.mock.calls)).toContain('https://evil.example');
    expect(JSON.stringify(log.mock.calls)).not.toContain('abc123');
  });
});

describe('handle() with a bad payload or a failing handler', () => {
  it('answers INVALID_INPUT naming the offending fields', async () => {
    const { ipcMain } = setup();
    const result = await ipcMain.invoke('certificates:validate', fromUrl(TRUSTED), {
      certificate: { carats: 12.5, consigne: 'typo' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(result.error.fields ?? {})).toEqual(
      expect.arrayContaining(['certificate', 'certificate.carats']),
    );
  });

  it('refuses positional arguments', async () => {
    const { ipcMain } = setup();
    const result = await ipcMain.invoke('settings:get', fromUrl(TRUSTED), ['positional']);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('turns a throwing handler into INTERNAL without a stack or the error text', async () => {
    const core = coreForTests('electron', '1.0.0');
    const { ipcMain, log } = setup({
      ...core,
      'settings:get': () => {
        throw new Error('vault key at /home/licensee/.kpdesk/key is unreadable');
      },
    });
    const result = await ipcMain.invoke('settings:get', fromUrl(TRUSTED), {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/\bat\s.+:\d+:\d+|\/home\/|vault key|Error:/);
    expect(log).toHaveBeenCalled();
  });

  it('resolves (never rejects) even when the handler rejects', async () => {
    const core = coreForTests('electron', '1.0.0');
    const { ipcMain } = setup({
      ...core,
      'app:getInfo': () => Promise.reject(new TypeError('boom')),
    });
    await expect(ipcMain.invoke('app:getInfo', fromUrl(TRUSTED), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe('handle() with an oversized or hostile payload (issue 13)', () => {
  /** JSON text of an object with `count` unknown keys, built as text (no object in the test). */
  const manyKeys = (count: number, inside = ''): string => {
    const parts: string[] = [];
    for (let i = 0; i < count; i += 1) parts.push(`"unknown${String(i)}":1`);
    return `{${inside}${inside === '' ? '' : ','}${parts.join(',')}}`;
  };

  it('refuses a million unknown keys by the length alone, with a short answer', async () => {
    const core = coreForTests('electron', '1.0.0');
    const validate = vi.fn(core['certificates:validate']);
    const { ipcMain, log } = setup({ ...core, 'certificates:validate': validate });
    const payload = manyKeys(
      1_000_000,
      `"certificate":${JSON.stringify(readFixture('valid.json'))}`,
    );
    expect(payload.length).toBeGreaterThan(MAX_IPC_PAYLOAD_CHARS);
    const result = await ipcMain.invokeRaw('certificates:validate', fromUrl(TRUSTED), payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!result.ok && result.error.message).toMatch(/larger than KP Desk accepts/);
    expect(JSON.stringify(result).length).toBeLessThan(1_000);
    expect(validate).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it('lists at most five unknown keys of a payload under the cap', async () => {
    const { ipcMain } = setup();
    const payload = manyKeys(60_000);
    expect(payload.length).toBeLessThan(MAX_IPC_PAYLOAD_CHARS);
    const result = await ipcMain.invokeRaw('app:getInfo', fromUrl(TRUSTED), payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (result.ok) return;
    expect(result.error.fields).toEqual({
      '(payload)':
        'Unknown fields: "unknown0", "unknown1", "unknown2", "unknown3", "unknown4" and 59,995 more.',
    });
    expect(JSON.stringify(result).length).toBeLessThan(1_000);
  });

  it("refuses an object payload (not the preload's JSON text) and text that is not JSON", async () => {
    const { ipcMain } = setup();
    for (const payload of [{}, ['x'], 42, null, undefined, '{"a":', 'null']) {
      const result = await ipcMain.invokeRaw('app:getInfo', fromUrl(TRUSTED), payload);
      expect(result, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    const fine = await ipcMain.invokeRaw('app:getInfo', fromUrl(TRUSTED), '{}');
    expect(fine.ok).toBe(true);
  });
});

describe('handle()', () => {
  it('registers the one channel it is given', () => {
    const ipcMain = new FakeIpcMain();
    handle(ipcMain, 'settings:get', coreForTests('electron', '1'), vi.fn());
    expect([...ipcMain.listeners.keys()]).toEqual(['settings:get']);
  });
});
