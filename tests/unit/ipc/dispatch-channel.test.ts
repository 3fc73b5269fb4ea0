// The one path every IPC call and every preview-bridge call takes: parse, run, check, Result.
import { describe, expect, it, vi } from 'vitest';
import { coreForTests } from '../../helpers/core-for-tests';
import type { CoreHandlers } from '../../../electron/core/ipc/core-handlers';
import { dispatchChannel } from '../../../electron/core/ipc/dispatch-channel';
import { buildKpApi } from '../../../shared/ipc/api';
import { channelNames } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import { validDraft } from '../domain/certificate-fixtures';

const core = coreForTests('preview', '0.0.0-test');

describe('dispatchChannel', () => {
  it('runs the real rules and answers with a Result', async () => {
    const log = vi.fn();
    const bad = { ...validDraft(), countryOfOrigin: 'US' };
    const result = await dispatchChannel(core, 'certificates:validate', { certificate: bad }, log);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      errorCount: 1,
      findings: [{ code: 'ORIGIN_US', field: 'countryOfOrigin' }],
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('refuses an unknown channel', async () => {
    const result = await dispatchChannel(core, 'vault:dropAll', {}, vi.fn());
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('names each field of a payload that breaks the schema', async () => {
    const result = await dispatchChannel(
      core,
      'certificates:validate',
      { certificate: { consigne: 'x', carats: 12.5 } },
      vi.fn(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(result.error.fields ?? {}).sort()).toEqual([
      'certificate',
      'certificate.carats',
    ]);
  });

  it('refuses positional arguments and extra keys', async () => {
    expect((await dispatchChannel(core, 'settings:get', ['x'], vi.fn())).ok).toBe(false);
    expect((await dispatchChannel(core, 'settings:get', { admin: true }, vi.fn())).ok).toBe(false);
  });

  it('turns a thrown error into INTERNAL without leaking it', async () => {
    const log = vi.fn();
    const broken: CoreHandlers = {
      ...core,
      'settings:get': () => Promise.reject(new Error('secret path /home/x/key')),
    };
    const result = await dispatchChannel(broken, 'settings:get', {}, log);
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'KP Desk hit an internal error. Nothing was changed.' },
    });
    expect(log).toHaveBeenCalledOnce();
  });

  it('refuses an answer outside the contract', async () => {
    const drifted = {
      ...core,
      'app:getInfo': () => Promise.resolve({ name: 'KP Desk' }),
    } as unknown as CoreHandlers;
    const result = await dispatchChannel(drifted, 'app:getInfo', {}, vi.fn());
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('the contract and window.kp', () => {
  it('declares schemas for exactly the channel list, each named domain:verb', () => {
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) expect(name).toMatch(/^[a-z][A-Za-z]+:[a-z][A-Za-z]+$/);
  });

  it('builds one namespaced function per channel', async () => {
    const calls: [string, unknown][] = [];
    const kp = buildKpApi((channel, input) => {
      calls.push([channel, input]);
      return Promise.resolve({ ok: true, value: null });
    }, channelNames);
    await kp.certificates.validate({ certificate: {} });
    await kp.settings.get({});
    expect(calls).toEqual([
      ['certificates:validate', { certificate: {} }],
      ['settings:get', {}],
    ]);
    const namespaces = new Set(channelNames.map((name) => name.split(':')[0]));
    expect(Object.keys(kp).sort()).toEqual([...namespaces].sort());
  });
});
