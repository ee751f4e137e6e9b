/** What the report routes send as JSON, as response schemas (they also serialize, so they must be whole). */
import { Type } from 'typebox';
import { IsoDate, Nullable, Uuid } from '../http/schemas';
import { REPORT_BUCKETS } from './monthly-report';
import { ProvinceSettings } from './letterhead';

const Count = Type.Integer({ minimum: 0 });
const Rate = Type.Number({ minimum: 0, maximum: 1, description: 'Tỷ lệ từ 0 đến 1.' });
const Month = Type.String({ description: 'YYYY-MM' });
const Counts = Type.Object(Object.fromEntries(REPORT_BUCKETS.map((b) => [b, Count])) as Record<(typeof REPORT_BUCKETS)[number], typeof Count>);

export const MonthlyReportOut = Type.Object({
  month: Month,
  asOf: IsoDate,
  filters: Type.Object(
    { agencyId: Type.Optional(Uuid), leaderId: Type.Optional(Uuid), documentId: Type.Optional(Uuid), groupId: Type.Optional(Uuid) },
    { description: 'Phạm vi đã lọc (cơ quan, lãnh đạo phụ trách, văn bản, nhóm cơ quan): các liên kết chi tiết dùng đúng các bộ lọc này.' },
  ),
  scope: Nullable(Type.String({ description: 'Phạm vi báo cáo bằng lời; null khi là toàn tỉnh.' })),
  agencies: Type.Array(Type.Object({ agencyId: Uuid, agencyName: Type.String(), counts: Counts, total: Count, onTimeRate: Nullable(Rate) })),
  totals: Type.Object({ counts: Counts, total: Count, onTimeRate: Nullable(Rate) }),
  overdue: Type.Array(
    Type.Object({
      assignmentId: Uuid,
      agencyId: Uuid,
      agencyName: Type.String(),
      documentNumber: Nullable(Type.String()),
      ref: Nullable(Type.String()),
      text: Type.String(),
      due: IsoDate,
      daysOverdue: Type.Integer(),
      progressPercent: Type.Integer({ minimum: 0, maximum: 100 }),
    }),
  ),
  overdueTruncated: Type.Boolean(),
  rule: Type.String(),
  onTimeRateFormula: Type.String(),
});

export const RankingOut = Type.Object({
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate,
  weights: Type.Object({ onTime: Type.Number(), late: Type.Number(), overdue: Type.Number() }),
  formula: Type.String(),
  rule: Type.String(),
  agencies: Type.Array(
    Type.Object({
      rank: Type.Integer({ minimum: 1 }),
      agencyId: Uuid,
      agencyName: Type.String(),
      due: Count,
      doneOnTime: Count,
      doneLate: Count,
      openOnTime: Count,
      openOverdue: Count,
      overdue: Count,
      counted: Count,
      onTimeRate: Rate,
      score: Type.Number(),
      arithmetic: Type.String(),
    }),
  ),
  unranked: Type.Array(Type.Object({ agencyId: Uuid, agencyName: Type.String(), due: Count })),
});

export const TrendOut = Type.Object({
  months: Type.Array(Type.Object({ month: Month, asOf: IsoDate, doneOnTime: Count, doneLate: Count, openOverdue: Count })),
  rule: Type.String(),
});

export const LetterheadOut = Type.Object({
  governingBody: Type.String(),
  issuingBody: Type.String(),
  place: Nullable(Type.String()),
  officeName: Type.String(),
  symbol: Type.String(),
  signerTitle: Type.String(),
  signerName: Nullable(Type.String()),
});

export const ProvinceOut = Type.Object({ province: Nullable(ProvinceSettings), letterhead: LetterheadOut });

/** A file download: the bytes of the document, with its type in Content-Type. */
export const fileResponse = (description: string) => ({ 200: Type.String({ format: 'binary', description }) });
