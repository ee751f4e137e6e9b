import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { webhooks } from './reminders.schema';
import { presentWebhook } from './webhook-presenter';

export async function listWebhooks(opts: { db: DbOrTx; actor: Actor }) {
  authorize(opts.actor, 'manage_settings');
  return { items: (await opts.db.select().from(webhooks).orderBy(webhooks.createdAt)).map(presentWebhook) };
}
