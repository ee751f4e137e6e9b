import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { AppError } from '../../shared/errors';
import { progressReports } from '../assignments.schema';
import { applyAction, lockAssignment } from '../assignment-access';
import { todayInVietnam } from '../../shared/dates';
import { MAIL_OFF, notifyLeadAgency, type MailSwitch } from '../../notifications/notify';
import { completionReviewedNotice } from '../../notifications/notices';

/**
 * The office accepts a completion report (the task is done, dated by that report) or returns it
 * (the task goes back to in progress, with the reason for the agency).
 */
export async function reviewCompletion(
  db: Db,
  actor: Actor,
  id: string,
  input: { decision: 'accept' | 'return'; note?: string },
  today: string = todayInVietnam(),
  mail: MailSwitch = MAIL_OFF,
) {
  authorize(actor, 'review_completion');
  if (input.decision === 'return' && !input.note?.trim()) throw new AppError('VALIDATION', 'Cần nêu lý do trả lại.');
  return db.transaction(async (tx) => {
    const row = await lockAssignment(tx, actor, id);
    const [report] = await tx
      .select()
      .from(progressReports)
      .where(and(eq(progressReports.assignmentId, id), eq(progressReports.kind, 'completion'), eq(progressReports.reviewStatus, 'pending')))
      .orderBy(desc(progressReports.createdAt))
      .limit(1);
    if (!report) throw new AppError('INVALID_TRANSITION', 'Nhiệm vụ không có báo cáo hoàn thành đang chờ duyệt.');
    await tx
      .update(progressReports)
      .set({ reviewStatus: input.decision === 'accept' ? 'accepted' : 'returned', reviewNote: input.note ?? null, reviewedBy: actor.id })
      .where(eq(progressReports.id, report.id));
    let updated;
    if (input.decision === 'accept') {
      updated = await applyAction(tx, actor, row, 'accept', { completedOn: report.reportedOn, acceptedAt: new Date(), acceptedOn: today, outlook: null }, { reportId: report.id, note: input.note ?? null });
    } else {
      // Back to what the agency last reported itself (0 when it never reported a percent): the
      // screen must not show a figure nobody gave. The forecast stays cleared until the next report.
      const [last] = await tx
        .select({ percent: progressReports.percent })
        .from(progressReports)
        .where(and(eq(progressReports.assignmentId, id), eq(progressReports.kind, 'progress'), isNotNull(progressReports.percent)))
        .orderBy(desc(progressReports.createdAt))
        .limit(1);
      updated = await applyAction(tx, actor, row, 'return', { progressPercent: last?.percent ?? 0, outlook: null }, { reportId: report.id, note: input.note });
    }
    // The lead agency learns the outcome with the change itself (same transaction).
    await notifyLeadAgency(tx, id, (t) => completionReviewedNotice(t, input.decision, input.note), mail);
    return updated;
  });
}
