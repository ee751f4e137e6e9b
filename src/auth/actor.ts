import type { Role } from './auth.schema';

/** Who is doing something: a signed-in user, an API token's user, or dondoc itself. */
export interface Actor {
  id: string | null;
  name: string;
  role: Role;
  agencyId: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'dondoc', role: 'admin', agencyId: null };
