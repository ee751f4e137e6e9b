/**
 * What a user may do with one assignment, decided in ONE place. Pure: the caller passes the actor
 * and the facts of the task. The use cases ask it before they change anything (`requireAllowed`),
 * and every assignment response carries its answer (`allowedActions`), so the web app shows the
 * buttons the server would accept instead of recomputing the rules.
 *
 * Two questions make an answer: who the actor is to this task (the lead agency, a supporting
 * agency, the office, a leader, a reader), and whether the task's state allows the action now.
 * Finer checks that need the request itself (the extension window and count, the requested date)
 * stay with the use case and answer with their own message.
 */
import type { Actor } from '../auth/actor';
import { can, canActForAgency } from '../auth/policy';
import { forbidden } from '../shared/errors';
import { roleOfAgency } from './assignment-scope';
import { canTransition, isOpen, type AssignmentState } from './state-machine';

/** Named after the operations (routes and use cases) they open. */
export const ASSIGNMENT_ACTIONS = [
  'receive',
  'report_progress',
  'report_completion',
  'request_extension',
  'accept_completion',
  'return_completion',
  'decide_extension',
  'contribute',
  'reassign',
  'cancel',
  'change_deadline',
] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

export interface ActionSubject {
  state: AssignmentState;
  agencyId: string;
  supportAgencyIds: string[];
  due: string | null;
  /** An extension request waits for a decision. */
  hasPendingExtension: boolean;
}

/** The lead agency's own work: only its officers, or the office on its behalf. */
const LEAD_WORK = new Set<AssignmentAction>(['receive', 'report_progress', 'report_completion', 'request_extension']);

const LEAD_ONLY_VI = 'Chỉ cơ quan chủ trì hoặc Văn phòng mới được báo cáo nhiệm vụ này.';
const SUPPORT_VI =
  'Cơ quan phối hợp không báo cáo tiến độ, hoàn thành hay xin gia hạn: việc đó do cơ quan chủ trì thực hiện. Cơ quan phối hợp gửi ý kiến, kết quả phối hợp.';

/** May the actor, by who they are to this task, take the action at all? */
function byRole(actor: Actor, a: ActionSubject, action: AssignmentAction): boolean {
  if (LEAD_WORK.has(action)) return canActForAgency(actor, a.agencyId);
  switch (action) {
    case 'accept_completion':
    case 'return_completion':
      return can(actor, 'review_completion');
    case 'decide_extension':
      return can(actor, 'decide_extension');
    case 'reassign':
    case 'cancel':
      return can(actor, 'reassign_or_cancel');
    case 'change_deadline':
      return can(actor, 'change_deadline');
    case 'contribute':
      return actor.role === 'agency' && roleOfAgency(actor.agencyId, a) === 'support';
    default:
      return false;
  }
}

/** Does the task, as it stands, allow the action now? */
function byState(a: ActionSubject, action: AssignmentAction): boolean {
  switch (action) {
    case 'receive':
    case 'report_progress':
    case 'report_completion':
    case 'reassign':
    case 'cancel':
      return canTransition(a.state, action);
    case 'request_extension':
      return isOpen(a.state) && a.state !== 'completion_reported' && a.due !== null && !a.hasPendingExtension;
    case 'accept_completion':
    case 'return_completion':
      return a.state === 'completion_reported';
    case 'decide_extension':
      return a.hasPendingExtension;
    case 'contribute':
    case 'change_deadline':
      return isOpen(a.state);
  }
}

/** Every action the actor may take on the task now, in the order of ASSIGNMENT_ACTIONS. */
export function allowedActions(actor: Actor, a: ActionSubject): AssignmentAction[] {
  return ASSIGNMENT_ACTIONS.filter((action) => byRole(actor, a, action) && byState(a, action));
}

/**
 * Refuses (403) an actor who may not take the action on this task whatever its state. The state
 * is then checked by the use case (the state machine's own message says why not now).
 */
export function requireAllowed(actor: Actor, a: Pick<ActionSubject, 'agencyId' | 'supportAgencyIds'>, action: AssignmentAction): void {
  const subject: ActionSubject = { ...a, state: 'in_progress', due: null, hasPendingExtension: false };
  if (byRole(actor, subject, action)) return;
  if (LEAD_WORK.has(action)) throw forbidden(roleOfAgency(actor.agencyId, a) === 'support' ? SUPPORT_VI : LEAD_ONLY_VI);
  if (action === 'contribute') throw forbidden('Chỉ cơ quan được giao phối hợp mới gửi ý kiến phối hợp cho nhiệm vụ này.');
  throw forbidden();
}
