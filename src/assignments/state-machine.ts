/**
 * The life of an assignment, as a pure state machine. Every change of state in dondoc goes
 * through `transition`, so the rules live in one place and are tested without a database.
 *
 *   assigned ──receive──▶ received ──report_progress──▶ in_progress
 *      │                     │                             │
 *      └──────────── report_completion ────────────────────┴──▶ completion_reported
 *                                                                 │accept      │return
 *                                                                 ▼            ▼
 *                                                                done      in_progress
 *   reassign (→ assigned) and cancel (→ cancelled) from any open state.
 */
export const ASSIGNMENT_STATES = ['assigned', 'received', 'in_progress', 'completion_reported', 'done', 'cancelled'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

export const OUTLOOKS = ['on_track', 'at_risk', 'off_track'] as const;
export type Outlook = (typeof OUTLOOKS)[number];

export const ACTIONS = ['receive', 'report_progress', 'report_completion', 'accept', 'return', 'reassign', 'cancel'] as const;
export type Action = (typeof ACTIONS)[number];

const OPEN: readonly AssignmentState[] = ['assigned', 'received', 'in_progress', 'completion_reported'];
const WORKING: readonly AssignmentState[] = ['assigned', 'received', 'in_progress'];

const RULES: Record<Action, { from: readonly AssignmentState[]; to: AssignmentState }> = {
  receive: { from: ['assigned'], to: 'received' },
  report_progress: { from: WORKING, to: 'in_progress' },
  report_completion: { from: WORKING, to: 'completion_reported' },
  accept: { from: ['completion_reported'], to: 'done' },
  return: { from: ['completion_reported'], to: 'in_progress' },
  reassign: { from: OPEN, to: 'assigned' },
  cancel: { from: OPEN, to: 'cancelled' },
};

export const STATE_LABELS: Record<AssignmentState, string> = {
  assigned: 'Chưa tiếp nhận',
  received: 'Đã tiếp nhận',
  in_progress: 'Đang thực hiện',
  completion_reported: 'Chờ duyệt hoàn thành',
  done: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
};

const ACTION_LABELS: Record<Action, string> = {
  receive: 'tiếp nhận',
  report_progress: 'báo cáo tiến độ',
  report_completion: 'báo cáo hoàn thành',
  accept: 'công nhận hoàn thành',
  return: 'trả lại',
  reassign: 'giao lại',
  cancel: 'hủy',
};

export function isOpen(state: AssignmentState): boolean {
  return OPEN.includes(state);
}

export function canTransition(state: AssignmentState, action: Action): boolean {
  return RULES[action].from.includes(state);
}

export type TransitionResult = { ok: true; to: AssignmentState } | { ok: false; reason: string };

export function transition(state: AssignmentState, action: Action): TransitionResult {
  if (!canTransition(state, action)) {
    return {
      ok: false,
      reason: `Không thể ${ACTION_LABELS[action]} nhiệm vụ đang ở trạng thái "${STATE_LABELS[state]}".`,
    };
  }
  return { ok: true, to: RULES[action].to };
}

/** Transitions possible from a state. Who may take them is assignment-actions.ts, which the UI is given. */
export function availableActions(state: AssignmentState): Action[] {
  return ACTIONS.filter((a) => canTransition(state, a));
}
