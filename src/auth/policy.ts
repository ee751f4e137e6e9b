/**
 * Who may do what. Pure functions, asked by every use case; lists are scoped in SQL with
 * `agencyScope`. Hiding a button in the UI is never the protection.
 */
import { forbidden } from '../shared/errors';
import type { Actor } from './actor';

export type Permission =
  | 'read_all'
  | 'manage_documents'
  | 'manage_directory'
  | 'manage_users'
  | 'manage_settings'
  | 'review_completion'
  | 'decide_extension'
  | 'reassign_or_cancel'
  | 'change_deadline'
  | 'manage_indicators';

const GRANTS: Record<Actor['role'], Permission[]> = {
  admin: ['read_all', 'manage_documents', 'manage_directory', 'manage_users', 'manage_settings', 'review_completion', 'decide_extension', 'reassign_or_cancel', 'change_deadline', 'manage_indicators'],
  office: ['read_all', 'manage_documents', 'manage_directory', 'review_completion', 'decide_extension', 'reassign_or_cancel', 'change_deadline', 'manage_indicators'],
  leader: ['read_all', 'review_completion', 'decide_extension'],
  viewer: ['read_all'],
  agency: [],
};

export function can(actor: Actor, p: Permission): boolean {
  return GRANTS[actor.role].includes(p);
}

export function authorize(actor: Actor, p: Permission): void {
  if (!can(actor, p)) throw forbidden();
}

/** The agency an actor's reads are limited to, or null when they see the whole province. */
export function agencyScope(actor: Actor): string | null {
  if (can(actor, 'read_all')) return null;
  // An agency officer without an agency sees nothing rather than everything.
  return actor.agencyId ?? '00000000-0000-0000-0000-000000000000';
}

/** May this actor read (and, if an officer, act on) an assignment of `agencyId`? */
export function canSeeAgency(actor: Actor, agencyId: string): boolean {
  const scope = agencyScope(actor);
  return scope === null || scope === agencyId;
}

/** Reporting on an assignment is the lead agency's own business (the office may too). */
export function canActForAgency(actor: Actor, agencyId: string): boolean {
  if (actor.role === 'agency') return actor.agencyId === agencyId;
  return actor.role === 'admin' || actor.role === 'office';
}

/**
 * Entering an indicator's figure: the office for anyone; an agency officer for their own agency
 * (or commune), and for the whole province when their agency owns the indicator.
 */
export function canEnterIndicatorValue(actor: Actor, owner: string | null, agencyId: string | null): boolean {
  if (can(actor, 'manage_indicators')) return true;
  if (actor.role !== 'agency' || !actor.agencyId) return false;
  return agencyId === null ? owner === actor.agencyId : agencyId === actor.agencyId;
}
