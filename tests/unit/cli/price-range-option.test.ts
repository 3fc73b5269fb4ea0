// `kpdesk validate --price-range CODE=LOWEST-HIGHEST` (issue 16, rule 6): the usual US$ per carat
// of an HS code for one run, checked with the app's own schema. The fixture is US$ 15,000.00 for
// 12.50 ct of 7102.31, i.e. US$ 1,200 per carat: inside the default range, outside 2000-5000.
import { describe, expect, it } from 'vitest';
import { runKpdesk } from '../../../cli/kpdesk';
import { captureIo, fixturesDir } from './capture-io';

type Report = { warningCount: number; findings: { code: string; message: string }[] };

async function validate(...extra: string[]) {
  const io = captureIo();
  const code = await runKpdesk(
    ['validate', `${fixturesDir}/valid.json`, '--today', '2026-11-27', '--json', ...extra],
    io,
  );
  return { code, json: JSON.parse(io.out()) as unknown };
}

describe('kpdesk validate --price-range', () => {
  it('warns with the range given for the code, and not with the defaults', async () => {
    const plain = await validate();
    expect(plain.code).toBe(0);
    expect((plain.json as Report).findings.map((f) => f.code)).not.toContain(
      'VALUE_PER_CARAT_UNUSUAL',
    );
    const narrow = await validate('--price-range', '7102.31=2000-5000');
    expect(narrow.code).toBe(0); // a warning, not an error
    const finding = (narrow.json as Report).findings.find(
      (f) => f.code === 'VALUE_PER_CARAT_UNUSUAL',
    );
    expect(finding?.message).toContain('US$ 1,200.00 per carat');
    // Another code's range leaves 7102.31 at its default.
    const other = await validate('--price-range', '7102.21=1-10');
    expect((other.json as Report).findings.map((f) => f.code)).not.toContain(
      'VALUE_PER_CARAT_UNUSUAL',
    );
  });

  it.each([
    ['7102.31=5000-2000', '7102.31: the lowest US$ per carat must be below the highest.'],
    ['7102.31=0-2000', '7102.31: the lowest US$ per carat must be above 0.'],
    ['7102.39=1-10', '7102.39 is not one of 7102.10, 7102.21, 7102.31'],
    ['7102.31:1-10', 'must be CODE=LOWEST-HIGHEST'],
  ])('refuses %s as a usage error naming the option and the rule', async (option, message) => {
    const { code, json } = await validate('--price-range', option);
    expect(code).toBe(2);
    const error = (json as { error: { code: string; message: string; fields: object } }).error;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(message);
    expect(Object.keys(error.fields)).toEqual(['--price-range']);
  });

  it('refuses the same code twice', async () => {
    const { code } = await validate(
      '--price-range',
      '7102.31=1-10',
      '--price-range',
      '7102.31=2-9',
    );
    expect(code).toBe(2);
  });
});
