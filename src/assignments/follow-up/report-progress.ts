import type { Db } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { AppError } from '../../shared/errors';
import { progressReports } from '../assignments.schema';
import { applyAction, lockAssignment, type AssignmentRow } from '../assignment-access';
import { requireAllowed } from '../assignment-actions';
import type { Outlook } from '../state-machine';
import { dueChange } from '../buckets';
import { dueAfterPeriodicReport, parseRecurrence } from '../recurrence';
import { checkFiles, storeAttachments, type FileInput } from './attachments';

export interface ProgressInput {
  text: string;
  percent?: number;
  outlook?: Outlook;
  outlookReason?: string;
  files?: FileInput[];
}

/** Tiếp nhận: the agency confirms it has received the assignment. */
export async function receiveAssignment(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const row = await lockAssignment(tx, actor, id);
    requireAllowed(actor, row, 'receive');
    return applyAction(tx, actor, row, 'receive', { receivedAt: new Date() });
  });
}

/**
 * A report (progress or completion) by the lead agency: the report row, its files and the state
 * change, in one transaction.
 */
async function fileReport(
  db: Db,
  actor: Actor,
  id: string,
  action: 'report_progress' | 'report_completion',
  report: Omit<typeof progressReports.$inferInsert, 'assignmentId' | 'authorId'>,
  files: FileInput[],
  changes: (row: AssignmentRow) => Partial<AssignmentRow>,
) {
  const checked = await checkFiles(files);
  return db.transaction(async (tx) => {
    const row = await lockAssignment(tx, actor, id);
    requireAllowed(actor, row, action);
    const [saved] = await tx.insert(progressReports).values({ ...report, assignmentId: id, authorId: actor.id }).returning();
    const stored = await storeAttachments(tx, actor, id, { reportId: saved.id }, checked);
    const assignment = await applyAction(
      tx,
      actor,
      row,
      action,
      { ...changes(row), lastReportAt: new Date(), receivedAt: row.receivedAt ?? new Date() },
      { reportId: saved.id, attachments: stored.length },
    );
    return { assignment, report: saved, attachments: stored };
  });
}

export async function reportProgress(db: Db, actor: Actor, id: string, input: ProgressInput, today: string) {
  if (!input.text?.trim()) throw new AppError('VALIDATION', 'Cần nội dung báo cáo tiến độ.');
  if (input.percent !== undefined && (input.percent < 0 || input.percent > 100)) throw new AppError('VALIDATION', 'Tỷ lệ hoàn thành phải từ 0 đến 100.');
  if (input.outlook && input.outlook !== 'on_track' && !input.outlookReason?.trim()) {
    throw new AppError('VALIDATION', 'Khi nhiệm vụ có nguy cơ chậm hoặc chậm tiến độ, cần nêu lý do.');
  }
  const report = {
    kind: 'progress' as const,
    text: input.text.trim(),
    percent: input.percent ?? null,
    outlook: input.outlook ?? null,
    outlookReason: input.outlookReason ?? null,
    reportedOn: today,
  };
  return fileReport(db, actor, id, 'report_progress', report, input.files ?? [], (row) => {
    // A recurring duty's report closes its period: the deadline moves to the next occurrence.
    const recurrence = parseRecurrence(row.recurrence);
    const nextDue = recurrence ? dueAfterPeriodicReport(recurrence, row.due, today) : undefined;
    return {
      progressPercent: input.percent ?? row.progressPercent,
      outlook: input.outlook ?? row.outlook,
      ...(nextDue !== undefined ? dueChange(row, nextDue, today) : {}),
    };
  });
}

export async function reportCompletion(db: Db, actor: Actor, id: string, input: { text: string; files?: FileInput[] }, today: string) {
  if (!input.text?.trim()) throw new AppError('VALIDATION', 'Cần nội dung báo cáo kết quả hoàn thành.');
  const report = { kind: 'completion' as const, text: input.text.trim(), percent: 100, reportedOn: today, reviewStatus: 'pending' as const };
  // "Done" replaces any forecast: a risk marker never stands next to a completion.
  return fileReport(db, actor, id, 'report_completion', report, input.files ?? [], () => ({ progressPercent: 100, outlook: null }));
}
