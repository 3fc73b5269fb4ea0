// What reaches the log and the crash dialog: no home path, user name or URL credentials, and
// no stack in the dialog.
import { describe, expect, it } from 'vitest';
import {
  redactLogDetail,
  redactText,
  summarizeError,
} from '../../../electron/core/security/redact-log-detail';

describe('redactText', () => {
  it('replaces the home folder, the user name and URL credentials', () => {
    const text =
      'open /home/jdiamond/.config/KP Desk/vault.db failed for jdiamond; ' +
      'proxy https://jdiamond:hunter2@proxy.example/';
    const redacted = redactText(text, '/home/jdiamond', 'jdiamond');
    expect(redacted).toBe(
      'open ~/.config/KP Desk/vault.db failed for <user>; proxy https://<credentials>@proxy.example/',
    );
  });

  it('handles Windows home folders case-insensitively', () => {
    expect(
      redactText('C:\\users\\JDiamond\\AppData\\x.log', 'C:\\Users\\JDiamond', 'jdiamond'),
    ).toBe('~\\AppData\\x.log');
  });

  it('does not replace a short user name inside other words', () => {
    expect(redactText('ran the database check', '/home/ab', 'ab')).toBe('ran the database check');
  });
});

describe('summarizeError (for dialogs)', () => {
  it('keeps the name and first message line, drops the stack and the home folder', () => {
    const error = new TypeError(`cannot read ${process.env.HOME ?? '/root'}/x\nsecond line`);
    const summary = summarizeError(error);
    expect(summary).toMatch(/^TypeError: cannot read ~\/x$/);
    expect(summary).not.toMatch(/\bat\s|second line/);
  });

  it('summarises values that are not errors and caps the length', () => {
    expect(summarizeError('plain reason')).toBe('plain reason');
    expect(summarizeError({ code: 7 })).toBe('{"code":7}');
    expect(summarizeError(undefined)).toBe('undefined');
    expect(summarizeError('x'.repeat(1000)).length).toBeLessThanOrEqual(161);
  });
});

describe('redactLogDetail (for the log)', () => {
  it('keeps the stack for the log, redacted', () => {
    const detail = redactLogDetail(new Error(`failed in ${process.env.HOME ?? '/root'}/vault`));
    expect(detail).toContain('Error: failed in ~/vault');
    expect(detail).toMatch(/\n\s+at /);
  });

  it('serialises objects, survives cycles and caps the size', () => {
    expect(redactLogDetail({ reason: 'crashed', exitCode: 139 })).toBe(
      '{"reason":"crashed","exitCode":139}',
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(redactLogDetail(cyclic)).toBe('[object Object]');
    expect(redactLogDetail('y'.repeat(10_000)).length).toBeLessThan(4100);
  });
});
