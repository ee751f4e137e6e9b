/**
 * A real SMTP server in-process (smtp-server), for tests and the bench: counts what it accepted
 * by Message-ID, can refuse the first messages (to test retries) or hold one without answering
 * (to kill a sender mid-send).
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface SinkMessage {
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  accepted: SinkMessage[];
  /** Accepted count per Message-ID. */
  byMessageId: Map<string, number>;
  /** Messages offered (DATA received), accepted or not. */
  offered: number;
  /** Decide per offered message (1-based): undefined to accept, an SMTP error code to refuse, 'hold' to never answer. */
  policy: (n: number, m: SinkMessage) => number | 'hold' | undefined;
  /** Resolves when a message is held. */
  held: Promise<SinkMessage>;
  close(): Promise<void>;
}

export async function startSmtpSink(opts: { keepText?: boolean } = {}): Promise<SmtpSink> {
  let onHeld!: (m: SinkMessage) => void;
  const sink: SmtpSink = {
    port: 0,
    url: '',
    accepted: [],
    byMessageId: new Map(),
    offered: 0,
    policy: () => undefined,
    held: new Promise((r) => (onHeld = r)),
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 200,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const sep = raw.indexOf('\r\n\r\n');
        const head = raw.slice(0, sep < 0 ? raw.length : sep).replace(/\r\n[ \t]+/g, ' ');
        const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
        const m: SinkMessage = {
          messageId: header('Message-ID'),
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          subject: header('Subject'),
          text: opts.keepText ? decodeBody(head, raw.slice(sep + 4)) : '',
        };
        const n = ++sink.offered;
        const decision = sink.policy(n, m);
        if (decision === 'hold') {
          onHeld(m);
          return; // never answer: the sender waits until it dies
        }
        if (typeof decision === 'number') {
          const err = Object.assign(new Error(`Refused by test sink (${decision})`), { responseCode: decision });
          callback(err);
          return;
        }
        sink.accepted.push(m);
        sink.byMessageId.set(m.messageId, (sink.byMessageId.get(m.messageId) ?? 0) + 1);
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  return sink;
}

/** Enough MIME for our own plain-text messages: quoted-printable or base64 bodies. */
function decodeBody(head: string, body: string): string {
  const enc = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc !== 'quoted-printable') return body;
  const bytes: number[] = [];
  const s = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
