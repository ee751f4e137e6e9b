import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { AppError, notFound } from '../../shared/errors';
import { foldText } from '../../shared/text';

import { agencies } from '../../directory/directory.schema';
import { directiveItems, documents } from '../../documents/documents.schema';
import { applyAction, lockAssignment, updateAssignment } from '../assignment-access';
import { isOpen } from '../state-machine';
import { agencyChange, dueChange } from '../buckets';
import { isIsoDate, todayInVietnam } from '../../shared/dates';

/**
 * Giao lại: the task moves to another lead agency and starts again from "not received". The
 * move is dated (agency history), so the days before it still count for the agency that led it.
 */
export async function reassignAssignment(db: Db, actor: Actor, id: string, input: { agencyId: string; reason: string }, today: string = todayInVietnam()) {
  authorize(actor, 'reassign_or_cancel');
  if (!input.reason?.trim()) throw new AppError('VALIDATION', 'Cần nêu lý do giao lại.');
  return db.transaction(async (tx) => {
    const row = await lockAssignment(tx, actor, id);
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, input.agencyId));
    if (!agency) throw notFound('cơ quan');
    if (agency.id === row.agencyId) throw new AppError('VALIDATION', 'Nhiệm vụ đã được giao cho cơ quan này.');
    const [item] = await tx.select().from(directiveItems).where(eq(directiveItems.id, row.itemId));
    const [doc] = await tx.select().from(documents).where(eq(documents.id, row.documentId));
    const searchText = foldText([item?.ref, item?.text, agency.name, doc?.number, doc?.subject].filter(Boolean).join(' '));
    return applyAction(tx, actor, row, 'reassign', { ...agencyChange(row, agency.id, today), receivedAt: null, progressPercent: 0, outlook: null, searchText }, { reason: input.reason });
  });
}

export async function cancelAssignment(db: Db, actor: Actor, id: string, input: { reason: string }, today: string = todayInVietnam()) {
  authorize(actor, 'reassign_or_cancel');
  if (!input.reason?.trim()) throw new AppError('VALIDATION', 'Cần nêu lý do hủy nhiệm vụ.');
  return db.transaction(async (tx) => {
    const row = await lockAssignment(tx, actor, id);
    return applyAction(tx, actor, row, 'cancel', { cancelledAt: new Date(), cancelledOn: today, cancelReason: input.reason.trim() });
  });
}

/** The office corrects a deadline outside the extension procedure (e.g. a typo in the notice). */
export async function changeDeadline(db: Db, actor: Actor, id: string, input: { due: string | null; reason: string }, today: string = todayInVietnam()) {
  authorize(actor, 'change_deadline');
  if (input.due !== null && !isIsoDate(input.due)) throw new AppError('VALIDATION', 'Hạn mới phải là ngày hợp lệ (YYYY-MM-DD) hoặc null.');
  if (!input.reason?.trim()) throw new AppError('VALIDATION', 'Cần nêu lý do điều chỉnh thời hạn.');
  return db.transaction(async (tx) => {
    const row = await lockAssignment(tx, actor, id);
    if (!isOpen(row.state)) throw new AppError('INVALID_TRANSITION', 'Không thể đổi hạn của nhiệm vụ đã hoàn thành hoặc đã hủy.');
    return updateAssignment(tx, actor, row, dueChange(row, input.due, today), 'assignment.deadline_changed', { reason: input.reason });
  });
}
