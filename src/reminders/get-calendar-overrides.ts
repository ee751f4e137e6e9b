/** The admin's holiday overrides (null when none were saved) and the decisions shipped with dondoc. */
import type { DbOrTx } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { defaultOverrides } from '../calendar';
import { loadOverrides } from './reminder-settings';

export async function getCalendarOverrides(opts: { db: DbOrTx; actor: Actor }) {
  authorize(opts.actor, 'manage_settings');
  return { overrides: await loadOverrides(opts.db), defaults: defaultOverrides };
}
