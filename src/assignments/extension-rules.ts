/**
 * When an agency may still ask for more time. Pure: the caller passes today's date and policy.
 */
import { AppError } from '../shared/errors';
import { isOpen, type AssignmentState } from './state-machine';

export interface ExtensionPolicy {
  /** Approved extensions allowed per assignment (default 2). */
  maxExtensions: number;
  /** Calendar days after the deadline during which a request is still accepted (default 5). */
  windowDaysAfterDue: number;
}

export const DEFAULT_EXTENSION_POLICY: ExtensionPolicy = { maxExtensions: 2, windowDaysAfterDue: 5 };

export interface ExtensionSubject {
  state: AssignmentState;
  due: string | null;
  extensionCount: number;
  hasPendingRequest: boolean;
}

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Throws the AppError the agency should see, or returns when the request may be filed. */
export function checkExtensionRequest(a: ExtensionSubject, requestedDue: string, today: string, policy: ExtensionPolicy): void {
  if (!isOpen(a.state) || a.state === 'completion_reported') {
    throw new AppError('INVALID_TRANSITION', 'Chỉ được xin gia hạn khi nhiệm vụ đang thực hiện.');
  }
  if (!a.due) throw new AppError('VALIDATION', 'Nhiệm vụ không có thời hạn nên không cần gia hạn.');
  if (a.hasPendingRequest) throw new AppError('CONFLICT', 'Đã có một đề nghị gia hạn đang chờ xử lý.');
  if (a.extensionCount >= policy.maxExtensions) {
    throw new AppError('EXTENSION_LIMIT', `Nhiệm vụ đã được gia hạn ${a.extensionCount} lần, tối đa ${policy.maxExtensions} lần.`);
  }
  if (today > addDays(a.due, policy.windowDaysAfterDue)) {
    throw new AppError(
      'EXTENSION_WINDOW_CLOSED',
      `Đã quá ${policy.windowDaysAfterDue} ngày kể từ hạn xử lý (${a.due}); không thể xin gia hạn nữa.`,
    );
  }
  if (requestedDue <= a.due) throw new AppError('VALIDATION', 'Hạn đề nghị mới phải sau hạn hiện tại.');
}
