/**
 * Creating and changing an indicator of the catalogue, with its targets, in one transaction with
 * its event. Only the office (and admins) keep the catalogue.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { AppError, notFound } from '../shared/errors';
import { recordEvent } from '../events/record-event';
import { agencies } from '../directory/directory.schema';
import { indicators, indicatorTargets, indicatorValues, type Direction } from './indicators.schema';
import { isPeriod, PERIOD_EXAMPLE, PERIOD_KINDS, PERIOD_KIND_VI, type PeriodKind } from './periods';

export interface TargetInput {
  period: string;
  /** null removes the period's target. */
  value: number | null;
  note?: string | null;
}

export interface IndicatorInput {
  code: string;
  name: string;
  unit: string;
  periodKind: PeriodKind;
  ownerAgencyId?: string | null;
  direction?: Direction;
  note?: string | null;
  targets?: TargetInput[];
}

export type IndicatorPatch = Partial<IndicatorInput>;

const CODE = /^[A-Za-z0-9_.-]{1,40}$/;

function invalid(errors: string[]): AppError {
  return new AppError('VALIDATION', `Chỉ tiêu không hợp lệ:\n- ${errors.join('\n- ')}`, { errors });
}

async function check(tx: DbOrTx, input: IndicatorPatch, kind: PeriodKind, selfId: string | null): Promise<void> {
  const errors: string[] = [];
  if (input.code !== undefined && !CODE.test(input.code)) errors.push('Mã chỉ tiêu chỉ gồm chữ không dấu, số, "_", "-", "." (tối đa 40 ký tự).');
  if (input.name !== undefined && !input.name.trim()) errors.push('Tên chỉ tiêu không được để trống.');
  if (input.unit !== undefined && !input.unit.trim()) errors.push('Đơn vị tính không được để trống.');
  if (!PERIOD_KINDS.includes(kind)) errors.push('Kỳ báo cáo phải là tháng, quý, 6 tháng hoặc năm.');
  for (const t of input.targets ?? []) {
    if (!isPeriod(kind, t.period)) errors.push(`Kỳ "${t.period}" không đúng dạng kỳ ${PERIOD_KIND_VI[kind]} (ví dụ ${PERIOD_EXAMPLE[kind]}).`);
    if (t.value !== null && !Number.isFinite(t.value)) errors.push(`Kế hoạch kỳ ${t.period} phải là một số.`);
  }
  if (input.ownerAgencyId) {
    const [a] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.ownerAgencyId));
    if (!a) errors.push('Cơ quan chủ trì không có trong danh mục.');
  }
  if (errors.length) throw invalid(errors);
  if (input.code !== undefined) {
    const same = await tx
      .select({ id: indicators.id })
      .from(indicators)
      .where(selfId ? and(eq(indicators.code, input.code), ne(indicators.id, selfId)) : eq(indicators.code, input.code));
    if (same.length) throw new AppError('CONFLICT', `Mã chỉ tiêu "${input.code}" đã được dùng cho một chỉ tiêu khác.`);
  }
}

async function writeTargets(tx: DbOrTx, indicatorId: string, targets: TargetInput[]): Promise<void> {
  const drop = targets.filter((t) => t.value === null).map((t) => t.period);
  if (drop.length) await tx.delete(indicatorTargets).where(and(eq(indicatorTargets.indicatorId, indicatorId), inArray(indicatorTargets.period, drop)));
  for (const t of targets) {
    if (t.value === null) continue;
    await tx
      .insert(indicatorTargets)
      .values({ indicatorId, period: t.period, value: t.value, note: t.note ?? null })
      .onConflictDoUpdate({ target: [indicatorTargets.indicatorId, indicatorTargets.period], set: { value: t.value, note: t.note ?? null } });
  }
}

export async function loadTargets(tx: DbOrTx, indicatorId: string) {
  return tx.select({ period: indicatorTargets.period, value: indicatorTargets.value, note: indicatorTargets.note }).from(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicatorId)).orderBy(indicatorTargets.period);
}

export async function createIndicator(db: Db, actor: Actor, input: IndicatorInput) {
  authorize(actor, 'manage_indicators');
  return db.transaction((tx) => insertIndicator(tx, actor, input));
}

/** Creates an indicator inside the caller's transaction (accepting a proposal creates one). */
export async function insertIndicator(tx: DbOrTx, actor: Actor, input: IndicatorInput) {
  authorize(actor, 'manage_indicators');
  {
    await check(tx, input, input.periodKind, null);
    const [row] = await tx
      .insert(indicators)
      .values({
        code: input.code,
        name: input.name.trim(),
        unit: input.unit.trim(),
        periodKind: input.periodKind,
        ownerAgencyId: input.ownerAgencyId ?? null,
        direction: input.direction ?? 'higher',
        note: input.note ?? null,
      })
      .returning();
    if (input.targets?.length) await writeTargets(tx, row.id, input.targets);
    await recordEvent(tx, actor, { action: 'indicator.created', entity: 'indicator', entityId: row.id, agencyId: row.ownerAgencyId, after: { ...row, targets: input.targets ?? [] } });
    return row;
  }
}

export async function updateIndicator(db: Db, actor: Actor, id: string, patch: IndicatorPatch) {
  authorize(actor, 'manage_indicators');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(indicators).where(eq(indicators.id, id)).for('update');
    if (!before) throw notFound('chỉ tiêu');
    const kind = patch.periodKind ?? before.periodKind;
    await check(tx, patch, kind, id);
    if (patch.periodKind && patch.periodKind !== before.periodKind) {
      const [v] = await tx.select({ id: indicatorValues.id }).from(indicatorValues).where(eq(indicatorValues.indicatorId, id)).limit(1);
      const [t] = await tx.select({ p: indicatorTargets.period }).from(indicatorTargets).where(eq(indicatorTargets.indicatorId, id)).limit(1);
      if (v || t) throw new AppError('CONFLICT', 'Không đổi được kỳ báo cáo khi chỉ tiêu đã có số liệu hoặc kế hoạch.');
    }
    const beforeTargets = await loadTargets(tx, id);
    const { targets, ...fields } = patch;
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const [after] = await tx
      .update(indicators)
      .set({ ...set, ...(fields.name ? { name: fields.name.trim() } : {}), ...(fields.unit ? { unit: fields.unit.trim() } : {}), updatedAt: new Date() })
      .where(eq(indicators.id, id))
      .returning();
    if (targets?.length) await writeTargets(tx, id, targets);
    await recordEvent(tx, actor, {
      action: 'indicator.updated',
      entity: 'indicator',
      entityId: id,
      agencyId: after.ownerAgencyId,
      before: { ...before, targets: beforeTargets },
      after: { ...after, targets: await loadTargets(tx, id) },
    });
    return after;
  });
}
