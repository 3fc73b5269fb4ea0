// audit:head over the channels: an administrator gets the chain's head as the documented line
// (docs/audit-anchors.md), the same head the backup manifest then carries; an operator, a
// reviewer or nobody signed in gets nothing.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAnchorLine } from '../../../electron/core/vault/audit/anchor-line';
import { vaultLocation } from '../../../electron/core/vault/keys/vault-location';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';

let h: ChannelHarness;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
});
afterEach(() => h.dispose());

type Head = { line: string; vaultId: string; seq: number; hash: string; at: string };

describe('audit:head', () => {
  it('gives an administrator the head as one line, which the next backup anchors too', async () => {
    await h.value('stock:register', { numbers: 'US10000-US10004' });
    const head = await h.value<Head>('audit:head');
    const keyFile = JSON.parse(readFileSync(vaultLocation(h.dataDir).keyFilePath, 'utf8')) as {
      vaultId: string;
    };
    expect(parseAnchorLine(head.line)).toEqual({
      vaultId: keyFile.vaultId,
      seq: head.seq,
      hash: head.hash,
      at: head.at,
    });
    // ada, the recovery key's confirmation, the licensee, the batch, the range of its five forms.
    expect(head.seq).toBe(5);
    const backup = await h.value<{ path: string }>('vault:backup');
    const bytes = readFileSync(backup.path, 'utf8');
    const manifest = JSON.parse(bytes.split('\n')[1] ?? '') as { auditHead: unknown };
    expect(manifest.auditHead).toEqual({ seq: head.seq, hash: head.hash, at: head.at });
  });

  it('refuses anyone but an administrator', async () => {
    await h.addUser('otto', 'operator');
    await h.addUser('rita', 'reviewer');
    await h.signInAs('otto');
    expect(await h.code('audit:head')).toBe('FORBIDDEN');
    await h.signInAs('rita');
    expect(await h.code('audit:head')).toBe('FORBIDDEN');
    await h.value('session:signOut');
    expect(await h.code('audit:head')).toBe('AUTH_FAILED');
  });
});
