import type { webhooks } from './reminders.schema';

/** A webhook as the API shows it: never its secret. */
export function presentWebhook(w: typeof webhooks.$inferSelect) {
  return { id: w.id, url: w.url, description: w.description, active: w.active, createdAt: w.createdAt };
}
