/**
 * Reading the catalogue and an indicator's figures. Everyone signed in reads the catalogue and the
 * province's figures; an agency officer sees, besides, only their own agency's figures.
 */
import { and, eq, isNull, or, asc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { agencyScope } from '../auth/policy';
import { AppError, notFound } from '../shared/errors';
import { agencies } from '../directory/directory.schema';
import { indicators, indicatorTargets, indicatorValues } from './indicators.schema';
import { buildSeries } from './chart-series';

export async function listIndicators(db: DbOrTx) {
  const rows = await db
    .select({
      id: indicators.id,
      code: indicators.code,
      name: indicators.name,
      unit: indicators.unit,
      periodKind: indicators.periodKind,
      ownerAgencyId: indicators.ownerAgencyId,
      ownerAgencyName: agencies.name,
      direction: indicators.direction,
      note: indicators.note,
    })
    .from(indicators)
    .leftJoin(agencies, eq(agencies.id, indicators.ownerAgencyId))
    .orderBy(asc(indicators.code));
  const targets = await db.select().from(indicatorTargets);
  const values = await db.select({ indicatorId: indicatorValues.indicatorId, period: indicatorValues.period, value: indicatorValues.value }).from(indicatorValues).where(isNull(indicatorValues.agencyId));
  return rows.map((r) => {
    const mine = values.filter((v) => v.indicatorId === r.id).sort((a, b) => b.period.localeCompare(a.period));
    const latest = mine[0] ?? null;
    const target = latest ? (targets.find((t) => t.indicatorId === r.id && t.period === latest.period)?.value ?? null) : null;
    return { ...r, latest: latest ? { period: latest.period, value: latest.value, target } : null };
  });
}

export async function getIndicator(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ indicator: indicators, ownerAgencyName: agencies.name })
    .from(indicators)
    .leftJoin(agencies, eq(agencies.id, indicators.ownerAgencyId))
    .where(eq(indicators.id, id));
  if (!row) throw notFound('chỉ tiêu');
  return { ...row.indicator, ownerAgencyName: row.ownerAgencyName };
}

/** The figures an actor may read: the province's, and every agency's or only their own. */
export async function readValues(db: DbOrTx, actor: Actor, indicatorId: string) {
  const scope = agencyScope(actor);
  const visible = scope === null ? undefined : or(isNull(indicatorValues.agencyId), eq(indicatorValues.agencyId, scope));
  return db
    .select({
      id: indicatorValues.id,
      period: indicatorValues.period,
      agencyId: indicatorValues.agencyId,
      agencyName: agencies.name,
      value: indicatorValues.value,
      source: indicatorValues.source,
      documentId: indicatorValues.documentId,
      sourceText: indicatorValues.sourceText,
      enteredAt: indicatorValues.enteredAt,
    })
    .from(indicatorValues)
    .leftJoin(agencies, eq(agencies.id, indicatorValues.agencyId))
    .where(and(eq(indicatorValues.indicatorId, indicatorId), visible))
    .orderBy(asc(indicatorValues.period), sql`${agencies.name} asc nulls first`);
}

/** The chart rows of one indicator for the province (agencyId null) or one agency. */
export async function indicatorSeries(db: DbOrTx, actor: Actor, indicatorId: string, agencyId: string | null) {
  const indicator = await getIndicator(db, indicatorId);
  const scope = agencyScope(actor);
  if (agencyId && scope !== null && scope !== agencyId) throw new AppError('FORBIDDEN', 'Bạn chỉ xem được số liệu của cơ quan mình và của toàn tỉnh.');
  const values = await db
    .select({ period: indicatorValues.period, value: indicatorValues.value })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorId, indicatorId), agencyId ? eq(indicatorValues.agencyId, agencyId) : isNull(indicatorValues.agencyId)));
  // Targets are the province's; an agency's chart shows its figures against them only for the province.
  const targets = agencyId ? [] : await db.select().from(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicatorId));
  const rows = buildSeries(indicator.periodKind, indicator.direction, new Map(values.map((v) => [v.period, v.value])), new Map(targets.map((t) => [t.period, t.value])));
  return { indicator, agencyId, rows };
}
