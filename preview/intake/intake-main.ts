// `npm run intake`: starts the reference intake server and prints its URL and the files a
// licensee's settings need (the CA to pin, a client certificate and key it accepts), written to a
// fresh folder. Stops on Ctrl-C. Options: --port N, --dir FOLDER (where the files go).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createIntakePki } from './intake-pki';
import { startIntakeServer } from './intake-server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, dir: { type: 'string' } },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be a port number, not "${values.port ?? ''}".`);
  const dir =
    values.dir === undefined ? mkdtempSync(join(tmpdir(), 'kp-intake-')) : resolve(values.dir);
  mkdirSync(dir, { recursive: true });
  const pki = createIntakePki();
  const files = {
    ca: join(dir, 'intake-ca.pem'),
    clientCert: join(dir, 'client-cert.pem'),
    clientKey: join(dir, 'client-key.pem'),
  };
  writeFileSync(files.ca, pki.ca.certPem);
  writeFileSync(files.clientCert, pki.client.certPem);
  writeFileSync(files.clientKey, pki.client.keyPem, { mode: 0o600 });
  const server = await startIntakeServer({ pki, port });
  const lines = [
    `Reference intake server (test CA, mutual TLS) listening.`,
    `URL:         ${server.url}`,
    `CA file:     ${files.ca}`,
    `Client cert: ${files.clientCert}`,
    `Client key:  ${files.clientKey}`,
    ``,
    `Configure a recipient with:`,
    `  kpdesk settings recipient census --https ${server.url} --ca ${files.ca} --client-cert ${files.clientCert} --client-key ${files.clientKey} --user <you>`,
    `Ctrl-C stops it.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`intake: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
