import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { allowedActions, requireAllowed, type ActionSubject } from './assignment-actions';
import type { AssignmentState } from './state-machine';

const LEAD = 'ag-lead';
const SUPPORT = 'ag-support';
const OTHER = 'ag-other';
const actor = (role: Actor['role'], agencyId: string | null = null): Actor => ({ id: `u-${role}-${agencyId}`, name: role, role, agencyId });
const lead = actor('agency', LEAD);
const supporter = actor('agency', SUPPORT);
const office = actor('office');
const leader = actor('leader');
const viewer = actor('viewer');
const task = (state: AssignmentState, extra: Partial<ActionSubject> = {}): ActionSubject => ({
  state,
  agencyId: LEAD,
  supportAgencyIds: [SUPPORT],
  due: '2025-07-31',
  hasPendingExtension: false,
  ...extra,
});

describe('allowedActions — who, by their place in the task', () => {
  it('the lead agency reports, asks for more time, and does nothing the office decides', () => {
    expect(allowedActions(lead, task('assigned'))).toEqual(['receive', 'report_progress', 'report_completion', 'request_extension']);
    expect(allowedActions(lead, task('in_progress'))).toEqual(['report_progress', 'report_completion', 'request_extension']);
  });
  it('a supporting agency only contributes, whatever the state of the open task', () => {
    for (const s of ['assigned', 'received', 'in_progress', 'completion_reported'] as const) expect(allowedActions(supporter, task(s)), s).toEqual(['contribute']);
  });
  it('an agency neither leading nor supporting may do nothing', () => {
    expect(allowedActions(actor('agency', OTHER), task('in_progress'))).toEqual([]);
    expect(allowedActions(actor('agency', null), task('in_progress'))).toEqual([]);
  });
  it('the office acts for the lead and decides, but does not contribute', () => {
    expect(allowedActions(office, task('in_progress', { hasPendingExtension: true }))).toEqual([
      'report_progress',
      'report_completion',
      'decide_extension',
      'reassign',
      'cancel',
      'change_deadline',
    ]);
  });
  it('a leader reviews and decides only; a viewer does nothing', () => {
    expect(allowedActions(leader, task('completion_reported', { hasPendingExtension: true }))).toEqual(['accept_completion', 'return_completion', 'decide_extension']);
    expect(allowedActions(viewer, task('completion_reported', { hasPendingExtension: true }))).toEqual([]);
  });
  it('an agency that is both lead and named among the supporters acts as the lead', () => {
    expect(allowedActions(lead, task('in_progress', { supportAgencyIds: [LEAD, SUPPORT] }))).not.toContain('contribute');
  });
});

describe('allowedActions — when, by the state of the task', () => {
  it('review waits for a completion report; an extension for a pending request', () => {
    expect(allowedActions(office, task('in_progress'))).not.toContain('accept_completion');
    expect(allowedActions(office, task('completion_reported'))).toEqual(expect.arrayContaining(['accept_completion', 'return_completion']));
    expect(allowedActions(office, task('completion_reported'))).not.toContain('decide_extension');
  });
  it('no extension request without a deadline, with one pending, or once completion is reported', () => {
    expect(allowedActions(lead, task('in_progress', { due: null }))).not.toContain('request_extension');
    expect(allowedActions(lead, task('in_progress', { hasPendingExtension: true }))).not.toContain('request_extension');
    expect(allowedActions(lead, task('completion_reported'))).toEqual([]);
  });
  it('a finished or cancelled task offers nothing to anyone but a pending extension to refuse', () => {
    for (const s of ['done', 'cancelled'] as const) {
      for (const who of [lead, supporter, office, leader]) expect(allowedActions(who, task(s)), `${who.role} ${s}`).toEqual([]);
      expect(allowedActions(office, task(s, { hasPendingExtension: true }))).toEqual(['decide_extension']);
    }
  });
});

describe('requireAllowed', () => {
  it('refuses a supporting agency the lead’s reports with a message saying what it may do', () => {
    for (const action of ['receive', 'report_progress', 'report_completion', 'request_extension'] as const) {
      expect(() => requireAllowed(supporter, task('in_progress'), action), action).toThrow(/phối hợp gửi ý kiến/);
    }
  });
  it('refuses contributions from the lead, the office and unrelated agencies; lets the supporter through', () => {
    for (const who of [lead, office, actor('agency', OTHER)]) expect(() => requireAllowed(who, task('in_progress'), 'contribute')).toThrow(/phối hợp/);
    expect(() => requireAllowed(supporter, task('in_progress'), 'contribute')).not.toThrow();
  });
  it('does not look at the state: that answer is the state machine’s', () => {
    expect(() => requireAllowed(lead, task('done'), 'report_progress')).not.toThrow();
  });
});
