// A real SMTP server on 127.0.0.1 (smtp-server) for the e-mail channel's tests: STARTTLS with a
// certificate from the test CA (or none offered at all, or a certificate from an unrelated CA),
// optional login, and a switch that answers the message with a given reply code. It keeps every
// message it accepted and what each session did (whether it was encrypted, logged in).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerAuthentication, SMTPServerSession } from 'smtp-server';
import type { PemPair } from '../../../preview/intake/intake-pki';

export type ReceivedMail = {
  raw: Buffer;
  secure: boolean;
  user: string | undefined;
  /** The TLS version the session negotiated (tls.TLSSocket.getProtocol), or null. */
  tlsProtocol: string | null;
};

export type SmtpTestServer = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Sessions that issued MAIL FROM (something was about to be sent). */
  mailFromCount: () => number;
  /** Next message answers: a reply code (e.g. 451, 550) or null to accept. */
  setReply: (code: number | null) => void;
  close: () => Promise<void>;
};

export async function startSmtpTestServer(options: {
  tlsPair: PemPair;
  /** Do not offer STARTTLS (a server that refuses it). */
  noStartTls?: boolean;
  login?: { user: string; password: string };
  /** TLS from the first byte (smtps://, RFC 8314) instead of STARTTLS. */
  implicitTls?: boolean;
  /** Offer no TLS version above this (e.g. 'TLSv1.1': a server stuck on an old version). */
  tlsMaxVersion?: 'TLSv1' | 'TLSv1.1';
}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const protocols = new Map<string, string | null>();
  let reply: number | null = null;
  let mailFrom = 0;
  const server = new SMTPServer({
    secure: options.implicitTls === true,
    ...(options.tlsMaxVersion === undefined
      ? {}
      : // The old version is offered for real (OpenSSL's security level would hide it).
        { maxVersion: options.tlsMaxVersion, minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' }),
    key: options.tlsPair.keyPem,
    cert: options.tlsPair.certPem,
    // Refused, not just hidden: nodemailer's requireTLS tries STARTTLS even when not advertised.
    hideSTARTTLS: options.noStartTls === true,
    authOptional: options.login === undefined,
    disabledCommands: [
      ...(options.login === undefined ? ['AUTH'] : []),
      ...(options.noStartTls === true ? ['STARTTLS'] : []),
    ],
    // Only inside TLS, as a real submission server (RFC 8314): nodemailer must never try earlier.
    allowInsecureAuth: false,
    logger: false,
    onSecure(socket, session, callback) {
      protocols.set(session.id, 'getProtocol' in socket ? socket.getProtocol() : null);
      callback();
    },
    onAuth(auth: SMTPServerAuthentication, _session: SMTPServerSession, callback) {
      const login = options.login;
      if (login !== undefined && auth.username === login.user && auth.password === login.password)
        callback(null, { user: auth.username });
      else
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onMailFrom(_address, _session, callback) {
      mailFrom += 1;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (reply !== null) {
          callback(
            Object.assign(
              new Error(reply >= 500 ? 'Message refused by policy' : 'Try again later'),
              {
                responseCode: reply,
              },
            ),
          );
          return;
        }
        received.push({
          raw: Buffer.concat(chunks),
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : undefined,
          tlsProtocol: protocols.get(session.id) ?? null,
        });
        callback(null, `Ok: queued as Q${String(received.length)}`);
      });
    },
  });
  // A refused handshake (an old TLS version, an untrusted certificate) is the client's answer,
  // which the tests assert on the client side; the server only notes it.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `${options.implicitTls === true ? 'smtps' : 'smtp'}://127.0.0.1:${String(port)}`,
    port,
    received,
    mailFromCount: () => mailFrom,
    setReply: (code) => {
      reply = code;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

/** The header value of a raw message (unfolded), or undefined. */
export function headerOf(raw: Buffer, name: string): string | undefined {
  const head = raw.toString('utf8').split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** The decoded bytes of each base64 attachment, by file name (a test's own small MIME reader). */
export function attachmentsOf(raw: Buffer): Map<string, Buffer> {
  const text = raw.toString('utf8');
  const found = new Map<string, Buffer>();
  for (const part of text.split(/\r?\n--/)) {
    const [head, ...body] = part.split(/\r?\n\r?\n/);
    const name = /filename="?([^";\r\n]+)"?/i.exec(head ?? '')?.[1];
    if (name === undefined || !/base64/i.test(head ?? '')) continue;
    found.set(name, Buffer.from(body.join('').replace(/\s+/g, ''), 'base64'));
  }
  return found;
}
