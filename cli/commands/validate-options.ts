// The options of `kpdesk validate`, parsed with node:util parseArgs and checked against the same
// schemas the app uses, so the CLI cannot accept a setting the app would refuse.
import { parseArgs } from 'node:util';
import { parseIsoDate } from '../../shared/domain/calendar-date';
import type { ValidationPurpose } from '../../shared/domain/validation-report';
import { validationPurposes } from '../../shared/domain/validation-report';
import type { ValidationSettings } from '../../shared/domain/validation-settings';
import {
  ValidationSettingsSchema,
  defaultValidationSettings,
  expiryModes,
} from '../../shared/domain/validation-settings';
import { parsePriceRangeOptions } from './price-range-option';
import { appError } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import { describeArgsError } from '../describe-args-error';

export type ValidateOptions =
  | { kind: 'help' }
  | {
      kind: 'run';
      /** The path as typed: messages and --json output show it unchanged. */
      file: string;
      json: boolean;
      purpose: ValidationPurpose;
      settings: ValidationSettings;
      /** --today: the date to judge expiry against (YYYY-MM-DD); otherwise the computer's. */
      today?: string;
    };

const expiryDays = ValidationSettingsSchema.shape.expiryMaxDays.unwrap();

export function parseValidateOptions(args: readonly string[]): Result<ValidateOptions> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        json: { type: 'boolean', default: false },
        purpose: { type: 'string', default: 'issue' },
        'expiry-days': { type: 'string' },
        today: { type: 'string' },
        'expiry-mode': { type: 'string' },
        'price-range': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error: unknown) {
    return usage(describeArgsError(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return ok({ kind: 'help' });

  const [file, ...extra] = positionals;
  if (file === undefined) return usage('Name the certificate file to check.');
  if (extra.length > 0) {
    return usage(`Check one certificate file at a time; unexpected: ${extra.join(' ')}.`);
  }

  const purpose = validationPurposes.find((known) => known === values.purpose);
  if (purpose === undefined) {
    return usage(`--purpose must be ${validationPurposes.join(' or ')}.`, {
      '--purpose': `must be ${validationPurposes.join(' or ')}, not "${values.purpose}"`,
    });
  }

  let settings = expirySettings(values['expiry-days']);
  if (settings === undefined) {
    const range = `a whole number of days from ${String(expiryDays.minValue)} to ${String(expiryDays.maxValue)}`;
    return usage(`--expiry-days must be ${range}.`, { '--expiry-days': `must be ${range}` });
  }
  const mode = expiryModes.find((known) => known === (values['expiry-mode'] ?? 'at-most'));
  if (mode === undefined) {
    return usage(`--expiry-mode must be ${expiryModes.join(' or ')}.`, {
      '--expiry-mode': `must be ${expiryModes.join(' or ')}, not "${values['expiry-mode'] ?? ''}"`,
    });
  }
  if (mode !== settings.expiryMode) settings = { ...settings, expiryMode: mode };
  const ranges = parsePriceRangeOptions(values['price-range'] ?? [], settings.pricePerCaratRanges);
  if (!ranges.ok) return usage(ranges.error.message, ranges.error.fields);
  settings = { ...settings, pricePerCaratRanges: ranges.value };
  const today = values.today?.trim();
  if (today !== undefined && parseIsoDate(today) === null) {
    return usage(`--today must be a real date written YYYY-MM-DD, not "${today}".`, {
      '--today': 'must be a real date written YYYY-MM-DD',
    });
  }
  return ok({
    kind: 'run',
    file,
    json: values.json,
    purpose,
    settings,
    ...(today === undefined ? {} : { today }),
  });
}

function expirySettings(text: string | undefined): ValidationSettings | undefined {
  if (text === undefined) return defaultValidationSettings;
  if (!/^\d{1,4}$/.test(text)) return undefined;
  const checked = ValidationSettingsSchema.safeParse({
    ...defaultValidationSettings,
    expiryMaxDays: Number(text),
  });
  return checked.success ? checked.data : undefined;
}

function usage(message: string, fields?: Record<string, string>) {
  return err(appError('INVALID_INPUT', message, fields));
}
