// The BUILT kpdesk, run as a user runs it: `node bin/kpdesk.mjs validate <file>` in a child
// process (cli-built.ts builds it into a private folder).
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/errors';
import type { BuiltCli } from './cli-built';
import { buildCli, repoRoot, runLauncher } from './cli-built';

const fixture = (name: string) => `tests/fixtures/certificates/${name}`;

let cli: BuiltCli | undefined;

/** Checks are made as on the fixtures' date of issue, so they never expire under the tests. */
function kpdesk(args: string[], launcher?: string) {
  if (launcher === undefined && cli === undefined) throw new Error('CLI not built');
  const dated =
    args[0] === 'validate' && !args.includes('--help') ? [...args, '--today', '2026-11-27'] : args;
  return runLauncher(launcher ?? cli?.launcher ?? '', dated);
}

type JsonFinding = { severity: string; field: string; code: string; source: string };

async function findingsOf(name: string) {
  const outcome = await kpdesk(['validate', fixture(name), '--json']);
  const report = JSON.parse(outcome.stdout) as { errorCount: number; findings: JsonFinding[] };
  return { ...outcome, report };
}

beforeAll(async () => {
  cli = await buildCli();
}, 180_000);

afterAll(async () => {
  await cli?.remove();
});

describe('kpdesk validate (built CLI)', () => {
  it('exits 0 for the valid certificate', async () => {
    const outcome = await kpdesk(['validate', fixture('valid.json')]);
    expect(outcome).toMatchObject({ code: 0, stderr: '' });
    expect(outcome.stdout).toContain('No findings: US12345');
  });

  it.each([
    ['bad-origin-us.json', 'countryOfOrigin', 'ORIGIN_US', '592.307'],
    ['bad-itn-date.json', 'itn', 'ITN_DATE_INVALID', '592.301(a)(5)'],
    ['bad-expiry-90-days.json', 'dateOfExpiry', 'EXPIRY_TOO_LATE', '592.307(e)'],
    [
      'bad-destination-not-participant.json',
      'destinationCountry',
      'DESTINATION_NOT_PARTICIPANT',
      '592.308',
    ],
    ['bad-several-hs-codes.json', 'hsCodes', 'HS_MULTIPLE', '592.307(k)'],
    [
      'bad-consignee-address-no-destination.json',
      'consignee.address',
      'CONSIGNEE_ADDRESS_NO_DESTINATION',
      '592.307(g)',
    ],
  ])('%s: exits 1 with an error on %s, code %s, citing %s', async (name, field, code, source) => {
    const { code: exitCode, report } = await findingsOf(name);
    expect(exitCode).toBe(1);
    const finding = report.findings.find((f) => f.code === code);
    expect(finding).toMatchObject({ severity: 'error', field });
    expect(finding?.source).toContain(source);
  });

  it('shows the same finding in the table on stdout without --json', async () => {
    const outcome = await kpdesk(['validate', fixture('bad-itn-date.json')]);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toMatch(/^ERROR\s+itn\s+ITN_DATE_INVALID\s/m);
    expect(outcome.stdout).toMatch(/^1 error/m);
  });

  it('exits 2 naming the problem for a file that is not JSON', async () => {
    const outcome = await kpdesk(['validate', fixture('bad-not-json.txt')]);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain('bad-not-json.txt is not JSON');
  });

  it('exits 2 naming the unknown key, as INVALID_INPUT in --json mode', async () => {
    const text = await kpdesk(['validate', fixture('bad-unknown-key.json')]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('consigne');
    expect(text.stderr).toContain('"consignee"');

    const json = await kpdesk(['validate', fixture('bad-unknown-key.json'), '--json']);
    expect(json.code).toBe(2);
    const { error } = JSON.parse(json.stdout) as { error: AppError };
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields?.['consigne']).toContain('unknown field');
  });

  it('exits 2 naming the field with the wrong type', async () => {
    const outcome = await kpdesk(['validate', fixture('bad-wrong-type.json'), '--json']);
    expect(outcome.code).toBe(2);
    const { error } = JSON.parse(outcome.stdout) as { error: AppError };
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields?.['carats']).toContain('text');
  });

  it('prints its version', async () => {
    const outcome = await kpdesk(['--version']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^kpdesk \d+\.\d+\.\d+/);
  });
});

describe('bin/kpdesk.mjs without a build', () => {
  it('says in one line how to build the CLI, and exits 2', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'kpdesk-bare-'));
    try {
      await mkdir(join(bare, 'bin'));
      await copyFile(join(repoRoot, 'bin', 'kpdesk.mjs'), join(bare, 'bin', 'kpdesk.mjs'));
      const outcome = await kpdesk(['--version'], join(bare, 'bin', 'kpdesk.mjs'));
      expect(outcome.code).toBe(2);
      expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
      expect(outcome.stderr).toContain('npm run build:node');
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });
});
