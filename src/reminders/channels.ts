/** The three ways a reminder leaves dondoc: SMTP e-mail, the in-app bell, and signed webhooks. */
import { createHmac } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';

export type Mailer = Transporter;

/** A pooled SMTP transport (SMTP_URL, e.g. smtp://user:pass@mail.example.vn:587). */
export function createMailer(smtpUrl: string, opts: { maxConnections?: number; maxMessages?: number } = {}): Mailer {
  const u = new URL(smtpUrl);
  return nodemailer.createTransport({
    pool: true,
    host: u.hostname,
    port: Number(u.port || (u.protocol === 'smtps:' ? 465 : 587)),
    secure: u.protocol === 'smtps:',
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    maxConnections: opts.maxConnections ?? 5,
    maxMessages: opts.maxMessages ?? 1000,
    // A local sink or an internal relay may have no certificate; STARTTLS is used when offered.
    tls: { rejectUnauthorized: u.searchParams.get('tls') !== 'insecure' ? undefined : false },
    connectionTimeout: 15_000,
    socketTimeout: 30_000,
  });
}

export interface EmailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  deliveryId: string;
}

/**
 * Sends one message. The MIME text is built here (plain text, UTF-8, base64), which is all a
 * reminder needs and several times cheaper than composing through nodemailer's MIME tree.
 */
export async function sendEmail(mailer: Mailer, m: EmailMessage): Promise<void> {
  await mailer.sendMail({ envelope: { from: addressOf(m.from), to: [m.to] }, raw: buildRawEmail(m) });
}

const addressOf = (s: string) => /<([^>]+)>/.exec(s)?.[1]?.trim() ?? s.trim();
const ascii = (s: string) => /^[\x20-\x7e]*$/.test(s);
const encodeWord = (s: string) => (ascii(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`);

function encodeAddress(s: string): string {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(s);
  if (!m) return s.trim();
  return m[1] ? `${ascii(m[1]) ? `"${m[1].replace(/"/g, '')}"` : encodeWord(m[1])} <${m[2]}>` : `<${m[2]}>`;
}

/** A long subject as several encoded words (each ≤ 75 characters), folded. */
function encodeSubject(s: string): string {
  if (ascii(s) && s.length < 900) return s;
  const words: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (Buffer.byteLength(cur + ch, 'utf8') > 42) {
      words.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) words.push(cur);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

export function buildRawEmail(m: EmailMessage, date = new Date()): string {
  const body = Buffer.from(m.text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    `From: ${encodeAddress(m.from)}`,
    `To: ${m.to}`,
    `Subject: ${encodeSubject(m.subject)}`,
    `Message-ID: ${m.messageId}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    `X-Dondoc-Delivery: ${m.deliveryId}`,
    'Auto-Submitted: auto-generated',
    '',
    body,
    '',
  ].join('\r\n');
}

/** `sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>`, sent as X-Dondoc-Signature. */
export function signWebhook(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export class ChannelError extends Error {
  constructor(
    message: string,
    /** A permanent refusal (SMTP 5xx, HTTP 4xx other than 408/429): no point retrying. */
    readonly permanent = false,
  ) {
    super(message);
  }
}

export async function postWebhook(url: string, secret: string, deliveryId: string, payload: unknown): Promise<void> {
  const body = JSON.stringify(payload);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dondoc-signature': signWebhook(secret, body), 'x-dondoc-delivery': deliveryId },
      body,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (e) {
    throw new ChannelError(`Không gọi được webhook: ${(e as Error).message}`);
  }
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) {
    const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
    throw new ChannelError(`Webhook trả về mã ${res.status}`, permanent);
  }
}

/** SMTP errors carry the server's reply code; 5xx is a permanent refusal. */
export function isPermanentSmtpError(e: unknown): boolean {
  const code = (e as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
