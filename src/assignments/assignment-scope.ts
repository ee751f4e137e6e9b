/**
 * Which assignments an actor may see, as SQL: the one definition used by the list, the single
 * reads (and every action, which loads through them), the item overview, the attachments and the
 * history. Readers of the whole province see everything; an agency officer sees the tasks their
 * agency leads (chủ trì) or supports (phối hợp), and those it led before a reassignment (read
 * only: a past month's report lists them under that agency, and its drill-down must open them).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../auth/actor';
import { agencyScope } from '../auth/policy';

/** How an agency stands to a task: it leads it, or it is named to support it. */
export const AGENCY_ROLES = ['lead', 'support'] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];

type Column = AnyPgColumn | SQL;

/** `supports` (the jsonb id array) names `agencyId`; answered by the GIN index of migration 0008. */
export function supportsSql(supports: Column, agencyId: string): SQL {
  return sql`${supports} @> ${JSON.stringify([agencyId])}::jsonb`;
}

/** The condition an assignment row must meet for `actor` to see it, or null when they see all. */
export function visibleToSql(actor: Actor, lead: Column, supports: Column, formerLeads?: Column): SQL | null {
  const scope = agencyScope(actor);
  if (scope === null) return null;
  const former = formerLeads ? sql` or ${formerLeads} @> ${JSON.stringify([{ from: scope }])}::jsonb` : sql``;
  return sql`(${lead} = ${scope} or ${supportsSql(supports, scope)}${former})`;
}

/** The same rule on a loaded row, for code that already holds it (the actions policy). */
export function roleOfAgency(agencyId: string | null, row: { agencyId: string; supportAgencyIds: string[] }): AgencyRole | null {
  if (!agencyId) return null;
  if (row.agencyId === agencyId) return 'lead';
  return row.supportAgencyIds.includes(agencyId) ? 'support' : null;
}
