/** What the document routes send, as response schemas (they also serialize, so they must be whole). */
import { Type } from 'typebox';
import { IsoDate, Nullable, StringEnum, Timestamp, Uuid } from '../http/schemas';
import { DOCUMENT_STATUSES } from './documents.schema';
import { CLARITIES } from './six-clarities';

export const AddresseeOut = Type.Object({ name: Type.String(), agencyId: Type.Optional(Nullable(Uuid)), groupId: Type.Optional(Nullable(Uuid)) });

export const ItemOut = Type.Object({
  id: Uuid,
  documentId: Uuid,
  position: Type.Integer(),
  ref: Nullable(Type.String()),
  text: Type.String(),
  startOffset: Nullable(Type.Integer()),
  endOffset: Nullable(Type.Integer()),
  leads: Type.Array(AddresseeOut),
  supports: Type.Array(AddresseeOut),
  due: Nullable(IsoDate),
  dueText: Nullable(Type.String()),
  recurrence: Nullable(Type.String()),
  leaderId: Nullable(Uuid),
  expectedResult: Nullable(Type.String()),
  reportTo: Nullable(Type.String()),
  review: Type.Array(Type.String({ description: 'Điều bộ đọc chưa chắc, cần rà soát (chỉ khi còn là bản nháp).' })),
});

/** A paragraph of a draft's directive part the reader may have missed (review page, "có thể bị bỏ sót"). */
export const MissedParagraph = Type.Object({
  start: Type.Integer({ minimum: 0, description: 'Vị trí ký tự đầu đoạn trong nội dung văn bản' }),
  end: Type.Integer({ minimum: 0 }),
  text: Type.String(),
  lead: Type.Array(Type.String(), { description: 'Các cơ quan được nêu trong đoạn, như in trong văn bản' }),
});

/** A document without its file's bytes; `text` (and the missed paragraphs) only where the whole text is asked for. */
export const DocumentOut = Type.Object({
  id: Uuid,
  kind: Nullable(Type.String()),
  number: Nullable(Type.String()),
  docDate: Nullable(IsoDate),
  issuer: Nullable(Type.String()),
  place: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  signer: Nullable(Type.String()),
  signerTitle: Nullable(Type.String()),
  signingForm: Nullable(Type.String()),
  recipients: Type.Array(Type.String()),
  meetingDate: Nullable(IsoDate),
  chair: Nullable(Type.String()),
  fileName: Nullable(Type.String()),
  fileMime: Nullable(Type.String()),
  status: StringEnum(DOCUMENT_STATUSES),
  createdBy: Nullable(Uuid),
  createdAt: Timestamp,
  publishedAt: Nullable(Timestamp),
  hasFile: Type.Optional(Type.Boolean()),
  text: Type.Optional(Type.String()),
  missed: Type.Optional(Type.Array(MissedParagraph, { description: 'Các đoạn "có thể bị bỏ sót": đọc như một chỉ đạo (động từ hành động, cơ quan được giao) nhưng không thuộc nhiệm vụ nào' })),
  itemCount: Type.Optional(Type.Integer()),
});

export const DocumentList = Type.Object({ items: Type.Array(DocumentOut) });
export const DocumentWithItems = Type.Object({ document: DocumentOut, items: Type.Array(ItemOut) });
export const PublishedOut = Type.Object({ document: DocumentOut, assignments: Type.Integer({ minimum: 0, description: 'Số giao việc đã tạo.' }) });
export const SplitOut = Type.Object({ items: Type.Array(ItemOut) });
export const MergedOut = Type.Object({ item: ItemOut, removedId: Uuid });
export const NameResolvedOut = Type.Object({ name: Type.String(), resolvedAs: AddresseeOut, items: Type.Integer({ minimum: 0 }), itemIds: Type.Array(Uuid) });
export const DraftDeletedOut = Type.Object({ ok: Type.Literal(true), items: Type.Integer({ minimum: 0 }) });

/** What publishing would create, and what stops it (preview-publish.ts). */
export const PublishPreviewOut = Type.Object({
  documentId: Uuid,
  items: Type.Integer({ minimum: 0 }),
  assignments: Type.Integer({ minimum: 0 }),
  canPublish: Type.Boolean(),
  problems: Type.Array(Type.String()),
  byAgency: Type.Array(Type.Object({ agencyId: Uuid, name: Type.String(), assignments: Type.Integer({ minimum: 0 }) })),
  groups: Type.Array(Type.Object({ groupId: Uuid, name: Type.String(), members: Type.Integer({ minimum: 0 }), items: Type.Integer({ minimum: 0 }), assignments: Type.Integer({ minimum: 0 }) })),
  unresolved: Type.Array(Type.Object({ name: Type.String(), role: StringEnum(['lead', 'support'] as const), itemIds: Type.Array(Uuid), refs: Type.Array(Type.String()) })),
  perItem: Type.Array(
    Type.Object({
      itemId: Uuid,
      ref: Type.String(),
      assignments: Type.Integer({ minimum: 0 }),
      agencies: Type.Array(Type.String()),
      unclear: Type.Array(StringEnum(CLARITIES)),
      unclearLabels: Type.Array(Type.String()),
    }),
  ),
});
