// The e-mail channel: the signed PDF and the certificate's data (a JSON attachment) to the
// configured address over SMTP, with STARTTLS REQUIRED (smtp://, nodemailer's requireTLS: a server
// that does not offer it gets no MAIL FROM, no login and no message) or TLS from the first byte
// (smtps://, port 465, nodemailer's secure), TLS 1.2 or later either way, the server's
// certificate checked against the pinned CA when one is configured (else the system's CAs), and
// the optional login sent only inside TLS. The password comes from the vault's recipient
// settings and is never logged (nodemailer's logger and debug stay off).
// Words carry weight: SMTP gives no signed receipt, so Delivered means "accepted by the mail
// server <host> as <message-id>" and the stored MailReceipt says exactly that. The Message-ID is
// derived from the idempotency key and the envelope's digest, so a resend after a crash carries
// the same id and the receiving mail system can recognise the duplicate.
import { isIP } from 'node:net';
import type { Transporter } from 'nodemailer';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { SmtpRecipientSettings } from '../../../shared/records/submission-recipient-settings';
import type { ChannelOutcome } from './channel-outcome';
import type { MailReceipt } from './delivery-receipt';
import type { SubmissionChannel } from './https-channel';
import { envelopeDigest } from './submission-envelope';
import type { SubmissionEnvelope } from './submission-envelope';

export type SmtpChannelOptions = {
  /** Abort an attempt that gets no answer for this long (connect, greeting, each reply). */
  timeoutMs?: number;
  now?: () => Date;
};

/** smtp://: STARTTLS on port 587 (RFC 3207); smtps://: TLS from the first byte on 465 (RFC 8314). */
const DEFAULT_PORT = { 'smtp:': 587, 'smtps:': 465 } as const;

/** OpenSSL's and Node's names for a server certificate that cannot be trusted. */
const UNTRUSTED_CERTIFICATE =
  /CERT|SELF.SIGNED|ISSUER|ALTNAME|SIGNATURE_FAILURE|UNABLE_TO_VERIFY|HOSTNAME|certificate/i;

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

export function smtpTarget(url: string): {
  host: string;
  port: number;
  label: string;
  implicitTls: boolean;
} {
  const parsed = new URL(url);
  const implicitTls = parsed.protocol.toLowerCase() === 'smtps:';
  const port =
    parsed.port === '' ? DEFAULT_PORT[implicitTls ? 'smtps:' : 'smtp:'] : Number(parsed.port);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return { host, port, label: `${parsed.hostname}:${String(port)}`, implicitTls };
}

/** The same envelope always gives the same Message-ID (retries, a resend after a crash). */
export function mailMessageId(envelope: SubmissionEnvelope, from: string): string {
  const domain = from.slice(from.lastIndexOf('@') + 1);
  const key = envelope.idempotencyKey.replace(/\//g, '.');
  return `<${key}.${envelope.recipient}.${envelopeDigest(envelope).slice(0, 16)}@${domain}>`;
}

const recipientName = { census: 'Census (KP copy)', uskpa: 'USKPA (KP report)' } as const;

function mailText(envelope: SubmissionEnvelope): string {
  const pdf = envelope.document;
  return [
    `Kimberley Process certificate ${envelope.certificateNumber}: ${envelope.kind}.`,
    `For: ${recipientName[envelope.recipient]}. Queued ${envelope.queuedAt}.`,
    envelope.recipient === 'census'
      ? 'Copy sent under 31 CFR 592.301(a)(1)(iv)-(v) and 15 CFR 30.7(c).'
      : "Report of the certificate's use to the US Kimberley Process Authority.",
    pdf === null
      ? 'No signed PDF is held for this certificate; its data is attached as JSON.'
      : `Attached: ${pdf.fileName} (signed PDF, sha256 ${pdf.sha256}) and the certificate's data as JSON.`,
    `Idempotency key: ${envelope.idempotencyKey} (the same copy sent again carries the same key and Message-ID).`,
    '',
    'Sent by KP Desk.',
  ].join('\n');
}

function dataAttachment(envelope: SubmissionEnvelope): string {
  const { document, ...rest } = envelope;
  const described =
    document === null
      ? null
      : { mediaType: document.mediaType, fileName: document.fileName, sha256: document.sha256 };
  return `${JSON.stringify({ ...rest, document: described }, null, 2)}\n`;
}

function classify(error: SmtpError, host: string, what: string): ChannelOutcome {
  const code = error.code ?? '';
  const said = (error.response ?? error.message).slice(0, 300);
  if (code === 'ETLS' || /STARTTLS/i.test(error.message))
    return {
      kind: 'rejected',
      code: 'STARTTLS_UNAVAILABLE',
      message: `The mail server ${host} does not offer STARTTLS; KP Desk never sends a certificate unencrypted, so nothing was sent (${said}). Use a server that supports STARTTLS.`,
    };
  const causeCode = (error.cause as { code?: unknown } | undefined)?.code;
  const tlsText = `${typeof causeCode === 'string' ? causeCode : ''} ${error.message}`;
  if ((code === 'ESOCKET' || code === 'ETLS' || code === '') && UNTRUSTED_CERTIFICATE.test(tlsText))
    return {
      kind: 'rejected',
      code: 'SERVER_CERTIFICATE_UNTRUSTED',
      message: `The mail server ${host} presented a certificate that ${what} does not trust (${error.message}); nothing was sent. Check the recipient settings.`,
    };
  const reply = error.responseCode;
  if (reply !== undefined && reply >= 400 && reply < 500)
    return {
      kind: 'retry',
      code: 'SERVER_ERROR',
      message: `The mail server ${host} answered ${said} (temporary); it will be tried again.`,
    };
  if (code === 'EAUTH')
    return {
      kind: 'rejected',
      code: 'MAIL_LOGIN_REFUSED',
      message: `The mail server ${host} refused the login (${said}). Check the mail user name and password in the recipient settings.`,
    };
  if (reply !== undefined && reply >= 500)
    return {
      kind: 'rejected',
      code: 'MAIL_REFUSED',
      message: `The mail server ${host} refused the message: ${said}.`,
    };
  if (code === 'ETIMEDOUT')
    return {
      kind: 'retry',
      code: 'TIMEOUT',
      message: `The mail server ${host} did not answer in time; it will be tried again.`,
    };
  return {
    kind: 'retry',
    code: 'NETWORK',
    message: `The mail server ${host} could not be reached (${code || error.message}); it will be tried again.`,
  };
}

export function createSmtpChannel(
  settings: SmtpRecipientSettings,
  options: SmtpChannelOptions = {},
): SubmissionChannel {
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 60_000;
  const target = smtpTarget(settings.url);
  const from = settings.from ?? settings.username ?? `kp-desk@${target.host}`;
  const sender = from.includes('@') ? from : `${from}@${target.host}`;
  const trusted =
    settings.caPem === undefined ? 'the system' : "the mail server's CA in the recipient settings";
  const transportOptions: SMTPTransport.Options = {
    host: target.host,
    port: target.port,
    // smtps://: TLS before the greeting (nodemailer `secure`), so there is no STARTTLS to strip;
    // smtp://: STARTTLS demanded (requireTLS), so a server without it gets nothing.
    secure: target.implicitTls,
    requireTLS: !target.implicitTls,
    ignoreTLS: false,
    tls: {
      minVersion: 'TLSv1.2',
      rejectUnauthorized: true,
      // SNI takes a host name only (RFC 6066); an IP address is still checked against the
      // certificate's IP entries.
      ...(isIP(target.host) === 0 ? { servername: target.host } : {}),
      ...(settings.caPem === undefined ? {} : { ca: [settings.caPem] }),
    },
    ...(settings.username === undefined || settings.password === undefined
      ? {}
      : { auth: { user: settings.username, pass: settings.password } }),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  const transport: Transporter<SMTPTransport.SentMessageInfo> =
    nodemailer.createTransport(transportOptions);

  const send = async (envelope: SubmissionEnvelope): Promise<ChannelOutcome> => {
    const messageId = mailMessageId(envelope, sender);
    const stem = envelope.idempotencyKey.replace(/\//g, '-');
    const attachments = [
      ...(envelope.document === null
        ? []
        : [
            {
              filename: envelope.document.fileName,
              content: Buffer.from(envelope.document.base64, 'base64'),
              // The signed PDF, or an import entry's scan (PDF, PNG or JPEG; issue 15).
              contentType: envelope.document.mediaType,
            },
          ]),
      {
        filename: `${stem}.json`,
        content: dataAttachment(envelope),
        contentType: 'application/json',
      },
    ];
    let info: SMTPTransport.SentMessageInfo;
    try {
      info = await transport.sendMail({
        from: sender,
        to: settings.to,
        subject: `KP certificate ${envelope.certificateNumber}: ${envelope.kind} (${recipientName[envelope.recipient]})`,
        text: mailText(envelope),
        messageId,
        headers: { 'X-KPDesk-Idempotency-Key': envelope.idempotencyKey },
        attachments,
      });
    } catch (error) {
      return classify(error as SmtpError, target.label, trusted);
    }
    if (!info.accepted.some((address) => address === settings.to))
      return {
        kind: 'rejected',
        code: 'MAIL_REFUSED',
        message: `The mail server ${target.label} did not accept ${settings.to}: ${info.response}.`,
      };
    const receipt: MailReceipt = {
      channel: 'smtp',
      messageId: info.messageId,
      serverResponse: info.response.slice(0, 1000),
      server: target.label,
      to: settings.to,
      acceptedAt: now().toISOString(),
      proves: 'accepted by the mail server',
    };
    return { kind: 'mail-accepted', receipt };
  };

  return {
    send,
    close: () => {
      transport.close();
    },
  };
}
