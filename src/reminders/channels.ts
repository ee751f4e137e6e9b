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

export async function sendEmail(mailer: Mailer, m: EmailMessage): Promise<void> {
  await mailer.sendMail({
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    messageId: m.messageId,
    headers: { 'X-Dondoc-Delivery': m.deliveryId, 'Auto-Submitted': 'auto-generated' },
  });
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
