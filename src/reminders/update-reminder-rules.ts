/**
 * Replaces the reminder rules and/or templates (missing fields take the defaults), with the
 * event, in one transaction. Takes effect from the next pass.
 */
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { AppError } from '../shared/errors';
import { recordEvent } from '../events/record-event';
import { parseReminderRules, REMINDER_RULES_KEY } from './reminder-rules';
import { parseTemplates, REMINDER_TEMPLATES_KEY } from './message-templates';
import { loadRules, loadTemplates, writeSetting } from './reminder-settings';

export async function updateReminderRules(opts: { db: Db; actor: Actor; rules?: Record<string, unknown>; templates?: Record<string, unknown> }) {
  const { db, actor } = opts;
  authorize(actor, 'manage_reminders');
  if (!opts.rules && !opts.templates) throw new AppError('VALIDATION', 'Cần gửi "rules" hoặc "templates".');
  const rules = opts.rules ? parseReminderRules(opts.rules) : undefined;
  const templates = opts.templates ? parseTemplates(opts.templates) : undefined;
  return db.transaction(async (tx) => {
    const before = { rules: await loadRules(tx), templates: await loadTemplates(tx) };
    if (rules) await writeSetting(tx, REMINDER_RULES_KEY, rules);
    if (templates) await writeSetting(tx, REMINDER_TEMPLATES_KEY, templates);
    await recordEvent(tx, actor, {
      action: 'reminders.rules_changed',
      entity: 'setting',
      entityId: REMINDER_RULES_KEY,
      before: { ...(rules ? { rules: before.rules } : {}), ...(templates ? { templates: before.templates } : {}) },
      after: { ...(rules ? { rules } : {}), ...(templates ? { templates } : {}) },
    });
    return { rules: await loadRules(tx), templates: await loadTemplates(tx) };
  });
}
