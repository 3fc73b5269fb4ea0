// The preview host: the built renderer and the real core on 127.0.0.1, joined by a
// token-protected HTTP bridge that implements the window.kp contract (docs/architecture.md,
// "Running without the Electron binary"). A development and test tool: loopback only, a fresh
// random token per run, Host and Origin checked on every request, no CORS.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { createVaultGateway } from '../electron/core/vault/vault-gateway';
import { inProcessRpc } from '../electron/core/vault/worker/in-process-rpc';
import { createCoreHandlers } from '../electron/core/create-core-handlers';
import { createPreferencesService } from '../electron/core/preferences/preferences-service';
import { createConfPreferencesStore } from './conf-preferences-store';
import { createTaskProgressTracker } from '../electron/core/tasks/task-progress';
import { appError } from '../shared/errors';
import { startDemoIntake } from './demo-intake';
import { createFolderFileDialogs } from './folder-file-dialogs';
import { fileKeychain } from '../electron/core/signing-keys/file-keychain';
import { handleInvoke, INVOKE_PREFIX } from './http-bridge';
import { isAllowedHost, isAllowedOrigin } from './request-guards';
import { sendError, sendText, setSecurityHeaders } from './responses';
import { serveStatic } from './static-files';
import type { TestTsa } from './test-tsa/test-tsa-server';
import { startTestTsa } from './test-tsa/test-tsa-server';

export type PreviewServerOptions = {
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The built bridge client (dist/preview/bridge-client.js). */
  bridgeClientFile: string;
  /** 0 picks a free port. */
  port?: number;
  /** Loopback only: the bridge gives full access to the core. */
  host?: '127.0.0.1';
  version?: string;
  /** The vault's folder; a new empty one in the OS temp folder when omitted (a first run). */
  dataDir?: string;
  /**
   * Also run the local test time-stamp authority (RFC 3161, preview/test-tsa) on 127.0.0.1, so
   * documents can be signed B-T/B-LT in the preview: put its address in the vault settings.
   */
  testTsa?: boolean | { port: number };
  /**
   * Also run the reference intake server on 127.0.0.1 and make it the vault's demo recipient
   * for Census and USKPA at first-run setup (preview/demo-intake.ts): nothing reaches them.
   */
  demoIntake?: boolean;
  /**
   * The file keychain that stands in for the OS keychain when an administrator opens this
   * computer for signing (issue 13, part 3); a new one in the OS temp folder when omitted, so a
   * new run of the preview is another computer. Never inside the vault's folder.
   */
  signingKeychainFile?: string;
  /** Where problems are reported (never the token); standard error by default. */
  log?: (line: string) => void;
};

export type PreviewServer = {
  /** http://127.0.0.1:<port>/ */
  url: string;
  /** The address to open: url + "#token=…" (a fragment never reaches the server or its logs). */
  openUrl: string;
  token: string;
  port: number;
  /** The demo intake's address, when it runs. */
  intakeUrl: string | null;
  /** The test TSA's address (http://127.0.0.1:<port>/tsa), when it runs. */
  tsaUrl: string | null;
  /** The vault's folder, and whether it is a temporary one made for this run. */
  dataDir: string;
  temporaryVault: boolean;
  close: () => Promise<void>;
};

/** Its own backend name: the preview opens only the wraps it made, never the app's or the CLI's. */
export const PREVIEW_KEYCHAIN_BACKEND = 'kpdesk-preview-file';

function requireFile(path: string, what: string): void {
  if (!existsSync(path)) throw new Error(`${what} not found at ${path}. Run npm run build first.`);
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  requireFile(join(options.rendererDir, 'index.html'), 'The built renderer');
  requireFile(options.bridgeClientFile, 'The built bridge client');
  const host = options.host ?? '127.0.0.1';
  const log =
    options.log ??
    ((line: string) => {
      process.stderr.write(`${line}\n`);
    });
  const token = randomBytes(32).toString('base64url');
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kpdesk-preview-'));
  // In-process: the preview host is a development tool with one user at a time.
  const taskProgress = createTaskProgressTracker();
  const intake = options.demoIntake === true ? await startDemoIntake(dataDir) : null;
  const vault = inProcessRpc(
    createVaultGateway({
      dataDir,
      onProgress: taskProgress.report,
      // Copies are delivered in the background while the vault is open; a pass that fails
      // unexpectedly leaves its rows queued, and the reason goes to the host's log.
      onBackgroundError: (error: unknown) => {
        log(`background delivery: ${inspect(error, { depth: 2 })}`);
      },
      ...(intake === null ? {} : { afterOpen: intake.afterOpen }),
    }),
  );
  const handlers = createCoreHandlers({
    runtime: 'preview',
    temporaryVault: options.dataDir === undefined,
    version: options.version ?? '0.0.0',
    vault,
    // No native dialogs here: <dataDir>/exports and <dataDir>/imports (folder-file-dialogs.ts).
    fileDialogs: createFolderFileDialogs(dataDir),
    taskProgress,
    // This computer's preferences, outside the vault: <dataDir>/preferences/preferences.json.
    preferences: createPreferencesService(createConfPreferencesStore(join(dataDir, 'preferences'))),
    signingKeychain: fileKeychain(
      options.signingKeychainFile ??
        join(mkdtempSync(join(tmpdir(), 'kpdesk-preview-keychain-')), 'signing-keychain.key'),
      PREVIEW_KEYCHAIN_BACKEND,
    ),
  });
  const bridge = {
    handlers,
    token,
    log: (message: string, detail: unknown) => {
      log(`${message}: ${inspect(detail, { depth: 4 })}`);
    },
  };
  let port = 0; // set once listening; no request can arrive before that

  const server = createServer((req, res) => {
    setSecurityHeaders(res);
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      sendError(res, 403, appError('UNAUTHORIZED', 'KP Desk preview answers only its own page.'));
      return;
    }
    const pathname = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    const handled = pathname.startsWith(INVOKE_PREFIX)
      ? handleInvoke(req, res, pathname, bridge)
      : serveStatic(req, res, pathname, options);
    handled.catch((error: unknown) => {
      log(`request for ${pathname} failed: ${inspect(error)}`);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  let tsa: TestTsa | null = null;
  if (options.testTsa !== undefined && options.testTsa !== false)
    tsa = await startTestTsa(options.testTsa === true ? {} : { port: options.testTsa.port });
  const url = `http://${host}:${port}/`;

  return {
    url,
    openUrl: `${url}#token=${token}`,
    token,
    port,
    intakeUrl: intake?.url ?? null,
    tsaUrl: tsa?.url ?? null,
    dataDir,
    temporaryVault: options.dataDir === undefined,
    close: async () => {
      await tsa?.close();
      await intake?.close();
      await new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => {
          if (error) rejectClose(error);
          else resolveClose();
        });
        server.closeAllConnections();
      });
    },
  };
}
