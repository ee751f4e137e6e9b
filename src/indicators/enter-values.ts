/**
 * Entering indicator figures — from the screen, an .xlsx file or an accepted proposal — in one
 * transaction with one event per indicator. Every row is checked first: a batch with a wrong row
 * writes nothing and the answer lists every problem with its row.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { canEnterIndicatorValue } from '../auth/policy';
import { AppError, forbidden } from '../shared/errors';
import { recordEvents, type EventInput } from '../events/record-event';
import { agencies } from '../directory/directory.schema';
import { indicators, indicatorValues, type ValueSource } from './indicators.schema';
import { isPeriod, PERIOD_EXAMPLE, PERIOD_KIND_VI } from './periods';

export interface ValueRow {
  indicatorId: string;
  period: string;
  /** null: the whole province. */
  agencyId: string | null;
  /** null removes the figure. */
  value: number | null;
  /** How the row is named in error messages ("Dòng 5"); defaults to its position. */
  label?: string;
}

export interface EnterOptions {
  source: ValueSource;
  documentId?: string | null;
  sourceText?: string | null;
}

export async function enterIndicatorValues(db: Db, actor: Actor, rows: ValueRow[], opts: EnterOptions) {
  return db.transaction((tx) => writeIndicatorValues(tx, actor, rows, opts));
}

export async function writeIndicatorValues(tx: DbOrTx, actor: Actor, rows: ValueRow[], opts: EnterOptions) {
  if (!rows.length) throw new AppError('VALIDATION', 'Chưa có số liệu nào để lưu.');
  const ids = [...new Set(rows.map((r) => r.indicatorId))];
  const found = new Map((await tx.select().from(indicators).where(inArray(indicators.id, ids))).map((i) => [i.id, i]));
  const agencyIds = [...new Set(rows.map((r) => r.agencyId).filter((a): a is string => !!a))];
  const knownAgencies = new Set(agencyIds.length ? (await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, agencyIds))).map((a) => a.id) : []);

  const errors: string[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const label = r.label ?? `Dòng ${i + 1}`;
    const ind = found.get(r.indicatorId);
    if (!ind) return void errors.push(`${label}: không tìm thấy chỉ tiêu.`);
    if (!isPeriod(ind.periodKind, r.period)) errors.push(`${label}: kỳ "${r.period}" không đúng dạng kỳ ${PERIOD_KIND_VI[ind.periodKind]} của chỉ tiêu "${ind.name}" (ví dụ ${PERIOD_EXAMPLE[ind.periodKind]}).`);
    if (r.agencyId && !knownAgencies.has(r.agencyId)) errors.push(`${label}: cơ quan/xã không có trong danh mục.`);
    if (r.value !== null && !Number.isFinite(r.value)) errors.push(`${label}: giá trị phải là một số.`);
    const key = `${r.indicatorId}|${r.period}|${r.agencyId ?? ''}`;
    if (seen.has(key)) errors.push(`${label}: trùng chỉ tiêu, kỳ và cơ quan với một dòng trước.`);
    seen.add(key);
  });
  if (errors.length) throw new AppError('VALIDATION', `Số liệu chỉ tiêu không hợp lệ:\n- ${errors.join('\n- ')}`, { errors });
  for (const [i, r] of rows.entries()) {
    const ind = found.get(r.indicatorId)!;
    if (!canEnterIndicatorValue(actor, ind.ownerAgencyId, r.agencyId)) {
      throw forbidden(`${r.label ?? `Dòng ${i + 1}`}: bạn chỉ được nhập số liệu của cơ quan mình (hoặc số toàn tỉnh của chỉ tiêu do cơ quan mình chủ trì).`);
    }
  }

  const saved: { id: string; indicatorId: string; period: string; agencyId: string | null; value: number }[] = [];
  const byIndicator = new Map<string, { before: unknown[]; after: unknown[] }>();
  for (const r of rows) {
    const where = and(eq(indicatorValues.indicatorId, r.indicatorId), eq(indicatorValues.period, r.period), r.agencyId ? eq(indicatorValues.agencyId, r.agencyId) : isNull(indicatorValues.agencyId));
    const [old] = await tx.select({ value: indicatorValues.value }).from(indicatorValues).where(where).for('update');
    const log = byIndicator.get(r.indicatorId) ?? { before: [], after: [] };
    byIndicator.set(r.indicatorId, log);
    if (old) log.before.push({ period: r.period, agencyId: r.agencyId, value: old.value });
    if (r.value === null) {
      if (old) await tx.delete(indicatorValues).where(where);
      log.after.push({ period: r.period, agencyId: r.agencyId, value: null });
      continue;
    }
    const fields = { value: r.value, source: opts.source, documentId: opts.documentId ?? null, sourceText: opts.sourceText ?? null, enteredBy: actor.id, enteredAt: new Date() };
    const [row] = await tx
      .insert(indicatorValues)
      .values({ indicatorId: r.indicatorId, period: r.period, agencyId: r.agencyId, ...fields })
      .onConflictDoUpdate({ target: [indicatorValues.indicatorId, indicatorValues.period, indicatorValues.agencyId], set: fields })
      .returning({ id: indicatorValues.id });
    saved.push({ id: row.id, indicatorId: r.indicatorId, period: r.period, agencyId: r.agencyId, value: r.value });
    log.after.push({ period: r.period, agencyId: r.agencyId, value: r.value });
  }
  const events: EventInput[] = [...byIndicator].map(([indicatorId, log]) => ({
    action: 'indicator.values_entered',
    entity: 'indicator',
    entityId: indicatorId,
    agencyId: actor.role === 'agency' ? actor.agencyId : null,
    documentId: opts.documentId ?? null,
    before: log.before,
    after: { source: opts.source, values: log.after },
  }));
  await recordEvents(tx, actor, events);
  return { saved, removed: rows.filter((r) => r.value === null).length };
}
