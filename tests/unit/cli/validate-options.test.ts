import { describe, expect, it } from 'vitest';
import { parseValidateOptions } from '../../../cli/commands/validate-options';
import { defaultValidationSettings } from '../../../shared/domain/validation-settings';

describe('parseValidateOptions', () => {
  it('defaults to purpose "issue", the default settings and a table', () => {
    expect(parseValidateOptions(['cert.json'])).toEqual({
      ok: true,
      value: {
        kind: 'run',
        file: 'cert.json',
        json: false,
        purpose: 'issue',
        settings: defaultValidationSettings,
      },
    });
  });

  it('reads --json, --purpose and --expiry-days in any order, also as --name=value', () => {
    const parsed = parseValidateOptions([
      '--expiry-days=45',
      'cert.json',
      '--purpose',
      'draft',
      '--json',
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      value: { file: 'cert.json', json: true, purpose: 'draft', settings: { expiryMaxDays: 45 } },
    });
  });

  it('answers help before asking for a file', () => {
    expect(parseValidateOptions(['-h'])).toEqual({ ok: true, value: { kind: 'help' } });
  });

  it.each([
    [[], 'Name the certificate file'],
    [['a.json', 'b.json'], 'one certificate file at a time'],
    [['a.json', '--purpose', 'final'], '--purpose'],
    [['a.json', '--purpose'], '--purpose'],
    [['a.json', '--expiry-days', '0'], '--expiry-days'],
    [['a.json', '--expiry-days', '367'], '--expiry-days'],
    [['a.json', '--expiry-days', '6.5'], '--expiry-days'],
    [['a.json', '--expiry-days', '-5'], '--expiry-days'],
    [['a.json', '--jsn'], '--jsn'],
    [['a.json', '--json=yes'], '--json'],
  ])('refuses %j as INVALID_INPUT mentioning %s', (args, mention) => {
    const parsed = parseValidateOptions(args);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('INVALID_INPUT');
    expect(parsed.error.message).toContain(mention);
  });
});
