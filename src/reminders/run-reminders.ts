/**
 * One complete reminder pass for a day — plan it into the outbox, then deliver what is due —
 * with the settings in force. Shared by the background loop and `dondoc remind`.
 */
import type { Db } from '../db/client';
import type { Config } from '../config/config';
import { planPass, type PassResult } from './plan-pass';
import { drainDeliveries, newWorkerId, type BatchResult } from './deliver-reminders';
import { loadCalendar, loadRules, loadTemplates } from './reminder-settings';
import type { Mailer } from './channels';

export interface RunOptions {
  db: Db;
  config: Config;
  date: string;
  mailer: Mailer | null;
  dryRun?: boolean;
  workerId?: string;
  shouldStop?: () => boolean;
  onPlanProgress?: (done: number, total: number) => void;
  onDeliveryProgress?: (r: BatchResult) => void;
  log?: (msg: string, data?: Record<string, unknown>) => void;
}

export function messageHostOf(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'dondoc.local';
  } catch {
    return 'dondoc.local';
  }
}

export async function runReminderPass(o: RunOptions): Promise<{ plan: PassResult; delivery: BatchResult | null }> {
  const [rules, calendar, templates] = await Promise.all([loadRules(o.db), loadCalendar(o.db), loadTemplates(o.db)]);
  const plan = await planPass(o.db, { date: o.date, rules, calendar, messageHost: messageHostOf(o.config.publicUrl), dryRun: o.dryRun, emailEnabled: o.mailer !== null || Boolean(o.config.smtpUrl), onProgress: o.onPlanProgress });
  if (o.dryRun) return { plan, delivery: null };
  const delivery = await deliverDue(o, { calendar, templates });
  return { plan, delivery };
}

/** Delivers whatever is due now (new deliveries and retries), without planning. */
export async function deliverDue(o: Omit<RunOptions, 'date'>, loaded: Partial<{ calendar: Awaited<ReturnType<typeof loadCalendar>>; templates: Awaited<ReturnType<typeof loadTemplates>> }> = {}) {
  return drainDeliveries({
    db: o.db,
    workerId: o.workerId ?? newWorkerId(),
    publicUrl: o.config.publicUrl,
    mailFrom: o.config.mailFrom,
    mailer: o.mailer,
    leaseSeconds: o.config.reminderLeaseSeconds,
    maxAttempts: o.config.reminderMaxAttempts,
    retryBaseSeconds: o.config.reminderRetryBaseSeconds,
    batchSize: 200,
    concurrency: 20,
    parallel: 2,
    shouldStop: o.shouldStop,
    onProgress: o.onDeliveryProgress,
    log: o.log,
    ...loaded,
  });
}
