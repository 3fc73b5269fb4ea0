// Starts the built preview host (dist/preview/preview-host.mjs --port 0) as a child process and
// reads its one-line banner for the address and token. The e2e tests use the built artifact, as
// `npm run preview` does: Playwright's own TypeScript loader cannot import the sources (they
// import JSON without import attributes, which only bundlers accept), and starting the real
// entry also covers its option parsing and banner.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type RunningPreview = {
  /** http://127.0.0.1:<port>/ */
  url: string;
  /** url + "#token=…", the address the banner tells a developer to open. */
  openUrl: string;
  token: string;
  port: number;
  stop: () => Promise<void>;
};

const BANNER = /^KP Desk preview: (http:\/\/127\.0\.0\.1:(\d+)\/)#token=([A-Za-z0-9_-]+)$/m;
const hostFile = fileURLToPath(new URL('../../dist/preview/preview-host.mjs', import.meta.url));

export type PreviewStartOptions = {
  /** The vault's folder (KP_PREVIEW_DATA_DIR); the host makes a fresh temporary one if omitted. */
  dataDir?: string;
  timeoutMs?: number;
  /** Run the demo intake as `npm run preview` does (KP_PREVIEW_INTAKE); off unless asked. */
  demoIntake?: boolean;
};

export function startBuiltPreview(options: PreviewStartOptions = {}): Promise<RunningPreview> {
  const timeoutMs = options.timeoutMs ?? 60_000; // a hang, not a slow start under load (issue 17)
  const child = spawn(process.execPath, [hostFile, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      KP_PREVIEW_PORT: '',
      KP_PREVIEW_DATA_DIR: options.dataDir ?? '',
      KP_PREVIEW_INTAKE: options.demoIntake === true ? 'on' : 'off',
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop();
      reject(new Error(`${reason}\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    const timer = setTimeout(() => {
      fail('The preview host printed no address in time. Was dist/ built (npm run build)?');
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = BANNER.exec(stdout);
      if (match === null || settled) return;
      settled = true;
      clearTimeout(timer);
      const [, url = '', port = '', token = ''] = match;
      resolve({ url, openUrl: `${url}#token=${token}`, token, port: Number(port), stop });
    });
    child.once('exit', (code) => {
      fail(`The preview host exited with code ${String(code)} before printing its address.`);
    });
  });
}
