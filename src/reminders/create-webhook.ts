/** Adds a webhook, with the event. The secret is returned this once and never again. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { AppError } from '../shared/errors';
import { recordEvent } from '../events/record-event';
import { webhooks } from './reminders.schema';
import { presentWebhook } from './webhook-presenter';

export async function createWebhook(opts: { db: Db; actor: Actor; url: string; description?: string; secret?: string }) {
  const { db, actor, url } = opts;
  authorize(actor, 'manage_settings');
  if (!/^https?:\/\//i.test(url)) throw new AppError('VALIDATION', 'Địa chỉ webhook phải bắt đầu bằng http:// hoặc https://.');
  const description = opts.description ?? null;
  const secret = opts.secret ?? randomBytes(24).toString('base64url');
  const row = await db.transaction(async (tx) => {
    const [w] = await tx.insert(webhooks).values({ url, description, secret, createdBy: actor.id }).returning();
    await recordEvent(tx, actor, { action: 'webhook.created', entity: 'webhook', entityId: w.id, after: { url, description } });
    return w;
  });
  return { ...presentWebhook(row), secret };
}
