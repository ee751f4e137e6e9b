/** The reminder rules and message templates in force, with the shipped defaults beside them. */
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { DEFAULT_REMINDER_RULES } from './reminder-rules';
import { DEFAULT_TEMPLATES } from './message-templates';
import { loadRules, loadTemplates } from './reminder-settings';

export async function getReminderRules(opts: { db: DbOrTx; actor: Actor }) {
  authorize(opts.actor, 'manage_reminders');
  const [rules, templates] = await Promise.all([loadRules(opts.db), loadTemplates(opts.db)]);
  return { rules, templates, defaults: { rules: DEFAULT_REMINDER_RULES, templates: DEFAULT_TEMPLATES } };
}
