// The sandboxed preload as shipped: built by the real build script (into a temp folder), then
// run in a fresh VM context against a fake 'electron' module. It must expose exactly window.kp,
// require nothing but 'electron', and carry no zod schemas.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, splitChannel } from '../../../shared/ipc/channels';

const projectDir = join(import.meta.dirname, '../../..');
let outDir = '';
let bundle = '';

type Exposed = { key: string; api: unknown };
type Invoked = { channel: string; args: unknown[] };

function runPreload(code: string) {
  const exposed: Exposed[] = [];
  const invoked: Invoked[] = [];
  const requested: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }),
      exposeInIsolatedWorld: () => {
        throw new Error('exposeInIsolatedWorld must not be used');
      },
    },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return Promise.resolve({ ok: true, value: channel });
      },
    },
  };
  const fakeRequire = (name: string): unknown => {
    requested.push(name);
    // A sandboxed preload can require only a few modules; ours needs only 'electron'.
    if (name !== 'electron') throw new Error(`the sandboxed preload required ${name}`);
    return electron;
  };
  const module = { exports: {} };
  runInNewContext(code, { require: fakeRequire, module, exports: module.exports });
  return { exposed, invoked, requested };
}

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'kpdesk-preload-'));
  const build = spawnSync(
    process.execPath,
    [join(projectDir, 'scripts/build-node.mjs'), 'preload', '--outdir', outDir],
    { cwd: projectDir, encoding: 'utf8' },
  );
  expect(build.status, build.stderr).toBe(0);
  bundle = readFileSync(join(outDir, 'electron', 'preload.cjs'), 'utf8');
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('the preload bundle (dist/electron/preload.cjs)', () => {
  it('calls exposeInMainWorld exactly once, for "kp"', () => {
    expect(bundle.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(bundle).toMatch(/exposeInMainWorld\(\s*["']kp["']/);
  });

  it('contains no zod (the sandbox bundle must stay small; main validates)', () => {
    expect(bundle).not.toMatch(/zod|ZodType|ZodError|safeParse/i);
  });

  it('exposes only kp, requiring nothing but electron', () => {
    const { exposed, requested } = runPreload(bundle);
    expect(exposed.map((e) => e.key)).toEqual(['kp']);
    expect(new Set(requested)).toEqual(new Set(['electron']));
  });

  it('gives kp one function per channel and nothing else (no ipcRenderer, no generic invoke)', () => {
    const { exposed } = runPreload(bundle);
    const kp = exposed[0]?.api as Record<string, Record<string, unknown>>;
    const expected = new Map<string, string[]>();
    for (const channel of channelNames) {
      const [namespace, verb] = splitChannel(channel);
      expected.set(namespace, [...(expected.get(namespace) ?? []), verb]);
    }
    expect(Object.keys(kp).sort()).toEqual([...expected.keys()].sort());
    for (const [namespace, verbs] of expected) {
      const group = kp[namespace]!;
      expect(Object.keys(group).sort()).toEqual([...verbs].sort());
      for (const verb of verbs) expect(typeof group[verb]).toBe('function');
    }
    expect(JSON.stringify(Object.keys(kp))).not.toMatch(/ipc|invoke|send|electron/i);
  });

  it('invokes the fixed channel of each function with the input as JSON text, its one argument', async () => {
    const { exposed, invoked } = runPreload(bundle);
    const kp = exposed[0]?.api as Record<
      string,
      Record<string, (input: unknown) => Promise<unknown>>
    >;
    const input = { certificate: { number: 'US12345' } };
    await expect(kp.certificates!.validate!(input)).resolves.toEqual({
      ok: true,
      value: 'certificates:validate',
    });
    await kp.app!.getInfo!({});
    expect(invoked).toEqual([
      // JSON text: main refuses an oversized request by its length (shared/ipc/ipc-payload.ts).
      { channel: 'certificates:validate', args: [JSON.stringify(input)] },
      { channel: 'app:getInfo', args: ['{}'] },
    ]);
  });
});
