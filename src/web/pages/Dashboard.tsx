/** Tổng quan: counts by bucket, overdue per agency (SVG), due this week, latest reports, a leader's sectors. */
import { useMemo } from 'react';
import { agenciesList, get, qs, type AssignmentRow, type Bucket, type Counts, type EventRow } from '../api';
import { t, tk } from '../i18n';
import { useLocation, navigate } from '../router';
import { DueInfo, ErrorBox, Loading, PageTitle, useAsync, useSession } from '../components';
import { addDays, fmtDate, fmtDateTime, fmtNumber, fmtPercent } from '../format';

const TILE_BUCKETS: Bucket[] = ['open_overdue', 'open_on_time', 'no_deadline', 'done_on_time', 'done_late', 'cancelled'];

export default function Dashboard() {
  const { user } = useSession();
  const { params } = useLocation();
  const agencyId = params.get('agencyId') ?? (user.role === 'agency' ? (user.agencyId ?? '') : '');
  const scope = agencyId ? { agencyId } : {};
  const agencies = useAsync(() => (user.role === 'agency' ? Promise.resolve([]) : agenciesList()), []);
  const counts = useAsync(() => get<Counts>('/api/assignments/counts', scope), [agencyId]);
  const asOf = counts.data?.asOf;
  const week = useAsync(
    () =>
      asOf
        ? Promise.all([
            get<{ items: AssignmentRow[] }>('/api/assignments', { ...scope, bucket: ['open_on_time'], dueFrom: asOf, dueTo: addDays(asOf, 7), limit: 8, sort: 'due' }),
            get<Counts>('/api/assignments/counts', { ...scope, dueFrom: asOf, dueTo: addDays(asOf, 7) }),
          ])
        : Promise.resolve(null),
    [asOf, agencyId],
  );
  const reports = useAsync(() => get<{ items: EventRow[] }>('/api/events', { limit: 200 }), []);
  const leaderCounts = useAsync(() => (user.role === 'leader' ? get<Counts>('/api/assignments/counts', { leaderId: user.id }) : Promise.resolve(null)), []);

  const listHref = (q: Record<string, string | string[] | undefined>) => `/nhiem-vu${qs({ ...scope, ...q })}`;
  const total = counts.data ? Object.values(counts.data.totals).reduce((a, b) => a + b, 0) : 0;

  return (
    <>
      <PageTitle>{t('dashTitle')}</PageTitle>
      {user.role !== 'agency' && (
        <div className="row">
          <div className="field" style={{ maxWidth: '26rem' }}>
            <label htmlFor="dash-scope">{t('dashScope')}</label>
            <select id="dash-scope" value={agencyId} onChange={(e) => navigate(e.target.value ? `/tong-quan?agencyId=${e.target.value}` : '/tong-quan')}>
              <option value="">{t('wholeProvince')}</option>
              {(agencies.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <ErrorBox error={counts.error} onRetry={counts.reload} />
      {counts.loading && !counts.data && <Loading />}
      {counts.data && (
        <>
          <p className="muted">
            {t('asOf', { d: fmtDate(counts.data.asOf) })}
            {counts.data.onTimeRate !== null && (
              <span title={`${counts.data.onTimeRateFormula}: ${counts.data.onTimeRateArithmetic}`}>
                {` · ${t('onTimeRate')}: ${fmtPercent(100 * counts.data.onTimeRate)}`}
              </span>
            )}
          </p>
          <section aria-labelledby="tiles-h">
            <h2 id="tiles-h" className="sr-only">
              {t('filterBucket')}
            </h2>
            <div className="tiles" data-testid="bucket-tiles">
              <a className="tile total" href={listHref({})} data-bucket="total">
                <strong>{fmtNumber(total)}</strong>
                <span>{t('total')}</span>
              </a>
              {TILE_BUCKETS.map((b) => (
                <a key={b} className={`tile b-${b}`} href={listHref({ bucket: [b] })} data-bucket={b}>
                  <strong>{fmtNumber(counts.data!.totals[b])}</strong>
                  <span>{tk(`bucket_${b}`)}</span>
                </a>
              ))}
            </div>
            <p className="hint">{t('bucketRule')}</p>
          </section>
          <div className="grid two">
            <section className="card" aria-labelledby="chart-h">
              <h2 id="chart-h">{t('overdueByAgency')}</h2>
              <OverdueChart counts={counts.data} />
            </section>
            <section className="card" aria-labelledby="week-h">
              <h2 id="week-h">{t('dueThisWeek')}</h2>
              <ErrorBox error={week.error} />
              {week.data && (
                <>
                  {week.data[0].items.length === 0 && <p>{t('nothingDue')}</p>}
                  <ul className="list-plain">
                    {week.data[0].items.map((a) => (
                      <li key={a.id}>
                        <a href={`/nhiem-vu/${a.id}`}>{clip(a.text, 120)}</a>
                        <div className="task-meta">
                          <span>{a.agencyName}</span>
                          <DueInfo due={a.due} bucket={a.bucket} asOf={counts.data!.asOf} daysOverdue={a.daysOverdue} />
                        </div>
                      </li>
                    ))}
                  </ul>
                  {week.data[0].items.length > 0 && (
                    <p>
                      <a href={listHref({ bucket: ['open_on_time'], dueFrom: counts.data.asOf, dueTo: addDays(counts.data.asOf, 7) })}>
                        {t('seeAll', { n: fmtNumber(week.data[1].totals.open_on_time) })}
                      </a>
                    </p>
                  )}
                </>
              )}
            </section>
            <section className="card" aria-labelledby="reports-h">
              <h2 id="reports-h">{t('latestReports')}</h2>
              <LatestReports events={reports.data?.items} />
            </section>
            {user.role === 'leader' && (
              <section className="card" aria-labelledby="sectors-h">
                <h2 id="sectors-h">{t('mySectors')}</h2>
                <p>{user.sectors || t('noSectors')}</p>
                {leaderCounts.data && (
                  <>
                    <h3>{t('myAssignmentsAsLeader')}</h3>
                    <ul className="list-plain">
                      {TILE_BUCKETS.filter((b) => b !== 'cancelled').map((b) => (
                        <li key={b}>
                          <a href={`/nhiem-vu${qs({ leaderId: user.id, bucket: [b] })}`}>
                            {tk(`bucket_${b}`)}: <strong>{fmtNumber(leaderCounts.data!.totals[b])}</strong>
                          </a>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            )}
            {!agencyId && counts.data.agencies.length > 0 && (
              <section className="card" aria-labelledby="agencies-h" style={{ gridColumn: '1 / -1' }}>
                <h2 id="agencies-h">{t('agencyCol')}</h2>
                <AgencyTable counts={counts.data} />
              </section>
            )}
          </div>
        </>
      )}
    </>
  );
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function OverdueChart({ counts }: { counts: Counts }) {
  const rows = useMemo(() => counts.agencies.filter((a) => a.counts.open_overdue > 0).slice(0, 12), [counts]);
  if (!rows.length) return <p>{t('noOverdue')}</p>;
  const max = Math.max(...rows.map((r) => r.counts.open_overdue));
  const barH = 26;
  const labelW = 220;
  const w = 600;
  const h = rows.length * (barH + 8) + 8;
  return (
    <svg className="chart" viewBox={`0 0 ${w} ${h}`} role="group" aria-labelledby="chart-title" aria-describedby="chart-desc" data-testid="overdue-chart">
      <title id="chart-title">{t('overdueByAgency')}</title>
      <desc id="chart-desc">{t('overdueChartDesc', { n: rows.length })}</desc>
      {rows.map((r, i) => {
        const y = 8 + i * (barH + 8);
        const bw = Math.max(2, ((w - labelW - 50) * r.counts.open_overdue) / max);
        return (
          <a key={r.agencyId} href={`/nhiem-vu${qs({ agencyId: r.agencyId, bucket: ['open_overdue'] })}`}>
            <text x={labelW - 6} y={y + barH / 2 + 5} textAnchor="end" fontSize="13" fill="#1b1b1b">
              {clip(r.agencyName, 28)}
            </text>
            <rect x={labelW} y={y} width={bw} height={barH} fill="#b71c1c" rx="2" />
            <text x={labelW + bw + 6} y={y + barH / 2 + 5} fontSize="13" fontWeight="700" fill="#1b1b1b">
              {fmtNumber(r.counts.open_overdue)}
            </text>
          </a>
        );
      })}
    </svg>
  );
}

function AgencyTable({ counts }: { counts: Counts }) {
  const cols: Bucket[] = ['open_overdue', 'open_on_time', 'no_deadline', 'done_on_time', 'done_late'];
  return (
    <div className="table-scroll">
      <table className="simple">
        <thead>
          <tr>
            <th scope="col">{t('agencyCol')}</th>
            {cols.map((b) => (
              <th scope="col" key={b}>
                {tk(`bucket_${b}`)}
              </th>
            ))}
            <th scope="col">{t('total')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.agencies.map((a) => (
            <tr key={a.agencyId}>
              <th scope="row">
                <a href={`/tong-quan?agencyId=${a.agencyId}`}>{a.agencyName}</a>
              </th>
              {cols.map((b) => (
                <td key={b}>
                  {a.counts[b] ? <a href={`/nhiem-vu${qs({ agencyId: a.agencyId, bucket: [b] })}`}>{fmtNumber(a.counts[b])}</a> : '0'}
                </td>
              ))}
              <td>
                <a href={`/nhiem-vu${qs({ agencyId: a.agencyId })}`}>{fmtNumber(a.total)}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LatestReports({ events }: { events: EventRow[] | undefined }) {
  if (!events) return <Loading />;
  const reports = events.filter((e) => e.action === 'assignment.report_progress' || e.action === 'assignment.report_completion').slice(0, 8);
  if (!reports.length) return <p>{t('noReports')}</p>;
  return (
    <ul className="list-plain">
      {reports.map((e) => {
        const pct = (e.after as { progressPercent?: number } | null)?.progressPercent;
        return (
          <li key={e.id}>
            <a href={`/nhiem-vu/${e.assignmentId}`}>{tk(`ev_${e.action.replace('.', '_')}`, e.action)}</a>
            {typeof pct === 'number' && <> · {fmtPercent(pct)}</>}
            <div className="muted">
              <small>
                {t('by', { who: e.actorName })} · {fmtDateTime(e.at)}
              </small>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
