// `kpdesk stock add <numbers>` registers purchased USKPA forms; `kpdesk stock [status]` shows
// how many numbers are available, used and voided, and the gaps between registered numbers
// (e.g. a book bought but not yet registered). Registration goes through the issuance service:
// the signed-in user's role is checked, every number gets its audit event, and a list with any
// number already registered is refused whole (CONFLICT), so nothing is registered twice.
import type {
  StockCounts,
  StockGap,
} from '../../electron/core/vault/repositories/stock-repository';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { signInFromOptions, signInHelp, signInOptions } from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';

export const stockSummary = 'Register purchased certificate forms; show the stock and its gaps.';

export const stockHelp = `Usage:
  kpdesk stock add <numbers> [--description <text>] [options]
  kpdesk stock [status] [options]

add     Registers the certificate forms bought from USKPA, as ranges and single numbers
        separated by commas or spaces, e.g. "US10000-US10099,US10150". Every number is
        registered, or none: a number already registered (or listed twice) refuses the
        whole list, naming the numbers. Then shows the stock as "status" does.
status  Shows how many numbers are available, used and voided, and the gaps between
        registered numbers.

Options:
  --description <text>        A note kept with the registration, e.g. the USKPA invoice.
${signInHelp}
${unlockHelp}
  --json                      Print one JSON object: { registered?, counts, gaps }
                              (a refusal gives { error: { code, message, fields } }).
  -h, --help                  Show this help.

Exit codes: 0 done, 2 usage error or refused (wrong passphrase or password, a number
already registered, not allowed for your role): nothing was changed.
`;

export type StockJsonOutput = {
  registered?: { batchId: number; count: number; first: string; last: string };
  counts: StockCounts;
  gaps: StockGap[];
};

export function formatStock(output: StockJsonOutput): string {
  const lines: string[] = [];
  const { registered, counts, gaps } = output;
  if (registered !== undefined)
    lines.push(
      `Registered ${String(registered.count)} number${registered.count === 1 ? '' : 's'} (${registered.first} to ${registered.last}, batch ${String(registered.batchId)}).`,
    );
  lines.push(
    `Stock: ${String(counts.available)} available, ${String(counts.used)} used, ${String(counts.voided)} voided.`,
  );
  if (gaps.length === 0) lines.push('No gaps between registered numbers.');
  else {
    lines.push('Gaps between registered numbers:');
    for (const gap of gaps)
      lines.push(
        `  ${gap.from === gap.to ? gap.from : `${gap.from} to ${gap.to}`} (${String(gap.count)} number${gap.count === 1 ? '' : 's'})`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export function runStock(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = { ...signInOptions, description: { type: 'string' } } as const;
  return runVaultCommand(args, io, { name: 'stock', help: stockHelp, options }, async (parsed) => {
    const { values, positionals, json } = parsed;
    const [action = 'status', ...rest] = positionals;
    if (action !== 'add' && action !== 'status')
      throw usageFailure(`Unknown stock action "${action}": use "add" or "status".`);
    if (action === 'status' && (rest.length > 0 || values.description !== undefined))
      throw usageFailure('"kpdesk stock status" takes no numbers; to register, use "stock add".');
    // "US10000-US10099 US10150" typed unquoted arrives as two arguments: one list all the same.
    const numbers = rest.join(' ');
    if (action === 'add' && numbers.trim() === '')
      throw usageFailure('Name the numbers to register, e.g. "US10000-US10099,US10150".', {
        numbers: 'required',
      });

    const output = await withVaultForCommand(values, io, async ({ services }) => {
      let registered: StockJsonOutput['registered'];
      if (action === 'add') {
        const actor = await signInFromOptions(services, values, io);
        const registration = services.issuance.registerStock(actor, {
          numbers,
          description: values.description ?? '',
        });
        registered = {
          batchId: registration.batchId,
          count: registration.numbers.length,
          first: registration.numbers[0] ?? '',
          last: registration.numbers.at(-1) ?? '',
        };
      }
      const state = { counts: services.stock.counts(), gaps: services.stock.gaps() };
      return registered === undefined ? state : { registered, ...state };
    });
    io.stdout(json ? `${JSON.stringify(output, null, 2)}\n` : formatStock(output));
    return exitCodes.ok;
  });
}
