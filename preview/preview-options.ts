// The preview host's one option, the port: --port N or --port=N, else KP_PREVIEW_PORT, else 0
// (a free port chosen by the system, so two previews or a test run never collide).
export type PortChoice = { ok: true; port: number } | { ok: false; message: string };

function readPort(text: string, from: string): PortChoice {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port > 65535) {
    return { ok: false, message: `${from} must be a port number from 0 to 65535, not "${text}".` };
  }
  return { ok: true, port };
}

export function choosePort(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): PortChoice {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--port') return readPort(argv[i + 1] ?? '', '--port');
    if (arg.startsWith('--port=')) return readPort(arg.slice('--port='.length), '--port');
    // --vault-dir is read by chooseVaultDir (vault-dir-option.ts).
    if (arg === '--vault-dir') {
      i += 1;
      continue;
    }
    if (arg.startsWith('--vault-dir=')) continue;
    return {
      ok: false,
      message: `Unknown option "${arg}". Usage: preview-host [--port N] [--vault-dir FOLDER]`,
    };
  }
  const fromEnv = env.KP_PREVIEW_PORT;
  if (fromEnv !== undefined && fromEnv !== '') return readPort(fromEnv, 'KP_PREVIEW_PORT');
  return { ok: true, port: 0 };
}
