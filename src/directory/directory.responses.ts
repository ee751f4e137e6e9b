/** What the directory's routes send, as response schemas (they also serialize, so they must be whole). */
import { Type } from 'typebox';
import { IsoDate, Nullable, StringEnum, Timestamp, Uuid } from '../http/schemas';
import { AGENCY_KINDS } from './directory.schema';

export const AgencyOut = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  kind: StringEnum(AGENCY_KINDS),
  parentId: Nullable(Uuid),
  email: Nullable(Type.String()),
  validFrom: Nullable(IsoDate),
  validTo: Nullable(IsoDate),
  successorId: Nullable(Type.String({ format: 'uuid', description: 'Cơ quan kế thừa (cơ quan đã sáp nhập).' })),
  createdAt: Timestamp,
  aliases: Type.Array(Type.String()),
});

export const GroupOut = Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), aliases: Type.Array(Type.String()), memberIds: Type.Array(Uuid) });

export const AgencyList = Type.Object({ items: Type.Array(AgencyOut) });
export const GroupList = Type.Object({ items: Type.Array(GroupOut) });
export const ImportResult = Type.Object({ agencies: Type.Integer(), groups: Type.Integer() });
