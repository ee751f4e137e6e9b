/**
 * What the follow-up routes that change an assignment send back, as response schemas (they also
 * serialize: the folded search text and other internal columns are not sent).
 */
import { Type } from 'typebox';
import { IsoDate, Nullable, StringEnum, Timestamp, Uuid } from '../http/schemas';
import { ASSIGNMENT_STATES, OUTLOOKS } from './state-machine';
import { ASSIGNMENT_ACTIONS } from './assignment-actions';
import { AGENCY_ROLES } from './assignment-scope';
import { AddresseeOut, ItemOut } from '../documents/documents.responses';
import { EventOut } from '../events/events.responses';
import { BUCKETS } from './buckets';
import { REPORT_KINDS } from './assignments.schema';

/** An assignment as it is after the change. */
export const AssignmentOut = Type.Object({
  id: Uuid,
  itemId: Uuid,
  documentId: Uuid,
  agencyId: Uuid,
  supportAgencyIds: Type.Array(Uuid),
  supportNames: Type.Array(Type.String()),
  leaderId: Nullable(Uuid),
  originalDue: Nullable(IsoDate),
  due: Nullable(IsoDate),
  dueText: Nullable(Type.String()),
  state: StringEnum(ASSIGNMENT_STATES),
  receivedAt: Nullable(Timestamp),
  completedOn: Nullable(IsoDate),
  acceptedAt: Nullable(Timestamp),
  cancelledAt: Nullable(Timestamp),
  cancelReason: Nullable(Type.String()),
  publishedOn: Nullable(IsoDate),
  acceptedOn: Nullable(IsoDate),
  cancelledOn: Nullable(IsoDate),
  dueHistory: Type.Array(Type.Object({ on: IsoDate, from: Nullable(IsoDate) })),
  dueChangedOn: Nullable(IsoDate),
  /** Who led the task before each reassignment (the as-of rule reads the lead of any day from it). */
  agencyHistory: Type.Array(Type.Object({ on: IsoDate, from: Uuid })),
  agencyChangedOn: Nullable(IsoDate),
  /** A recurring duty's rule (recurrence.ts); null for a one-off task. */
  recurrence: Nullable(
    Type.Object({
      freq: StringEnum(['weekly', 'monthly', 'quarterly', 'yearly'] as const),
      day: Type.Optional(Type.Integer({ minimum: 1, maximum: 31 })),
      month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
      text: Type.String(),
    }),
  ),
  extensionCount: Type.Integer({ minimum: 0 }),
  progressPercent: Type.Integer({ minimum: 0, maximum: 100 }),
  outlook: Nullable(StringEnum(OUTLOOKS)),
  lastReportAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ReportOut = Type.Object({
  id: Uuid,
  assignmentId: Uuid,
  authorId: Nullable(Uuid),
  kind: StringEnum(REPORT_KINDS),
  text: Type.String(),
  percent: Nullable(Type.Integer()),
  outlook: Nullable(StringEnum(OUTLOOKS)),
  outlookReason: Nullable(Type.String()),
  reportedOn: IsoDate,
  reviewStatus: Nullable(StringEnum(['pending', 'accepted', 'returned'] as const)),
  reviewNote: Nullable(Type.String()),
  reviewedBy: Nullable(Uuid),
  createdAt: Timestamp,
});

export const AttachmentOut = Type.Object({ id: Uuid, fileName: Type.String(), size: Type.Integer({ minimum: 0 }), mime: Type.String() });

/** A progress or completion report as filed, with the assignment it moved and its files. */
export const ReportFiledOut = Type.Object({ assignment: AssignmentOut, report: ReportOut, attachments: Type.Array(AttachmentOut) });

export const ExtensionOut = Type.Object({
  id: Uuid,
  assignmentId: Uuid,
  requestedBy: Nullable(Uuid),
  previousDue: Nullable(IsoDate),
  requestedDue: IsoDate,
  reason: Type.String(),
  status: StringEnum(['pending', 'approved', 'refused'] as const),
  decidedBy: Nullable(Uuid),
  decidedAt: Nullable(Timestamp),
  decisionNote: Nullable(Type.String()),
  createdAt: Timestamp,
});

const Count = Type.Integer({ minimum: 0 });
/** A file as listed with the report or contribution it came with. */
const StoredAttachment = Type.Object({ ...AttachmentOut.properties, reportId: Nullable(Uuid), contributionId: Nullable(Uuid), createdAt: Timestamp });
const BucketCounts = Type.Object(Object.fromEntries(BUCKETS.map((b) => [b, Count])) as Record<(typeof BUCKETS)[number], typeof Count>);

/** One page of the assignment list. */
export const AssignmentPage = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      itemId: Uuid,
      documentId: Uuid,
      agencyId: Uuid,
      agencyName: Type.String(),
      ref: Nullable(Type.String()),
      text: Type.String(),
      due: Nullable(IsoDate),
      dueAsOf: Nullable(IsoDate),
      dueText: Nullable(Type.String()),
      state: StringEnum(ASSIGNMENT_STATES),
      bucket: StringEnum(BUCKETS),
      progressPercent: Type.Integer({ minimum: 0, maximum: 100 }),
      outlook: Nullable(Type.String()),
      extensionCount: Count,
      completedOn: Nullable(IsoDate),
      leaderId: Nullable(Uuid),
      documentNumber: Nullable(Type.String()),
      documentSubject: Nullable(Type.String()),
      updatedAt: Timestamp,
      daysOverdue: Type.Integer({ minimum: 0, description: 'Số ngày làm việc quá hạn tại ngày hỏi (0 nếu không quá hạn).' }),
      myRole: Nullable(StringEnum(AGENCY_ROLES)),
      actions: Type.Array(StringEnum(ASSIGNMENT_ACTIONS)),
    }),
  ),
  nextCursor: Nullable(Type.String({ description: 'Gửi lại trong `cursor` để lấy trang sau.' })),
});

/** Counts by bucket, in total and per agency, on the day asked. */
export const AssignmentCounts = Type.Object({
  asOf: IsoDate,
  totals: BucketCounts,
  onTimeRate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
  onTimeRateArithmetic: Nullable(Type.String()),
  onTimeRateFormula: Type.String(),
  agencies: Type.Array(Type.Object({ agencyId: Uuid, agencyName: Type.String(), counts: BucketCounts, total: Count, onTimeRate: Nullable(Type.Number({ minimum: 0, maximum: 1 })) })),
});

/** One assignment with everything its page shows: task, document, reports, extensions, history. */
export const AssignmentDetail = Type.Object({
  assignment: Type.Object({
    ...AssignmentOut.properties,
    bucket: Nullable(StringEnum(BUCKETS)),
    dueAsOf: Nullable(IsoDate),
    daysOverdue: Count,
    actions: Type.Array(StringEnum(ASSIGNMENT_ACTIONS)),
    myRole: Nullable(StringEnum(AGENCY_ROLES)),
  }),
  agency: Nullable(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  leader: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  item: Nullable(
    Type.Object({
      id: Uuid,
      ref: Nullable(Type.String()),
      text: Type.String(),
      startOffset: Nullable(Type.Integer()),
      endOffset: Nullable(Type.Integer()),
      supports: Type.Array(AddresseeOut),
      dueText: Nullable(Type.String()),
      expectedResult: Nullable(Type.String()),
      reportTo: Nullable(Type.String()),
    }),
  ),
  document: Nullable(Type.Object({ id: Uuid, kind: Nullable(Type.String()), number: Nullable(Type.String()), docDate: Nullable(IsoDate), subject: Nullable(Type.String()), signer: Nullable(Type.String()) })),
  reports: Type.Array(
    Type.Object({
      ...ReportOut.properties,
      authorName: Nullable(Type.String()),
      attachments: Type.Array(StoredAttachment),
    }),
  ),
  /** What the supporting agencies contributed, newest first. */
  contributions: Type.Array(
    Type.Object({
      id: Uuid,
      assignmentId: Uuid,
      agencyId: Uuid,
      agencyName: Type.String(),
      authorId: Nullable(Uuid),
      authorName: Nullable(Type.String()),
      text: Type.String(),
      createdAt: Timestamp,
      attachments: Type.Array(StoredAttachment),
    }),
  ),
  extensions: Type.Array(ExtensionOut),
  deadlineHistory: Type.Array(Type.Object({ due: Nullable(IsoDate), source: StringEnum(['published', 'extension', 'office', 'period'] as const), at: Timestamp })),
  events: Type.Array(EventOut),
});

/** One task across every agency it was given to. */
export const ItemOverview = Type.Object({
  item: ItemOut,
  assignments: Type.Array(
    Type.Object({ id: Uuid, agencyId: Uuid, agencyName: Type.String(), state: StringEnum(ASSIGNMENT_STATES), due: Nullable(IsoDate), progressPercent: Type.Integer(), bucket: Nullable(StringEnum(BUCKETS)) }),
  ),
});
