/**
 * A supporting agency (phối hợp) posts its contribution to a task it does not lead: text and
 * files, which the lead agency and the office read in the task's history. The contribution, its
 * files and the `contribution.posted` event are written in one transaction; the task's state and
 * progress do not move (reporting stays the lead agency's).
 */
import type { Db } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { AppError } from '../../shared/errors';
import { recordEvent } from '../../events/record-event';
import { contributions } from '../assignments.schema';
import { lockAssignment } from '../assignment-access';
import { requireAllowed } from '../assignment-actions';
import { STATE_LABELS, isOpen } from '../state-machine';
import { agencies } from '../../directory/directory.schema';
import { MAIL_OFF, notifyContributionPosted, type MailSwitch } from '../../notifications/notify';
import { eq } from 'drizzle-orm';
import { checkFiles, storeAttachments, type FileInput } from './attachments';

export async function postContribution(db: Db, actor: Actor, id: string, input: { text: string; files?: FileInput[] }, mail: MailSwitch = MAIL_OFF) {
  const text = input.text?.trim();
  if (!text) throw new AppError('VALIDATION', 'Cần nội dung ý kiến phối hợp.', { field: 'text' });
  const checked = await checkFiles(input.files ?? []);
  return db.transaction(async (tx) => {
    // Locked so that a cancellation or acceptance in flight is seen before writing to the task.
    const row = await lockAssignment(tx, actor, id);
    requireAllowed(actor, row, 'contribute');
    if (!isOpen(row.state)) {
      throw new AppError('INVALID_TRANSITION', `Không thể gửi ý kiến phối hợp cho nhiệm vụ đang ở trạng thái "${STATE_LABELS[row.state]}".`);
    }
    // requireAllowed let only an officer of a supporting agency through: agencyId is set.
    const agencyId = actor.agencyId!;
    const [saved] = await tx.insert(contributions).values({ assignmentId: id, agencyId, authorId: actor.id, text }).returning();
    const stored = await storeAttachments(tx, actor, id, { contributionId: saved.id }, checked);
    await recordEvent(tx, actor, {
      action: 'contribution.posted',
      entity: 'contribution',
      entityId: saved.id,
      assignmentId: id,
      // The history of a task is filed under its lead agency, whose officers must see it.
      agencyId: row.agencyId,
      documentId: row.documentId,
      after: { contributionId: saved.id, fromAgencyId: agencyId, attachments: stored.length },
    });
    // The lead agency is told, in the same transaction: a contribution nobody hears of helps no one.
    const [from] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId));
    await notifyContributionPosted(tx, { assignmentId: id, contributorAgencyName: from?.name ?? '', text }, mail);
    return { contribution: saved, attachments: stored };
  });
}
