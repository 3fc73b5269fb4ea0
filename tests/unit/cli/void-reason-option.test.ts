// --reason of `kpdesk void`: USKPA's list, in any letter case or by a unique start; anything
// else is refused with the list, naming the option.
import { describe, expect, it } from 'vitest';
import { isAppFailure } from '../../../electron/core/app-failure';
import { resolveVoidReason } from '../../../cli/void-reason-option';

const refusal = (typed: string | undefined) => {
  try {
    resolveVoidReason(typed);
  } catch (error: unknown) {
    if (isAppFailure(error)) return error.error;
    throw error;
  }
  throw new Error('accepted');
};

describe('resolveVoidReason', () => {
  it('accepts a USKPA reason whole, in any case, or by a unique start', () => {
    expect(resolveVoidReason('Printer error')).toBe('Printer error');
    expect(resolveVoidReason('  customer CANCELED shipment ')).toBe('Customer canceled shipment');
    expect(resolveVoidReason('other')).toBe('Other (notes required)');
    expect(resolveVoidReason('certificate s')).toBe('Certificate surrendered');
  });

  it('refuses what is no reason, or starts several, naming --reason', () => {
    expect(refusal('lost')).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { '--reason': expect.stringContaining('Printer error') as string },
    });
    expect(refusal('c').message).toContain('starts more than one');
    expect(refusal(undefined).fields).toEqual({ '--reason': 'required' });
  });
});
