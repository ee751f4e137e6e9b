/** Deletes a webhook, with the event; deliveries not yet made to it are skipped (and say so). */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { notFound } from '../shared/errors';
import { recordEvent } from '../events/record-event';
import { webhooks } from './reminders.schema';

export async function deleteWebhook(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor } = opts;
  authorize(actor, 'manage_settings');
  await db.transaction(async (tx) => {
    const [w] = await tx.delete(webhooks).where(eq(webhooks.id, opts.id)).returning();
    if (!w) throw notFound('webhook');
    await recordEvent(tx, actor, { action: 'webhook.deleted', entity: 'webhook', entityId: w.id, before: { url: w.url, description: w.description } });
  });
}
