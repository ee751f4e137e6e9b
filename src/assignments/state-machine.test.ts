import { describe, it, expect } from 'vitest';
import { ACTIONS, ASSIGNMENT_STATES, availableActions, canTransition, transition, isOpen } from './state-machine';

describe('assignment state machine', () => {
  it('follows the happy path: receive → progress → completion → accept', () => {
    let s = transition('assigned', 'receive');
    expect(s).toEqual({ ok: true, to: 'received' });
    s = transition('received', 'report_progress');
    expect(s).toEqual({ ok: true, to: 'in_progress' });
    s = transition('in_progress', 'report_completion');
    expect(s).toEqual({ ok: true, to: 'completion_reported' });
    expect(transition('completion_reported', 'accept')).toEqual({ ok: true, to: 'done' });
  });
  it('sends a returned completion back to in progress', () => {
    expect(transition('completion_reported', 'return')).toEqual({ ok: true, to: 'in_progress' });
  });
  it('lets an agency report without acknowledging first', () => {
    expect(canTransition('assigned', 'report_progress')).toBe(true);
    expect(canTransition('assigned', 'report_completion')).toBe(true);
  });
  it('refuses everything on done and cancelled assignments, with a Vietnamese reason', () => {
    for (const final of ['done', 'cancelled'] as const) {
      expect(isOpen(final)).toBe(false);
      expect(availableActions(final)).toEqual([]);
      for (const a of ACTIONS) {
        const r = transition(final, a);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.reason).toMatch(/Không thể/);
      }
    }
  });
  it('accepts or returns only a reported completion', () => {
    for (const s of ASSIGNMENT_STATES.filter((x) => x !== 'completion_reported')) {
      expect(canTransition(s, 'accept')).toBe(false);
      expect(canTransition(s, 'return')).toBe(false);
    }
  });
  it('cannot report progress while the office reviews a completion', () => {
    expect(canTransition('completion_reported', 'report_progress')).toBe(false);
    expect(canTransition('completion_reported', 'cancel')).toBe(true);
  });
  it('reassigns any open assignment back to "not received"', () => {
    for (const s of ['assigned', 'received', 'in_progress', 'completion_reported'] as const) expect(transition(s, 'reassign')).toEqual({ ok: true, to: 'assigned' });
  });
});
