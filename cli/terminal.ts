// The interactive terminal for kpdesk's prompts, over node:readline. One interface serves every
// question of a command, so a line typed ahead (while scrypt runs) is kept for the next question
// instead of being dropped with a closed interface. A secret is read with the echo muted:
// readline's output is switched off while it is typed, so no character of it reaches the screen.
// Ctrl-C or the end of input cancels the command, which then changes nothing.
import { createInterface } from 'node:readline';
import type { Interface } from 'node:readline';
import { Writable } from 'node:stream';
import { AppFailure } from '../electron/core/app-failure';
import type { Terminal } from './cli-io';

export type ClosableTerminal = Terminal & { close: () => void };

function cancelled(): AppFailure {
  return new AppFailure('INVALID_INPUT', 'Cancelled. Nothing was changed.');
}

export function createTerminal(
  input: NodeJS.ReadableStream,
  prompts: NodeJS.WritableStream,
): ClosableTerminal {
  let muted = false;
  let rl: Interface | undefined;
  let pending: ((error: AppFailure) => void) | undefined;
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (!muted) prompts.write(chunk);
      done();
    },
  });

  function lines(): Interface {
    if (rl !== undefined) return rl;
    // A terminal that ends its input has hung up: readline would throw while restoring the
    // terminal mode (setRawMode EIO). Exit first, as for SIGHUP; 'exit' handlers still run.
    input.prependListener('end', () => process.exit(2));
    const created = createInterface({ input, output, terminal: true, historySize: 0 });
    const cancel = () => {
      muted = false;
      const reject = pending;
      pending = undefined;
      reject?.(cancelled());
    };
    created.on('SIGINT', () => {
      prompts.write('\n');
      cancel();
      created.close();
    });
    created.on('close', cancel);
    rl = created;
    return created;
  }

  function question(text: string, secret: boolean): Promise<string> {
    const lineReader = lines();
    return new Promise((resolve, reject) => {
      pending = reject;
      if (secret) prompts.write(text);
      muted = secret;
      lineReader.question(secret ? '' : text, (answer) => {
        pending = undefined;
        if (secret) prompts.write('\n');
        muted = false;
        resolve(answer);
      });
    });
  }

  return {
    askSecret: (text) => question(text, true),
    ask: (text) => question(text, false),
    close: () => {
      pending = undefined;
      rl?.close();
      rl = undefined;
    },
  };
}

/** The terminal of this process, or undefined when stdin or stderr is not one (a script). */
export function processTerminal(): ClosableTerminal | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  return createTerminal(process.stdin, process.stderr);
}
