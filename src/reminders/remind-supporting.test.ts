/**
 * The office's `remindSupporting` rule through the API and a real (dry-run) pass: the pass loads
 * each task's supporting agencies and, when the rule is on, reminds them on the lead's schedule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../db/testing';
import { createTestApp, publishTestDocument, type TestApp } from '../http/testing';
import { planPass } from './plan-pass';
import { loadCalendar, loadRules } from './reminder-settings';

describe.each(testBackends)('reminding supporting agencies on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { today: '2025-07-24' });
    await publishTestDocument(t, [{ ref: '1', text: 'Sở Y tế chủ trì, phối hợp với Sở Tài chính.', leads: ['Sở Y tế'], supports: ['Sở Tài chính'], due: '2025-07-25' }]);
  });
  afterAll(() => t.close());

  /** Who the day-before reminder (before_1, Thursday 24/07 for Friday 25/07) goes to, by target. */
  async function reminded(): Promise<string[]> {
    const db = t.database.db;
    const pass = await planPass(db, { date: '2025-07-24', rules: await loadRules(db), calendar: await loadCalendar(db), messageHost: 'test', dryRun: true, emailEnabled: true });
    return pass.messages.filter((m) => m.items.some((i) => i.rule === 'before_1')).map((m) => `${m.channel}:${m.target}`).sort();
  }

  it('reminds only the lead agency by default', async () => {
    const targets = await reminded();
    expect(targets).toContain('email:syt@test.vn');
    expect(targets.filter((x) => x.includes('stc'))).toEqual([]);
  });

  it('reminds the supporting agency too once the office turns the rule on', async () => {
    const put = await t.call(t.sessions.office, 'PUT', '/api/reminders/rules', { rules: { remindSupporting: true } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await t.call(t.sessions.office, 'GET', '/api/reminders/rules')).json().rules.remindSupporting).toBe(true);
    const targets = await reminded();
    expect(targets).toContain('email:syt@test.vn');
    expect(targets).toContain('email:stc@test.vn');
  });
});
