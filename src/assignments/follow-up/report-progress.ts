import type { Db } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { AppError } from '../../shared/errors';
import { progressReports } from '../assignments.schema';
import { applyAction, lockAssignment, requireActForAgency } from '../assignment-access';
import type { Outlook } from '../state-machine';
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
    requireActForAgency(actor, row);
    return applyAction(tx, actor, row, 'receive', { receivedAt: new Date() });
  });
}

export async function reportProgress(db: Db, actor: Actor, id: string, input: ProgressInput, today: string) {
  if (!input.text?.trim()) throw new AppError('VALIDATION', 'Cần nội dung báo cáo tiến độ.');
  if (input.percent !== undefined && (input.percent < 0 || input.percent > 100)) throw new AppError('VALIDATION', 'Tỷ lệ hoàn thành phải từ 0 đến 100.');
  if (input.outlook && input.outlook !== 'on_track' && !input.outlookReason?.trim()) {
    throw new AppError('VALIDATION', 'Khi nhiệm vụ có nguy cơ chậm hoặc chậm tiến độ, cần nêu lý do.');
  }
  checkFiles(input.files ?? []);
  return db.transaction(async (tx) => {
    const row = await lockAssignment(tx, actor, id);
    requireActForAgency(actor, row);
    const [report] = await tx
      .insert(progressReports)
      .values({
        assignmentId: id,
        authorId: actor.id,
        kind: 'progress',
        text: input.text.trim(),
        percent: input.percent ?? null,
        outlook: input.outlook ?? null,
        outlookReason: input.outlookReason ?? null,
        reportedOn: today,
      })
      .returning();
    const files = await storeAttachments(tx, actor, id, report.id, input.files ?? []);
    const assignment = await applyAction(
      tx,
      actor,
      row,
      'report_progress',
      {
        progressPercent: input.percent ?? row.progressPercent,
        outlook: input.outlook ?? row.outlook,
        lastReportAt: new Date(),
        receivedAt: row.receivedAt ?? new Date(),
      },
      { reportId: report.id, attachments: files.length },
    );
    return { assignment, report, attachments: files };
  });
}

export async function reportCompletion(db: Db, actor: Actor, id: string, input: { text: string; files?: FileInput[] }, today: string) {
  if (!input.text?.trim()) throw new AppError('VALIDATION', 'Cần nội dung báo cáo kết quả hoàn thành.');
  checkFiles(input.files ?? []);
  return db.transaction(async (tx) => {
    const row = await lockAssignment(tx, actor, id);
    requireActForAgency(actor, row);
    const [report] = await tx
      .insert(progressReports)
      .values({ assignmentId: id, authorId: actor.id, kind: 'completion', text: input.text.trim(), percent: 100, reportedOn: today, reviewStatus: 'pending' })
      .returning();
    const files = await storeAttachments(tx, actor, id, report.id, input.files ?? []);
    const assignment = await applyAction(
      tx,
      actor,
      row,
      'report_completion',
      { progressPercent: 100, lastReportAt: new Date(), receivedAt: row.receivedAt ?? new Date() },
      { reportId: report.id, attachments: files.length },
    );
    return { assignment, report, attachments: files };
  });
}
