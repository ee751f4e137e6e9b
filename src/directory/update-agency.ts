/** Changes an agency; `aliases`, when sent, replace the old ones. One transaction, with the event. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { notFound } from '../shared/errors';
import { recordEvent } from '../events/record-event';
import { agencies, agencyAliases } from './directory.schema';
import { nameKey } from './directory-index';
import { agencyView } from './directory-queries';
import type { AgencyInput } from './create-agency';

export async function updateAgency(opts: { db: Db; actor: Actor; id: string; changes: Partial<AgencyInput> }) {
  const { db, actor, id } = opts;
  authorize(actor, 'manage_directory');
  const { aliases, ...values } = opts.changes;
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id)).for('update');
    if (!locked) throw notFound('cơ quan');
    const before = await agencyView(tx, id);
    if (Object.keys(values).length) await tx.update(agencies).set(values).where(eq(agencies.id, id));
    if (aliases) {
      await tx.delete(agencyAliases).where(eq(agencyAliases.agencyId, id));
      for (const alias of new Set(aliases)) await tx.insert(agencyAliases).values({ agencyId: id, alias, key: nameKey(alias) }).onConflictDoNothing();
    }
    const after = await agencyView(tx, id);
    await recordEvent(tx, actor, { action: 'agency.updated', entity: 'agency', entityId: id, agencyId: id, before, after });
    return after;
  });
}
