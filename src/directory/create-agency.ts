/** Adds an agency and its aliases, with the event, in one transaction. */
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { recordEvent } from '../events/record-event';
import { agencies, agencyAliases, type AgencyKind } from './directory.schema';
import { nameKey } from './directory-index';
import { agencyView } from './directory-queries';

export interface AgencyInput {
  code: string;
  name: string;
  shortName?: string | null;
  kind: AgencyKind;
  email?: string | null;
  aliases?: string[];
  parentId?: string | null;
  successorId?: string | null;
  validTo?: string | null;
}

export async function createAgency(opts: { db: Db; actor: Actor; agency: AgencyInput }) {
  const { db, actor } = opts;
  authorize(actor, 'manage_directory');
  const { aliases = [], ...values } = opts.agency;
  return db.transaction(async (tx) => {
    const [a] = await tx.insert(agencies).values(values).returning({ id: agencies.id });
    for (const alias of new Set(aliases)) await tx.insert(agencyAliases).values({ agencyId: a.id, alias, key: nameKey(alias) }).onConflictDoNothing();
    const after = await agencyView(tx, a.id);
    await recordEvent(tx, actor, { action: 'agency.created', entity: 'agency', entityId: a.id, agencyId: a.id, after });
    return after;
  });
}
