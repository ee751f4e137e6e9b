import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { AppError, notFound } from '../../shared/errors';
import { isIsoDate, todayInVietnam } from '../../shared/dates';
import { dueChange } from '../buckets';
import { extensionRequests } from '../assignments.schema';
import { lockAssignment, requireActForAgency, updateAssignment } from '../assignment-access';
import { checkExtensionRequest, type ExtensionPolicy } from '../extension-rules';
import { recordEvent } from '../../events/record-event';
import { isOpen } from '../state-machine';
import { MAIL_OFF, notifyLeadAgency, type MailSwitch } from '../../notifications/notify';
import { extensionDecidedNotice } from '../../notifications/notices';

export async function requestExtension(db: Db, actor: Actor, id: string, input: { requestedDue: string; reason: string }, today: string, policy: ExtensionPolicy) {
  if (!isIsoDate(input.requestedDue)) throw new AppError('VALIDATION', 'Hạn đề nghị phải là ngày hợp lệ (YYYY-MM-DD).');
  if (!input.reason?.trim()) throw new AppError('VALIDATION', 'Cần nêu lý do xin gia hạn.');
  return db.transaction(async (tx) => {
    const row = await lockAssignment(tx, actor, id);
    requireActForAgency(actor, row);
    const pending = await tx
      .select({ id: extensionRequests.id })
      .from(extensionRequests)
      .where(and(eq(extensionRequests.assignmentId, id), eq(extensionRequests.status, 'pending')));
    checkExtensionRequest({ ...row, hasPendingRequest: pending.length > 0 }, input.requestedDue, today, policy);
    const [req] = await tx
      .insert(extensionRequests)
      .values({ assignmentId: id, requestedBy: actor.id, previousDue: row.due, requestedDue: input.requestedDue, reason: input.reason.trim() })
      .returning();
    await recordEvent(tx, actor, { action: 'extension.requested', entity: 'extension', entityId: req.id, assignmentId: id, agencyId: row.agencyId, documentId: row.documentId, after: req });
    return req;
  });
}

/**
 * Approving moves the deadline (the earlier one stays in the request and in the history). Only
 * while the work is still being done: once the completion was accepted, a moved deadline would
 * rewrite history (done late → done on time, and the rankings with it), and a cancelled task has
 * no deadline to move. Such a request can still be refused, which closes it.
 */
export async function decideExtension(
  db: Db,
  actor: Actor,
  id: string,
  requestId: string,
  input: { decision: 'approve' | 'refuse'; note?: string; due?: string },
  today: string = todayInVietnam(),
  mail: MailSwitch = MAIL_OFF,
) {
  authorize(actor, 'decide_extension');
  if (input.decision === 'refuse' && !input.note?.trim()) throw new AppError('VALIDATION', 'Cần nêu lý do từ chối gia hạn.');
  if (input.due && !isIsoDate(input.due)) throw new AppError('VALIDATION', 'Hạn mới phải là ngày hợp lệ (YYYY-MM-DD).');
  return db.transaction(async (tx) => {
    const row = await lockAssignment(tx, actor, id);
    const [req] = await tx.select().from(extensionRequests).where(and(eq(extensionRequests.id, requestId), eq(extensionRequests.assignmentId, id)));
    if (!req) throw notFound('đề nghị gia hạn');
    if (req.status !== 'pending') throw new AppError('CONFLICT', 'Đề nghị gia hạn này đã được xử lý.');
    if (input.decision === 'approve' && !isOpen(row.state)) {
      throw new AppError(
        'INVALID_TRANSITION',
        row.state === 'cancelled'
          ? 'Nhiệm vụ đã bị hủy nên không thể gia hạn; chỉ có thể từ chối đề nghị.'
          : 'Nhiệm vụ đã được công nhận hoàn thành nên không thể gia hạn; chỉ có thể từ chối đề nghị.',
      );
    }
    const status = input.decision === 'approve' ? 'approved' : 'refused';
    const [decided] = await tx
      .update(extensionRequests)
      .set({ status, decidedBy: actor.id, decidedAt: new Date(), decisionNote: input.note ?? null })
      .where(eq(extensionRequests.id, requestId))
      .returning();
    await recordEvent(tx, actor, { action: `extension.${status}`, entity: 'extension', entityId: req.id, assignmentId: id, agencyId: row.agencyId, documentId: row.documentId, before: req, after: decided });
    const newDue = status === 'approved' ? (input.due ?? req.requestedDue) : null;
    if (newDue) {
      await updateAssignment(tx, actor, row, { ...dueChange(row, newDue, today), extensionCount: row.extensionCount + 1 }, 'assignment.deadline_extended', { requestId });
    }
    await notifyLeadAgency(tx, id, (t) => extensionDecidedNotice(t, status, newDue, input.note), mail);
    return decided;
  });
}
