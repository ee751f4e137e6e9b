/**
 * Báo cáo: the monthly report, the agency ranking and the trend, each on the report API with
 * its .docx/.pdf/.xlsx downloads. Every number links to the assignment list with the filters
 * (and the "as of" day) that give exactly those assignments, so a leader can check any figure.
 * The words live here rather than in i18n.ts: only this screen uses them.
 */
import { useMemo, type ReactNode } from 'react';
import type { MonthlyReport } from '../../reports/monthly-report';
import type { Ranking } from '../../reports/ranking';
import type { TrendPoint } from '../../reports/trend';
import { agenciesList, get, groupsList, leadersList, qs, type Bucket, type Doc } from '../api';
import { getLang, tk } from '../i18n';
import { navigate, useLocation } from '../router';
import { DateInput, ErrorBox, Loading, PageTitle, useAsync, useSession } from '../components';
import { fmtDate, fmtNumber, fmtPercent, todayIso } from '../format';

/**
 * How the on-time rate is computed, shown in the report's note and the rate column's tooltip.
 * One named constant so it can be swapped for the server's formula text when the report API
 * exposes it (the server's own rule text, `report.rule`, is shown next to it).
 */
export const ON_TIME_RATE_FORMULA_VI = 'Tỷ lệ đúng hạn = Đã hoàn thành đúng hạn ÷ (Đã hoàn thành đúng hạn + Đã hoàn thành quá hạn + Chưa hoàn thành quá hạn)';
export const ON_TIME_RATE_FORMULA_EN = 'On-time rate = done on time ÷ (done on time + done late + open overdue)';

/** The five buckets a report counts, in the columns' order (cancelled tasks are left out). */
const REPORT_BUCKETS = ['done_on_time', 'done_late', 'open_on_time', 'open_overdue', 'no_deadline'] as const satisfies readonly Bucket[];
/** The buckets of tasks with a deadline: what the ranking's "due in the period" counts. */
const DUE_BUCKETS: Bucket[] = ['done_on_time', 'done_late', 'open_on_time', 'open_overdue'];

const words = {
  vi: {
    title: 'Báo cáo',
    tabMonthly: 'Báo cáo tháng',
    tabRanking: 'Xếp hạng cơ quan',
    tabTrend: 'Diễn biến theo tháng',
    month: 'Tháng',
    year: 'Năm',
    agency: 'Cơ quan chủ trì',
    wholeProvince: 'Toàn tỉnh',
    leader: 'Lãnh đạo phụ trách',
    allLeaders: 'Tất cả lãnh đạo',
    documentF: 'Văn bản giao',
    allDocuments: 'Tất cả văn bản',
    group: 'Nhóm cơ quan',
    allGroups: 'Tất cả các nhóm',
    asOf: 'Số liệu tính đến ngày {d}',
    runningMonth: 'Tháng đang diễn ra: số liệu tính đến hôm nay.',
    download: 'Tải về',
    docx: 'Word (.docx)',
    pdf: 'PDF (.pdf)',
    xlsx: 'Excel (.xlsx)',
    listXlsx: 'Danh sách các nhiệm vụ của báo cáo (.xlsx)',
    stt: 'STT',
    total: 'Tổng số',
    sum: 'Tổng cộng',
    totalTasks: 'Tổng số {n} nhiệm vụ',
    rate: 'Tỷ lệ đúng hạn',
    overdueList: 'Nhiệm vụ chưa hoàn thành, quá hạn ({n})',
    noOverdue: 'Không có nhiệm vụ chưa hoàn thành quá hạn.',
    noRows: 'Không có nhiệm vụ nào trong phạm vi báo cáo.',
    truncated: 'Danh sách chỉ gồm {n} nhiệm vụ đầu tiên.',
    daysOverdue: 'quá hạn {n} ngày làm việc',
    document: 'Văn bản',
    note: 'Cách tính',
    drill: 'Bấm vào một con số để xem đúng các nhiệm vụ đó.',
    from: 'Hạn xử lý từ ngày',
    to: 'đến ngày',
    rank: 'Hạng',
    dueInPeriod: 'Có hạn trong kỳ',
    doneOnTime: 'Hoàn thành đúng hạn',
    overdueTie: 'Quá hạn (xét khi bằng tỷ lệ)',
    arithmetic: 'Phép tính',
    noRanking: 'Không có cơ quan nào có nhiệm vụ đến hạn trong kỳ.',
    notYetRanked: 'Chưa xếp hạng: chưa có nhiệm vụ nào đến hạn hoặc hoàn thành',
    months: 'Số tháng',
    chartTitle: 'Nhiệm vụ hoàn thành và quá hạn theo tháng',
    chartDesc: 'Cột xanh: hoàn thành đúng hạn trong tháng; cột vàng: hoàn thành quá hạn trong tháng; đường đỏ: chưa hoàn thành quá hạn tại cuối tháng.',
    lDoneOnTime: 'Hoàn thành đúng hạn',
    lDoneLate: 'Hoàn thành quá hạn',
    lOpenOverdue: 'Chưa hoàn thành, quá hạn (cuối tháng)',
    monthCol: 'Tháng',
    openMonth: 'Xem báo cáo tháng {m}',
    forbidden: 'Màn hình báo cáo dành cho lãnh đạo và Văn phòng.',
  },
  en: {
    title: 'Reports',
    tabMonthly: 'Monthly report',
    tabRanking: 'Agency ranking',
    tabTrend: 'Month by month',
    month: 'Month',
    year: 'Year',
    agency: 'Lead agency',
    wholeProvince: 'Whole province',
    leader: 'Leader in charge',
    allLeaders: 'All leaders',
    documentF: 'Assigning document',
    allDocuments: 'All documents',
    group: 'Agency group',
    allGroups: 'All groups',
    asOf: 'Figures as of {d}',
    runningMonth: 'Running month: figures as of today.',
    download: 'Download',
    docx: 'Word (.docx)',
    pdf: 'PDF (.pdf)',
    xlsx: 'Excel (.xlsx)',
    listXlsx: 'The report’s tasks as a list (.xlsx)',
    stt: 'No.',
    total: 'Total',
    sum: 'Total',
    totalTasks: '{n} tasks in all',
    rate: 'On-time rate',
    overdueList: 'Open overdue tasks ({n})',
    noOverdue: 'No open overdue task.',
    noRows: 'No task in the report’s scope.',
    truncated: 'Only the first {n} tasks are listed.',
    daysOverdue: '{n} working days overdue',
    document: 'Document',
    note: 'How it is computed',
    drill: 'Click a number to see exactly those tasks.',
    from: 'Deadline from',
    to: 'to',
    rank: 'Rank',
    dueInPeriod: 'Due in the period',
    doneOnTime: 'Done on time',
    overdueTie: 'Overdue (tie-break)',
    arithmetic: 'Arithmetic',
    noRanking: 'No agency has a task due in the period.',
    notYetRanked: 'Not ranked yet: no task has come due or been finished',
    months: 'Months',
    chartTitle: 'Tasks completed and overdue by month',
    chartDesc: 'Green bars: completed on time in the month; amber bars: completed late in the month; red line: open and overdue at the month’s end.',
    lDoneOnTime: 'Done on time',
    lDoneLate: 'Done late',
    lOpenOverdue: 'Open, overdue (month end)',
    monthCol: 'Month',
    openMonth: 'Open the report of {m}',
    forbidden: 'The report screens are for leaders and the office.',
  },
};
type Word = keyof (typeof words)['vi'];
function w(key: Word, params?: Record<string, string | number>): string {
  let s = words[getLang()][key];
  for (const [k, v] of Object.entries(params ?? {})) s = s.replace(`{${k}}`, String(v));
  return s;
}

/** Who sees the report screens: leaders, the office, admins and viewers (the whole province). */
export const canSeeReports = (role: string) => role !== 'agency';

const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
const prevMonth = (today: string) => {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
const monthEnd = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);
const rateText = (r: number | null) => (r === null ? '–' : fmtPercent(r * 100));

type Tab = 'thang' | 'xep-hang' | 'xu-huong';

export default function Reports() {
  const { user } = useSession();
  const { params } = useLocation();
  const tab = (['thang', 'xep-hang', 'xu-huong'].includes(params.get('xem') ?? '') ? params.get('xem') : 'thang') as Tab;
  if (!canSeeReports(user.role)) return <ErrorBox error={new Error(w('forbidden'))} />;
  const go = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    navigate(`/bao-cao?${next.toString()}`, { replace: true });
  };
  const tabs: [Tab, Word][] = [
    ['thang', 'tabMonthly'],
    ['xep-hang', 'tabRanking'],
    ['xu-huong', 'tabTrend'],
  ];
  return (
    <>
      <PageTitle>{w('title')}</PageTitle>
      <nav aria-label={w('title')} className="report-tabs">
        <ul>
          {tabs.map(([id, label]) => (
            <li key={id}>
              <a href={`/bao-cao?xem=${id}`} aria-current={tab === id ? 'page' : undefined}>
                {w(label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'thang' && <Monthly params={params} go={go} />}
      {tab === 'xep-hang' && <RankingView params={params} go={go} />}
      {tab === 'xu-huong' && <TrendView params={params} go={go} />}
    </>
  );
}

type ViewProps = { params: URLSearchParams; go: (patch: Record<string, string>) => void };

function Downloads({ base, query, list }: { base: string; query: Record<string, string | string[] | undefined>; list?: string }) {
  return (
    <div className="actions-row downloads" data-testid="downloads">
      <strong>{w('download')}:</strong>
      <a className="btn" href={`${base}.docx${qs(query)}`} download data-external data-format="docx">
        {w('docx')}
      </a>
      <a className="btn" href={`${base}.pdf${qs(query)}`} download data-external data-format="pdf">
        {w('pdf')}
      </a>
      <a className="btn" href={`${base}.xlsx${qs(query)}`} download data-external data-format="xlsx">
        {w('xlsx')}
      </a>
      {list && (
        <a href={list} download data-external data-format="list-xlsx">
          {w('listXlsx')}
        </a>
      )}
    </div>
  );
}

function AgencySelect({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const agencies = useAsync(() => agenciesList(), []);
  return (
    <div className="field">
      <label htmlFor={id}>{w('agency')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{w('wholeProvince')}</option>
        {(agencies.data ?? []).map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One of the report's narrowing filters: a select whose empty choice means "all". */
function FilterSelect({ id, label, all, value, options, onChange }: { id: string; label: string; all: string; value: string; options: { id: string; name: string }[] | undefined; onChange: (v: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {(options ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A link to the list showing exactly the assignments behind a number. */
function Num({ n, q, label }: { n: number; q: Record<string, string | string[] | undefined>; label?: string }) {
  if (!n) return <>0</>;
  return (
    <a href={`/nhiem-vu${qs(q)}`} aria-label={label ? `${label}: ${fmtNumber(n)}` : undefined} data-drill>
      {fmtNumber(n)}
    </a>
  );
}

function Note({ children }: { children: ReactNode }) {
  return (
    <details className="report-note">
      <summary>{w('note')}</summary>
      {children}
    </details>
  );
}

function Monthly({ params, go }: ViewProps) {
  const today = todayIso();
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(params.get('month') ?? '') ? params.get('month')! : prevMonth(today);
  const agencyId = params.get('agencyId') ?? '';
  const leaderId = params.get('leaderId') ?? '';
  const documentId = params.get('documentId') ?? '';
  const groupId = params.get('groupId') ?? '';
  // The narrowing filters, sent to the report, its downloads and every drill-down link alike.
  const narrow = { agencyId: agencyId || undefined, leaderId: leaderId || undefined, documentId: documentId || undefined, groupId: groupId || undefined };
  const report = useAsync(() => get<MonthlyReport>('/api/reports/monthly', { month, ...narrow }), [month, agencyId, leaderId, documentId, groupId]);
  const leaders = useAsync(() => leadersList().then((us) => us.map((u) => ({ id: u.id, name: u.displayName }))).catch(() => []), []);
  const groups = useAsync(() => groupsList().catch(() => []), []);
  const docs = useAsync(
    () =>
      get<{ items: Doc[] }>('/api/documents', { status: 'published', limit: 200 })
        .then((r) => r.items.map((d) => ({ id: d.id, name: [d.number, d.subject].filter(Boolean).join(' — ') || d.id })))
        .catch(() => []),
    [],
  );
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => thisYear + 1 - i);
  const [y, m] = month.split('-');
  // useAsync shows only the report of the month and filters now chosen: while a new one loads,
  // the previous report's figures are not shown under it.
  const r = report.data;
  const asOf = r?.asOf;
  const q = (b: readonly Bucket[], agency?: string) => ({ asOf, ...narrow, agencyId: agency ?? narrow.agencyId, bucket: [...b] });
  const formula = getLang() === 'vi' ? ON_TIME_RATE_FORMULA_VI : ON_TIME_RATE_FORMULA_EN;
  const rateCell = (c: Record<(typeof REPORT_BUCKETS)[number], number>, rate: number | null) => {
    const due = c.done_on_time + c.done_late + c.open_overdue;
    return (
      <span title={`${formula}: ${fmtNumber(c.done_on_time)} ÷ ${fmtNumber(due)}`}>
        {rateText(rate)}
        {due > 0 && (
          <small className="muted nowrap">
            {' '}
            ({fmtNumber(c.done_on_time)} ÷ {fmtNumber(due)})
          </small>
        )}
      </span>
    );
  };
  return (
    <section aria-labelledby="monthly-h">
      <h2 id="monthly-h" className="sr-only">
        {w('tabMonthly')}
      </h2>
      <form className="filter-grid report-filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="r-month">{w('month')}</label>
          <select id="r-month" value={m} onChange={(e) => go({ month: `${y}-${e.target.value}` })}>
            {Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')).map((mm) => (
              <option key={mm} value={mm}>
                {mm}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="r-year">{w('year')}</label>
          <select id="r-year" value={y} onChange={(e) => go({ month: `${e.target.value}-${m}` })}>
            {years.map((yy) => (
              <option key={yy} value={String(yy)}>
                {yy}
              </option>
            ))}
          </select>
        </div>
        <AgencySelect id="r-agency" value={agencyId} onChange={(v) => go({ agencyId: v })} />
        <FilterSelect id="r-group" label={w('group')} all={w('allGroups')} value={groupId} options={groups.data} onChange={(v) => go({ groupId: v })} />
        <FilterSelect id="r-leader" label={w('leader')} all={w('allLeaders')} value={leaderId} options={leaders.data} onChange={(v) => go({ leaderId: v })} />
        <FilterSelect id="r-document" label={w('documentF')} all={w('allDocuments')} value={documentId} options={docs.data} onChange={(v) => go({ documentId: v })} />
      </form>
      <ErrorBox error={report.error} onRetry={report.reload} />
      {!r && report.loading && <Loading />}
      {r && (
        <>
          {r.scope && (
            <p data-testid="report-scope">
              <strong>{r.scope}</strong>
            </p>
          )}
          <p className="muted" data-testid="report-asof">
            {w('asOf', { d: fmtDate(r.asOf) })}
            {r.asOf < monthEnd(month) ? ` · ${w('runningMonth')}` : ''}
            {' · '}
            <span data-testid="report-total">{w('totalTasks', { n: fmtNumber(r.totals.total) })}</span>
            {' · '}
            <span title={formula}>
              {w('rate')}: {rateText(r.totals.onTimeRate)}
            </span>
          </p>
          <Downloads
            base="/api/reports/monthly"
            query={{ month, ...narrow }}
            list={`/api/assignments/export.xlsx${qs({ asOf: r.asOf, ...narrow, bucket: [...REPORT_BUCKETS] })}`}
          />
          <p className="hint">{w('drill')}</p>
          {r.agencies.length === 0 ? (
            <p>{w('noRows')}</p>
          ) : (
            <div className="table-scroll">
              <table className="simple report-table" data-testid="monthly-table">
                <caption className="sr-only">{w('tabMonthly')} {monthLabel(month)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{w('stt')}</th>
                    <th scope="col">{w('agency')}</th>
                    <th scope="col">{w('total')}</th>
                    {REPORT_BUCKETS.map((b) => (
                      <th scope="col" key={b}>
                        {tk(`bucket_${b}`)}
                      </th>
                    ))}
                    <th scope="col" title={formula}>
                      {w('rate')} <span aria-hidden="true">ⓘ</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.agencies.map((a, i) => (
                    <tr key={a.agencyId} data-agency={a.agencyName}>
                      <td>{i + 1}</td>
                      <th scope="row">{a.agencyName}</th>
                      <td>
                        <Num n={a.total} q={q(REPORT_BUCKETS, a.agencyId)} label={`${a.agencyName}, ${w('total')}`} />
                      </td>
                      {REPORT_BUCKETS.map((b) => (
                        <td key={b} data-bucket={b}>
                          <Num n={a.counts[b]} q={q([b], a.agencyId)} label={`${a.agencyName}, ${tk(`bucket_${b}`)}`} />
                        </td>
                      ))}
                      <td>{rateCell(a.counts, a.onTimeRate)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-agency="total">
                    <td />
                    <th scope="row">{w('sum')}</th>
                    <td>
                      <Num n={r.totals.total} q={q(REPORT_BUCKETS)} label={w('sum')} />
                    </td>
                    {REPORT_BUCKETS.map((b) => (
                      <td key={b} data-bucket={b}>
                        <Num n={r.totals.counts[b]} q={q([b])} label={`${w('sum')}, ${tk(`bucket_${b}`)}`} />
                      </td>
                    ))}
                    <td>{rateCell(r.totals.counts, r.totals.onTimeRate)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
          <Note>
            <p>
              <strong>{formula}.</strong>
            </p>
            <p className="muted">{r.rule}</p>
          </Note>
          <h3>{w('overdueList', { n: fmtNumber(r.overdue.length) })}</h3>
          {r.overdue.length === 0 ? (
            <p>{w('noOverdue')}</p>
          ) : (
            <ol className="list-plain overdue-list">
              {r.overdue.map((o) => (
                <li key={o.assignmentId}>
                  <a href={`/nhiem-vu/${o.assignmentId}`}>
                    {o.ref ? `${o.ref}. ` : ''}
                    {o.text.length > 220 ? `${o.text.slice(0, 219)}…` : o.text}
                  </a>
                  <div className="task-meta">
                    <span>{o.agencyName}</span>
                    {o.documentNumber && <span>{o.documentNumber}</span>}
                    <span className="nowrap">{fmtDate(o.due)}</span>
                    <span className="due-rel late">{w('daysOverdue', { n: o.daysOverdue })}</span>
                  </div>
                </li>
              ))}
            </ol>
          )}
          {r.overdueTruncated && <p className="muted">{w('truncated', { n: fmtNumber(r.overdue.length) })}</p>}
        </>
      )}
    </section>
  );
}

function RankingView({ params, go }: ViewProps) {
  const year = todayIso().slice(0, 4);
  const from = params.get('from') || `${year}-01-01`;
  const to = params.get('to') || `${year}-12-31`;
  const ranking = useAsync(() => get<Ranking>('/api/reports/ranking', { from, to }), [from, to]);
  const r = ranking.data;
  const q = (agencyId: string, bucket: Bucket[]) => ({ agencyId, dueFrom: from, dueTo: to, bucket, asOf: r?.asOf });
  return (
    <section aria-labelledby="ranking-h">
      <h2 id="ranking-h" className="sr-only">
        {w('tabRanking')}
      </h2>
      <form className="filter-grid report-filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="rk-from">{w('from')}</label>
          <DateInput id="rk-from" value={from} onChange={(v) => v && go({ from: v })} />
        </div>
        <div className="field">
          <label htmlFor="rk-to">{w('to')}</label>
          <DateInput id="rk-to" value={to} onChange={(v) => v && go({ to: v })} />
        </div>
      </form>
      <ErrorBox error={ranking.error} onRetry={ranking.reload} />
      {!r && ranking.loading && <Loading />}
      {r && (
        <>
          <p className="muted">{w('asOf', { d: fmtDate(r.asOf) })}</p>
          <Downloads base="/api/reports/ranking" query={{ from, to }} />
          <p className="hint">{w('drill')}</p>
          {r.agencies.length === 0 && (r.unranked ?? []).length === 0 ? (
            <p>{w('noRanking')}</p>
          ) : (
            <div className="table-scroll">
              <table className="simple report-table" data-testid="ranking-table">
                <thead>
                  <tr>
                    <th scope="col">{w('rank')}</th>
                    <th scope="col">{w('agency')}</th>
                    <th scope="col">{w('doneOnTime')}</th>
                    <th scope="col">{w('dueInPeriod')}</th>
                    <th scope="col">{w('arithmetic')}</th>
                    <th scope="col">{w('overdueTie')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.agencies.map((a) => (
                    <tr key={a.agencyId} data-agency={a.agencyName}>
                      <td>{a.rank}</td>
                      <th scope="row">{a.agencyName}</th>
                      <td>
                        <Num n={a.doneOnTime} q={q(a.agencyId, ['done_on_time'])} />
                      </td>
                      <td>
                        <Num n={a.due} q={q(a.agencyId, DUE_BUCKETS)} />
                      </td>
                      <td className="nowrap" data-testid="arithmetic">
                        {fmtNumber(a.doneOnTime)} ÷ {fmtNumber(a.counted)} = {fmtPercent(a.onTimeRate * 100)}
                      </td>
                      <td>
                        <Num n={a.overdue} q={q(a.agencyId, ['done_late', 'open_overdue'])} />
                      </td>
                    </tr>
                  ))}
                  {(r.unranked ?? []).map((u) => (
                    <tr key={u.agencyId} data-agency={u.agencyName} className="muted">
                      <td>—</td>
                      <th scope="row">{u.agencyName}</th>
                      <td>0</td>
                      <td>
                        <Num n={u.due} q={q(u.agencyId, DUE_BUCKETS)} />
                      </td>
                      <td colSpan={2}>{w('notYetRanked')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Note>
            <p className="muted">{r.rule}</p>
          </Note>
        </>
      )}
    </section>
  );
}

function TrendView({ params, go }: ViewProps) {
  const months = ['6', '12', '24'].includes(params.get('months') ?? '') ? params.get('months')! : '12';
  const agencyId = params.get('agencyId') ?? '';
  const trend = useAsync(() => get<{ months: TrendPoint[]; rule: string }>('/api/reports/trend', { months, agencyId }), [months, agencyId]);
  const query = { months, agencyId: agencyId || undefined };
  return (
    <section aria-labelledby="trend-h">
      <h2 id="trend-h" className="sr-only">
        {w('tabTrend')}
      </h2>
      <form className="filter-grid report-filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="t-months">{w('months')}</label>
          <select id="t-months" value={months} onChange={(e) => go({ months: e.target.value })}>
            {['6', '12', '24'].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <AgencySelect id="t-agency" value={agencyId} onChange={(v) => go({ agencyId: v })} />
      </form>
      <ErrorBox error={trend.error} onRetry={trend.reload} />
      {!trend.data && trend.loading && <Loading />}
      {trend.data && (
        <>
          <Downloads base="/api/reports/trend" query={query} />
          <TrendChart points={trend.data.months} agencyId={agencyId} />
          <div className="table-scroll">
            <table className="simple report-table" data-testid="trend-table">
              <thead>
                <tr>
                  <th scope="col">{w('monthCol')}</th>
                  <th scope="col">{w('lDoneOnTime')}</th>
                  <th scope="col">{w('lDoneLate')}</th>
                  <th scope="col">{w('lOpenOverdue')}</th>
                </tr>
              </thead>
              <tbody>
                {trend.data.months.map((p) => (
                  <tr key={p.month}>
                    <th scope="row">
                      <a href={`/bao-cao${qs({ xem: 'thang', month: p.month, agencyId: agencyId || undefined })}`}>{monthLabel(p.month)}</a>
                    </th>
                    <td>{fmtNumber(p.doneOnTime)}</td>
                    <td>{fmtNumber(p.doneLate)}</td>
                    <td>
                      <Num n={p.openOverdue} q={{ asOf: p.asOf, agencyId: agencyId || undefined, bucket: ['open_overdue'] }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Note>
            <p className="muted">{trend.data.rule}</p>
          </Note>
        </>
      )}
    </section>
  );
}

/** Bars (done on time, done late) and a line (open overdue at the month's end), in plain SVG. */
function TrendChart({ points, agencyId }: { points: TrendPoint[]; agencyId: string }) {
  const W = 720;
  const H = 300;
  const pad = { l: 44, r: 12, t: 16, b: 52 };
  const max = useMemo(() => Math.max(1, ...points.flatMap((p) => [p.doneOnTime + p.doneLate, p.openOverdue])), [points]);
  const nice = niceMax(max);
  const step = (W - pad.l - pad.r) / Math.max(1, points.length);
  const yOf = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / nice);
  const bw = Math.max(6, step * 0.55);
  const ticks = [0, nice / 4, nice / 2, (3 * nice) / 4, nice];
  const line = points.map((p, i) => `${pad.l + step * (i + 0.5)},${yOf(p.openOverdue)}`).join(' ');
  return (
    <figure className="card trend-chart">
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="group" aria-labelledby="trend-title" aria-describedby="trend-desc" data-testid="trend-chart">
        <title id="trend-title">{w('chartTitle')}</title>
        <desc id="trend-desc">{w('chartDesc')}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={W - pad.r} y1={yOf(v)} y2={yOf(v)} stroke="#d0d0d0" strokeWidth="1" />
            <text x={pad.l - 6} y={yOf(v) + 4} textAnchor="end" fontSize="12" fill="#1b1b1b">
              {fmtNumber(v, 0)}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const x = pad.l + step * i + (step - bw) / 2;
          const yOn = yOf(p.doneOnTime);
          const yLate = yOf(p.doneOnTime + p.doneLate);
          return (
            <a key={p.month} href={`/bao-cao${qs({ xem: 'thang', month: p.month, agencyId: agencyId || undefined })}`} aria-label={w('openMonth', { m: monthLabel(p.month) })}>
              <rect x={x} y={yOn} width={bw} height={yOf(0) - yOn} fill="#2e7d32">
                <title>{`${monthLabel(p.month)} · ${w('lDoneOnTime')}: ${fmtNumber(p.doneOnTime)}`}</title>
              </rect>
              <rect x={x} y={yLate} width={bw} height={yOn - yLate} fill="#b26a00">
                <title>{`${monthLabel(p.month)} · ${w('lDoneLate')}: ${fmtNumber(p.doneLate)}`}</title>
              </rect>
              <text x={x + bw / 2} y={H - pad.b + 16} textAnchor="middle" fontSize="11" fill="#1b1b1b">
                {p.month.slice(5, 7)}
              </text>
              {(i === 0 || p.month.endsWith('-01')) && (
                <text x={x + bw / 2} y={H - pad.b + 30} textAnchor="middle" fontSize="11" fill="#1b1b1b">
                  {p.month.slice(0, 4)}
                </text>
              )}
            </a>
          );
        })}
        <polyline points={line} fill="none" stroke="#b71c1c" strokeWidth="2.5" />
        {points.map((p, i) => (
          <circle key={p.month} cx={pad.l + step * (i + 0.5)} cy={yOf(p.openOverdue)} r="4" fill="#b71c1c">
            <title>{`${monthLabel(p.month)} · ${w('lOpenOverdue')}: ${fmtNumber(p.openOverdue)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="legend">
        <span><i style={{ background: '#2e7d32' }} /> {w('lDoneOnTime')}</span>
        <span><i style={{ background: '#b26a00' }} /> {w('lDoneLate')}</span>
        <span><i style={{ background: '#b71c1c' }} /> {w('lOpenOverdue')}</span>
      </figcaption>
    </figure>
  );
}

/** 1, 2 or 5 times a power of ten, at least `v`: round tick values. */
function niceMax(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
