/** What the sign-in, user and token routes send, as response schemas (they also serialize, so they must be whole). */
import { Type } from 'typebox';
import { Nullable, StringEnum, Timestamp, Uuid } from '../http/schemas';
import { CHANNELS, ROLES } from './auth.schema';

/** A user as others may see it: never the password hash. */
export const UserOut = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  email: Nullable(Type.String()),
  role: StringEnum(ROLES),
  agencyId: Nullable(Uuid),
  sectors: Nullable(Type.String()),
  channels: Type.Array(StringEnum(CHANNELS)),
  active: Type.Boolean(),
  createdAt: Timestamp,
});

/** A leader as every signed-in user sees them (the "leader in charge" picker). */
export const LeaderOut = Type.Object({ id: Uuid, displayName: Type.String(), role: StringEnum(ROLES), sectors: Nullable(Type.String()) });

export const ActorOut = Type.Object({ id: Nullable(Uuid), name: Type.String(), role: StringEnum(ROLES), agencyId: Nullable(Uuid) });

/** The signed-in user, with their agency's name and how the server sees them. */
export const MeOut = Type.Object({ ...UserOut.properties, agencyName: Nullable(Type.String()), actor: ActorOut });

/** The CSRF token is null for a caller using an API token (no cookie, nothing to forge). */
export const SessionOut = Type.Object({ user: MeOut, csrfToken: Nullable(Type.String()) });

/** Admins and the office get whole users; everyone else only the leaders' public fields. */
export const UserList = Type.Object({
  items: Type.Array(
    Type.Object({
      ...LeaderOut.properties,
      username: Type.Optional(Type.String()),
      email: Type.Optional(Nullable(Type.String())),
      agencyId: Type.Optional(Nullable(Uuid)),
      channels: Type.Optional(Type.Array(StringEnum(CHANNELS))),
      active: Type.Optional(Type.Boolean()),
      createdAt: Type.Optional(Timestamp),
    }),
  ),
});

export const TokenOut = Type.Object({ id: Uuid, name: Type.String(), userId: Uuid, createdAt: Timestamp, lastUsedAt: Nullable(Timestamp) });
export const TokenList = Type.Object({ items: Type.Array(TokenOut) });
export const NewToken = Type.Object({ id: Uuid, token: Type.String({ description: 'Chỉ hiển thị một lần; máy chủ chỉ giữ mã băm.' }) });
