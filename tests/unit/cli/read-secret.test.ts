import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../electron/core/app-failure';
import type { SecretSource } from '../../../cli/read-secret';
import { readSecret, withoutTrailingNewline } from '../../../cli/read-secret';
import { confirmsRecoveryKey } from '../../../cli/recovery-key-handover';
import { generateRecoveryKey } from '../../../electron/core/vault/keys/recovery-key';
import { captureIo } from './capture-io';

const SECRET = 'correct horse battery staple';
let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kpdesk-secret-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function source(file?: string, isNew = false): SecretSource {
  return {
    label: 'vault passphrase',
    fileOption: '--passphrase-file',
    file,
    envVar: 'KPDESK_PASSPHRASE',
    isNew,
  };
}

function ioWith(env: Record<string, string> = {}, answers?: string[]) {
  const io = captureIo();
  io.cwd = dir;
  io.env = env;
  if (answers !== undefined) {
    const queue = [...answers];
    io.terminal = {
      askSecret: () => Promise.resolve(queue.shift() ?? ''),
      ask: () => Promise.resolve(queue.shift() ?? ''),
    };
  }
  return io;
}

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('readSecret', () => {
  it('reads a file (relative to the working folder), dropping one trailing newline only', async () => {
    await writeFile(join(dir, 'p.txt'), `${SECRET}\n\n`, { mode: 0o600 });
    const io = ioWith({ KPDESK_PASSPHRASE: 'env loses to the file' });
    expect(await readSecret(source('p.txt'), io)).toBe(`${SECRET}\n`);
    expect(io.err()).toBe('');
    expect(withoutTrailingNewline(`${SECRET}\r\n`)).toBe(SECRET);
  });

  it.runIf(process.platform !== 'win32')(
    'warns, without the secret, when the file is readable by others',
    async () => {
      const file = join(dir, 'open.txt');
      await writeFile(file, SECRET);
      await chmod(file, 0o644);
      const io = ioWith();
      expect(await readSecret(source('open.txt'), io)).toBe(SECRET);
      expect(io.err()).toContain('chmod 600');
      expect(io.err()).not.toContain(SECRET);
    },
  );

  it('refuses an empty or missing file naming the file, never the content', async () => {
    await writeFile(join(dir, 'empty.txt'), '\n', { mode: 0o600 });
    const empty = await failureOf(readSecret(source('empty.txt'), ioWith()));
    expect(empty.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(empty.message).toContain('empty.txt is empty');
    const missing = await failureOf(readSecret(source('nope.txt'), ioWith()));
    expect(missing.message).toContain('nope.txt cannot be read');
  });

  it('takes the environment variable when no file is given', async () => {
    expect(await readSecret(source(), ioWith({ KPDESK_PASSPHRASE: SECRET }))).toBe(SECRET);
  });

  it('asks on the terminal; a new secret twice, until both entries match', async () => {
    expect(await readSecret(source(), ioWith({}, [SECRET]))).toBe(SECRET);
    expect(await readSecret(source(undefined, true), ioWith({}, ['a', 'b', SECRET, SECRET]))).toBe(
      SECRET,
    );
    const mismatch = await failureOf(
      readSecret(source(undefined, true), ioWith({}, ['a', 'b', 'c', 'd', 'e', 'f'])),
    );
    expect(mismatch.message).toContain('did not match');
  });

  it('without terminal, env or file: a usage error saying how to pass it', async () => {
    const failure = await failureOf(readSecret(source(), ioWith()));
    expect(failure.error.code).toBe('INVALID_INPUT');
    expect(failure.message).toContain('--passphrase-file <file>');
    expect(failure.message).toContain('KPDESK_PASSPHRASE');
  });
});

describe('confirmsRecoveryKey', () => {
  const key = generateRecoveryKey();
  const lastGroup = key.split('-').at(-1) ?? '';

  it('accepts the last group or the whole key, in any case, and nothing else', () => {
    expect(confirmsRecoveryKey(key, lastGroup.toLowerCase())).toBe(true);
    expect(confirmsRecoveryKey(key, key.replace(/-/g, ' '))).toBe(true);
    expect(confirmsRecoveryKey(key, '')).toBe(false);
    expect(confirmsRecoveryKey(key, key.split('-')[1] ?? '')).toBe(false);
    expect(confirmsRecoveryKey(key, generateRecoveryKey())).toBe(false);
  });
});
