import { describe, expect, it } from 'vitest';
import { checkEvent, EVENT_KINDS, readEventPayload } from './event-kinds';

describe('event kinds', () => {
  it('refuses an undeclared kind, a wrong entity and a payload that does not fit', () => {
    expect(() => checkEvent({ action: 'assignment.teleported', entity: 'assignment' })).toThrow(/not declared/);
    expect(() => checkEvent({ action: 'webhook.created', entity: 'agency', after: { url: 'https://x.vn', description: null } })).toThrow(/about webhook/);
    expect(() => checkEvent({ action: 'assignment.deadline_changed', entity: 'assignment', before: { due: '2025-08-01' }, after: { reason: 'x' } })).toThrow(/does not fit/);
    expect(() => checkEvent({ action: 'assignment.deadline_changed', entity: 'assignment', after: { due: 'mai' } })).toThrow(/does not fit/);
    expect(() => checkEvent({ action: 'assignment.created', entity: 'assignment', after: { x: 1 } })).toThrow(/carries no "after"/);
  });

  it('accepts payloads as they are stored (dates become strings)', () => {
    expect(() => checkEvent({ action: 'assignment.deadline_extended', entity: 'assignment', before: { due: '2025-08-01' }, after: { due: '2025-08-15', extensionCount: 1, requestId: crypto.randomUUID() } })).not.toThrow();
    expect(() => checkEvent({ action: 'extension.requested', entity: 'extension', after: { id: 'x', createdAt: new Date() } })).not.toThrow();
  });

  it('reads a payload back only when it fits its kind', () => {
    const row = (action: string, after: unknown) => ({ action, before: null, after });
    expect(readEventPayload(row('assignment.deadline_changed', { due: '2025-09-01', reason: 'x' }), 'assignment.deadline_changed', 'after')).toEqual({ due: '2025-09-01', reason: 'x' });
    expect(readEventPayload(row('assignment.deadline_changed', { due: 42 }), 'assignment.deadline_changed', 'after')).toBeNull();
    expect(readEventPayload(row('assignment.deadline_changed', null), 'assignment.deadline_changed', 'after')).toBeNull();
    expect(readEventPayload(row('assignment.deadline_extended', { due: '2025-09-01' }), 'assignment.deadline_changed', 'after')).toBeNull();
  });

  it('names each kind after its entity', () => {
    for (const [kind, def] of Object.entries(EVENT_KINDS)) {
      const prefix = kind.split('.')[0];
      // Settings and passes are named after what changed, not after the table they live in.
      if (['reminders', 'calendar', 'directory'].includes(prefix)) continue;
      expect(def.entity, kind).toBe(prefix === 'item' ? 'item' : prefix);
    }
  });
});
