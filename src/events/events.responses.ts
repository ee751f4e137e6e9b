/** What the history route sends, as response schemas. */
import { Type } from 'typebox';
import { Nullable, Timestamp, Uuid } from '../http/schemas';

/** One entry of the history as it is stored; `before`/`after` are its kind's payloads (event-kinds.ts). */
export const EventOut = Type.Object({
  id: Type.Integer(),
  at: Timestamp,
  actorId: Nullable(Uuid),
  actorName: Type.String(),
  action: Type.String({ description: 'Loại sự kiện, ví dụ assignment.completed (event-kinds.ts).' }),
  entity: Type.String(),
  entityId: Type.String(),
  assignmentId: Nullable(Uuid),
  agencyId: Nullable(Uuid),
  documentId: Nullable(Uuid),
  before: Type.Unknown({ description: 'Trạng thái trước thay đổi (JSON), theo loại sự kiện.' }),
  after: Type.Unknown({ description: 'Trạng thái sau thay đổi (JSON), theo loại sự kiện.' }),
});
export const EventPage = Type.Object({ items: Type.Array(EventOut), nextCursor: Nullable(Type.Integer({ description: 'Gửi lại trong `before` để lấy trang sau.' })) });

