/**
 * The reader's proposals for one notice, and the person's decision on each. Reading stores
 * pending proposals only; accepting one (as read, or edited) writes the value — and, when asked,
 * a new catalogue entry — in the same transaction as the proposal's new state and its event.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { AppError, notFound } from '../shared/errors';
import { recordEvent } from '../events/record-event';
import { documents } from '../documents/documents.schema';
import { indicatorProposals } from './indicators.schema';
import { proposeIndicators } from './propose-indicators';
import { insertIndicator, type IndicatorInput } from './save-indicator';
import { writeIndicatorValues } from './enter-values';

export type ProposalRow = typeof indicatorProposals.$inferSelect;

export async function listProposals(db: Db, documentId: string): Promise<ProposalRow[]> {
  return db.select().from(indicatorProposals).where(eq(indicatorProposals.documentId, documentId)).orderBy(asc(indicatorProposals.startOffset));
}

/** Reads the notice's assessment part and stores what it proposes; a second read adds only new figures. */
export async function proposeFromDocument(db: Db, actor: Actor, documentId: string) {
  authorize(actor, 'manage_indicators');
  return db.transaction(async (tx) => {
    const [doc] = await tx.select({ id: documents.id, text: documents.text }).from(documents).where(eq(documents.id, documentId));
    if (!doc) throw notFound('văn bản');
    const found = proposeIndicators(doc.text);
    const inserted = found.length
      ? await tx
          .insert(indicatorProposals)
          .values(
            found.map((p) => ({
              documentId,
              startOffset: p.start,
              endOffset: p.end,
              name: p.name,
              value: p.value,
              unit: p.unit,
              comparison: p.comparison,
              qualifier: p.qualifier,
              sourceText: p.text,
            })),
          )
          .onConflictDoNothing()
          .returning({ id: indicatorProposals.id })
      : [];
    await recordEvent(tx, actor, { action: 'document.indicators_read', entity: 'document', entityId: documentId, documentId, after: { found: found.length, added: inserted.length } });
    return { found: found.length, added: inserted.length };
  });
}

export interface AcceptInput {
  /** An indicator of the catalogue, or `newIndicator` to create one with this value. */
  indicatorId?: string;
  newIndicator?: IndicatorInput;
  period: string;
  agencyId?: string | null;
  /** The value as corrected by the reviewer; the proposal's value when absent. */
  value?: number;
}

async function pending(tx: Parameters<Parameters<Db['transaction']>[0]>[0], id: string) {
  const [p] = await tx.select().from(indicatorProposals).where(eq(indicatorProposals.id, id)).for('update');
  if (!p) throw notFound('đề xuất chỉ tiêu');
  if (p.status !== 'pending') throw new AppError('INVALID_TRANSITION', `Đề xuất này đã được ${p.status === 'accepted' ? 'chấp nhận' : 'bỏ qua'}.`);
  return p;
}

export async function acceptProposal(db: Db, actor: Actor, id: string, input: AcceptInput) {
  authorize(actor, 'manage_indicators');
  if (!!input.indicatorId === !!input.newIndicator) throw new AppError('VALIDATION', 'Chọn một chỉ tiêu có sẵn (indicatorId) hoặc tạo chỉ tiêu mới (newIndicator), không cả hai.');
  return db.transaction(async (tx) => {
    const p = await pending(tx, id);
    const indicatorId = input.indicatorId ?? (await insertIndicator(tx, actor, input.newIndicator!)).id;
    const value = input.value ?? p.value;
    const { saved } = await writeIndicatorValues(tx, actor, [{ indicatorId, period: input.period, agencyId: input.agencyId ?? null, value, label: `Đề xuất "${p.sourceText}"` }], {
      source: 'notice',
      documentId: p.documentId,
      sourceText: p.sourceText,
    });
    const [after] = await tx
      .update(indicatorProposals)
      .set({ status: 'accepted', indicatorId, valueId: saved[0].id, decidedBy: actor.id, decidedAt: new Date() })
      .where(and(eq(indicatorProposals.id, id), eq(indicatorProposals.status, 'pending')))
      .returning();
    await recordEvent(tx, actor, {
      action: 'indicator_proposal.accepted',
      entity: 'indicator_proposal',
      entityId: id,
      documentId: p.documentId,
      before: { status: 'pending', value: p.value },
      after: { status: 'accepted', indicatorId, period: input.period, agencyId: input.agencyId ?? null, value, edited: value !== p.value },
    });
    return after;
  });
}

export async function rejectProposal(db: Db, actor: Actor, id: string) {
  authorize(actor, 'manage_indicators');
  return db.transaction(async (tx) => {
    const p = await pending(tx, id);
    const [after] = await tx.update(indicatorProposals).set({ status: 'rejected', decidedBy: actor.id, decidedAt: new Date() }).where(eq(indicatorProposals.id, id)).returning();
    await recordEvent(tx, actor, { action: 'indicator_proposal.rejected', entity: 'indicator_proposal', entityId: id, documentId: p.documentId, before: { status: 'pending' }, after: { status: 'rejected' } });
    return after;
  });
}
