// The CLI run in-process, on the real fixtures, through the real rules: exit codes, streams and
// the --json contract.
import { describe, expect, it } from 'vitest';
import { version } from '../../../package.json';
import { runKpdesk } from '../../../cli/kpdesk';
import type { AppError } from '../../../shared/errors';
import { captureIo, fixturesDir } from './capture-io';

const fixture = (name: string) => `${fixturesDir}/${name}`;

type JsonReport = {
  file: string;
  certificateNumber: string;
  errorCount: number;
  warningCount: number;
  findings: { severity: string; field: string; code: string; message: string; source: string }[];
};

async function validateJson(...args: string[]) {
  const io = captureIo();
  const code = await runKpdesk(['validate', ...args, '--json'], io);
  return { code, io, json: JSON.parse(io.out()) as unknown };
}

describe('kpdesk validate', () => {
  it('exits 0 with the all-clear for a valid certificate', async () => {
    const io = captureIo();
    expect(await runKpdesk(['validate', fixture('valid.json')], io)).toBe(0);
    expect(io.out()).toContain('No findings: US12345');
    expect(io.err()).toBe('');
  });

  it('exits 1 and lists the finding in the table for an error', async () => {
    const io = captureIo();
    expect(await runKpdesk(['validate', fixture('bad-origin-us.json')], io)).toBe(1);
    const [header = '', ...rows] = io.out().split('\n');
    expect(header.split(/\s{2,}/)).toEqual(['SEVERITY', 'FIELD', 'CODE', 'MESSAGE', 'SOURCE']);
    expect(rows.some((row) => /^ERROR\s+countryOfOrigin\s+ORIGIN_US\s/.test(row))).toBe(true);
    expect(io.out()).toMatch(/^1 error, 0 warnings$/m);
  });

  it('gives a stable --json object whose counts match its findings', async () => {
    const { code, json } = await validateJson(fixture('bad-several-hs-codes.json'));
    expect(code).toBe(1);
    const report = json as JsonReport;
    expect(Object.keys(report)).toEqual([
      'file',
      'certificateNumber',
      'errorCount',
      'warningCount',
      'findings',
    ]);
    expect(report.file).toBe(fixture('bad-several-hs-codes.json'));
    expect(report.certificateNumber).toBe('US12345');
    expect(report.errorCount).toBe(report.findings.filter((f) => f.severity === 'error').length);
    expect(report.warningCount).toBe(report.findings.length - report.errorCount);
    const hs = report.findings.find((f) => f.code === 'HS_MULTIPLE');
    expect(hs).toMatchObject({ severity: 'error', field: 'hsCodes' });
    expect(Object.keys(hs ?? {})).toEqual(['severity', 'field', 'code', 'message', 'source']);
  });

  it('exits 0 when only warnings remain (--purpose draft without an ITN)', async () => {
    const asDraft = await validateJson(fixture('draft-without-itn.json'), '--purpose', 'draft');
    expect(asDraft.code).toBe(0);
    expect((asDraft.json as JsonReport).findings).toContainEqual(
      expect.objectContaining({ code: 'ITN_MISSING', severity: 'warning' }),
    );
    const forIssue = await validateJson(fixture('draft-without-itn.json'));
    expect(forIssue.code).toBe(1);
    expect((forIssue.json as JsonReport).findings).toContainEqual(
      expect.objectContaining({ code: 'ITN_MISSING', severity: 'error' }),
    );
  });

  it('applies --expiry-days to the expiry rule', async () => {
    const strict = await validateJson(fixture('bad-expiry-90-days.json'));
    expect((strict.json as JsonReport).findings.map((f) => f.code)).toContain('EXPIRY_TOO_LATE');
    const relaxed = await validateJson(fixture('bad-expiry-90-days.json'), '--expiry-days', '90');
    expect(relaxed.code).toBe(0);
    expect((relaxed.json as JsonReport).findings.map((f) => f.code)).not.toContain(
      'EXPIRY_TOO_LATE',
    );
  });

  it('exits 2 with INVALID_INPUT naming the unknown key, in --json mode', async () => {
    const { code, json } = await validateJson(fixture('bad-unknown-key.json'));
    expect(code).toBe(2);
    const { error } = json as { error: AppError };
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields?.['consigne']).toContain('"consignee"');
  });

  it('exits 2 on stderr for a file that is not JSON', async () => {
    const io = captureIo();
    expect(await runKpdesk(['validate', fixture('bad-not-json.txt')], io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toContain('bad-not-json.txt is not JSON');
  });

  it('exits 2 for a missing file and for a usage error, with JSON when asked', async () => {
    const missing = await validateJson('no-such-file.json');
    expect(missing.code).toBe(2);
    expect(missing.json).toMatchObject({ error: { code: 'INVALID_INPUT' } });

    const badPurpose = await validateJson(fixture('valid.json'), '--purpose', 'final');
    expect(badPurpose.code).toBe(2);
    const { error } = badPurpose.json as { error: AppError };
    expect(error.fields?.['--purpose']).toContain('final');
  });
});

describe('kpdesk itself', () => {
  it('prints its version and exits 0', async () => {
    const io = captureIo();
    expect(await runKpdesk(['--version'], io)).toBe(0);
    expect(io.out()).toMatch(new RegExp(`^kpdesk ${version.replaceAll('.', '\\.')} `));
  });

  it('prints help on stdout for --help and for help <command>', async () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const io = captureIo();
      expect(await runKpdesk(args, io)).toBe(0);
      expect(io.out()).toContain('kpdesk validate <certificate.json>');
    }
    for (const args of [
      ['help', 'validate'],
      ['validate', '--help'],
      ['--help', 'validate'],
    ]) {
      const io = captureIo();
      expect(await runKpdesk(args, io)).toBe(0);
      expect(io.out()).toMatch(/^Usage: kpdesk validate/);
      expect(io.out()).toContain('--expiry-days');
    }
  });

  it('exits 2 with usage on stderr when there is nothing to do or the command is unknown', async () => {
    for (const args of [[], ['frobnicate'], ['--jsn'], ['help', 'frobnicate']]) {
      const io = captureIo();
      expect(await runKpdesk(args, io)).toBe(2);
      expect(io.out()).toBe('');
      expect(io.err()).not.toBe('');
    }
  });
});

describe('kpdesk validate against today (31 CFR 592.307(e))', () => {
  it('finds an expired certificate when issuing, by the clock or by --today', async () => {
    const expired = async (args: string[], now?: Date) => {
      const io = captureIo();
      const dated = now === undefined ? io : { ...io, now: () => now };
      const code = await runKpdesk(['validate', fixture('valid.json'), '--json', ...args], dated);
      const report = JSON.parse(io.out()) as { findings: { code: string }[] };
      return [code, report.findings.map((f) => f.code)];
    };
    expect(await expired([], new Date(2027, 0, 27, 9))).toEqual([1, ['CERTIFICATE_EXPIRED']]);
    expect(await expired([], new Date(2027, 0, 26, 23))).toEqual([0, []]);
    expect(await expired(['--today', '2027-02-01'])).toEqual([1, ['CERTIFICATE_EXPIRED']]);
    // A draft is not judged by today's date.
    expect(await expired(['--purpose', 'draft'], new Date(2027, 5, 1))).toEqual([0, []]);
  });
  it('refuses a --today that is not a date', async () => {
    const io = captureIo();
    expect(await runKpdesk(['validate', fixture('valid.json'), '--today', '2027-02-30'], io)).toBe(
      2,
    );
    expect(io.err()).toContain('--today');
  });
});

describe('kpdesk validate --expiry-mode (31 CFR 592.307(e))', () => {
  it('checks "exactly N days" when asked, "at most" by default', async () => {
    const run = async (args: string[]) => {
      const io = captureIo();
      const code = await runKpdesk(['validate', fixture('valid.json'), '--json', ...args], io);
      return [
        code,
        (JSON.parse(io.out()) as { findings: { code: string }[] }).findings.map((f) => f.code),
      ];
    };
    expect(await run(['--expiry-days', '60', '--expiry-mode', 'exactly'])).toEqual([0, []]);
    expect(await run(['--expiry-days', '61'])).toEqual([0, []]);
    expect(await run(['--expiry-days', '61', '--expiry-mode', 'exactly'])).toEqual([
      1,
      ['EXPIRY_NOT_EXACT'],
    ]);
  });
  it('refuses an unknown mode', async () => {
    const io = captureIo();
    expect(await runKpdesk(['validate', fixture('valid.json'), '--expiry-mode', 'max'], io)).toBe(
      2,
    );
    expect(io.err()).toContain('--expiry-mode must be at-most or exactly');
  });
});
