// audit:list and audit:export as the renderer reaches them (dispatchChannel → core handlers →
// vault gateway → a real vault): the role decides before any dialog opens, a cancelled dialog
// writes nothing, and the CSV holds every selected event with text a spreadsheet never runs.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLogPageSchema } from '../../../shared/audit-log/audit-log-query';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';

let h: ChannelHarness;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
  await h.addUser('rita', 'reviewer');
  await h.addUser('otto', 'operator');
  // A display name a spreadsheet would run as a formula if it were written as typed.
  await h.value('users:create', {
    username: 'mallory',
    displayName: '=HYPERLINK("http://evil.example","open")',
    role: 'operator',
    password: 'correct horse battery',
  });
  await h.issueFixture();
});
afterEach(() => h.dispose());

describe('audit:list', () => {
  it('answers a reviewer with the newest page in the contract shape; refuses an operator', async () => {
    await h.signInAs('rita');
    const page = AuditLogPageSchema.parse(await h.value('audit:list', { limit: 5 }));
    expect(page.events).toHaveLength(5);
    expect(page.next).not.toBeNull();
    expect(page.events.map((e) => e.seq)).toEqual(
      [...page.events.map((e) => e.seq)].sort((a, b) => b - a),
    );
    const issued = AuditLogPageSchema.parse(
      await h.value('audit:list', { filter: { action: 'certificate.issue' } }),
    );
    expect(issued.events.map((e) => e.details)).toEqual([
      'Issued (warranty attested): certificate US12345',
    ]);
    await h.signInAs('otto');
    expect(await h.code('audit:list', {})).toBe('FORBIDDEN');
    expect(await h.code('audit:export', {})).toBe('FORBIDDEN');
    // Refused before any dialog was shown.
    expect(h.dialogs.asked).toEqual([]);
  });
});

describe('audit:export', () => {
  it('writes every event to the chosen file, formulas defused; a cancelled dialog writes nothing', async () => {
    await h.signInAs('ada');
    h.dialogs.cancelNext();
    expect(await h.value('audit:export', {})).toEqual({ cancelled: true });
    const exportsDir = join(h.dialogs.root, 'exports');
    const listed = () => {
      try {
        return readdirSync(exportsDir);
      } catch {
        return [];
      }
    };
    expect(listed()).toEqual([]);

    const result = await h.value<{ cancelled: false; path: string; events: number }>(
      'audit:export',
      {},
    );
    expect(h.dialogs.asked.at(-1)).toMatchObject({ kind: 'save', purpose: 'audit-log-csv' });
    expect(listed()).toEqual([result.path.split('/').at(-1)]);
    const text = readFileSync(result.path, 'utf8');
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      'seq,time_utc,user,action,action_words,certificate,record_type,record_id,details',
    );
    expect(lines.length - 2).toBe(result.events);
    // As many events as the log holds, read page by page by the reviewer's own channel.
    let total = 0;
    let after: unknown = null;
    do {
      const page = AuditLogPageSchema.parse(await h.value('audit:list', { after, limit: 200 }));
      total += page.events.length;
      after = page.next;
    } while (after !== null);
    expect(result.events).toBe(total);
    // The user's creation is the administrator's event; the name appears in no event of its own
    // unless mallory acts, so make mallory act and export again, filtered to mallory.
    await h.signInAs('mallory');
    await h.value('stock:register', { numbers: 'US30000' });
    await h.signInAs('rita');
    const users = await h.value<{ id: number; username: string }[]>('users:list', {});
    const mallory = users.find((u) => u.username === 'mallory');
    const filtered = await h.value<{ path: string; events: number }>('audit:export', {
      filter: { userId: mallory?.id },
    });
    const rows = readFileSync(filtered.path, 'utf8').split('\r\n').slice(1, -1);
    expect(rows.length).toBe(filtered.events);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""open"")"`);
  });
});
