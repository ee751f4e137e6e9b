/**
 * The background loop started with the server: every REMINDER_INTERVAL_MINUTES it plans today's
 * pass (a no-op when already planned), and every 30 seconds it delivers what is due (new
 * messages, retries whose back-off has passed, deliveries retaken after a dead instance's lease).
 * Stopping waits for the work in hand. REMINDER_INTERVAL_MINUTES=0 switches it off.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../http/context';
import { createMailer, type Mailer } from './channels';
import { newWorkerId } from './deliver-reminders';
import { deliverDue, runReminderPass } from './run-reminders';

export async function startReminderLoop(ctx: AppContext, log: FastifyBaseLogger, opts: { pollMs?: number } = {}): Promise<() => Promise<void>> {
  const minutes = ctx.config.reminderIntervalMinutes;
  if (minutes <= 0) {
    log.info('reminders: background loop disabled (REMINDER_INTERVAL_MINUTES=0)');
    return async () => undefined;
  }
  const mailer: Mailer | null = ctx.config.smtpUrl ? createMailer(ctx.config.smtpUrl) : null;
  // One line at start, then silence: the e-mail channel is simply off (in-app and webhooks still go out).
  if (!mailer) log.info('reminders: e-mail off (SMTP_URL not set); in-app notifications and webhooks only');
  const workerId = newWorkerId();
  let stopped = false;
  let lastPass = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const base = { db: ctx.db, config: ctx.config, mailer, workerId, shouldStop: () => stopped, log: (msg: string, data?: Record<string, unknown>) => log.warn(data ?? {}, msg) };

  const tick = async () => {
    try {
      if (Date.now() - lastPass >= minutes * 60_000) {
        lastPass = Date.now();
        const r = await runReminderPass({ ...base, date: ctx.today() });
        if (r.plan.created || r.delivery?.claimed) log.info({ date: r.plan.date, planned: r.plan.created, ...r.delivery }, 'reminders: pass');
        if (r.plan.unreachable.length) log.warn({ unreachable: r.plan.unreachable }, 'reminders: agencies with open tasks but nobody to remind');
      } else {
        const d = await deliverDue(base);
        if (d.claimed) log.info(d, 'reminders: delivered');
      }
    } catch (e) {
      log.error({ err: e }, 'reminders: pass failed; will try again');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, opts.pollMs ?? 30_000);
    timer.unref?.();
  };
  running = tick().finally(schedule);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running.catch(() => undefined);
    mailer?.close();
  };
}
