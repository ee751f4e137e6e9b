/**
 * Who may do what. Pure functions, asked by every use case; lists are scoped in SQL with
 * `agencyScope`. Hiding a button in the UI is never the protection.
 */
import { AppError, forbidden } from '../shared/errors';
import type { Actor } from './actor';

export type Permission =
  | 'read_directory'
  | 'read_all'
  | 'manage_documents'
  | 'manage_directory'
  | 'manage_users'
  | 'manage_settings'
  | 'manage_reminders'
  | 'review_completion'
  | 'decide_extension'
  | 'reassign_or_cancel'
  | 'change_deadline'
  | 'manage_indicators';

const GRANTS: Record<Actor['role'], Permission[]> = {
  admin: ['read_directory', 'read_all', 'manage_documents', 'manage_directory', 'manage_users', 'manage_settings', 'manage_reminders', 'review_completion', 'decide_extension', 'reassign_or_cancel', 'change_deadline', 'manage_indicators'],
  office: ['read_directory', 'read_all', 'manage_documents', 'manage_directory', 'manage_reminders', 'review_completion', 'decide_extension', 'reassign_or_cancel', 'change_deadline', 'manage_indicators'],
  leader: ['read_directory', 'read_all', 'review_completion', 'decide_extension'],
  viewer: ['read_directory', 'read_all'],
  agency: ['read_directory'],
};

/** Why a permission is refused, when a plainer message than the generic one helps the user. */
const REFUSALS: Partial<Record<Permission, string>> = {
  manage_reminders: 'Chỉ Quản trị hoặc Văn phòng UBND tỉnh được xem và sửa quy tắc nhắc việc.',
};

/**
 * What a route requires, declared on the route (`config: { access }`) and checked before its body
 * is validated: `public` (anyone), `signed_in` (any user; the use case scopes the data), or a
 * permission. The use case still authorizes: the route's check is the first door, not the only one.
 */
export type Access = 'public' | 'signed_in' | Permission;

export function checkAccess(actor: Actor | null, access: Access): void {
  if (access === 'public') return;
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
  if (access !== 'signed_in') authorize(actor, access);
}

export function can(actor: Actor, p: Permission): boolean {
  return GRANTS[actor.role].includes(p);
}

export function authorize(actor: Actor, p: Permission): void {
  if (!can(actor, p)) throw forbidden(REFUSALS[p]);
}

/**
 * Things only a person has (notifications, own tokens): dondoc itself, which has no user row,
 * has none. Returns the user's id.
 */
export function requireUser(actor: Actor): string {
  if (!actor.id) throw forbidden();
  return actor.id;
}

/**
 * The agency an actor's reads are limited to, or null when they see the whole province. Which
 * assignments that means (led or supported by it) is assignments/assignment-scope.ts.
 */
export function agencyScope(actor: Actor): string | null {
  if (can(actor, 'read_all')) return null;
  // An agency officer without an agency sees nothing rather than everything.
  return actor.agencyId ?? '00000000-0000-0000-0000-000000000000';
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
