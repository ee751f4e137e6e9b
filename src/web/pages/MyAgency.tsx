/** Cơ quan tôi: an agency officer's assignments by urgency, each reportable in one step from a phone. */
import { useState } from 'react';
import { get, type AssignmentRow, type Counts } from '../api';
import { t } from '../i18n';
import { BucketBadge, DueInfo, ErrorBox, Loading, PageTitle, Progress, useAsync, useSession } from '../components';
import { addDays, fmtNumber } from '../format';
import { ReportForm } from './ReportForm';

export default function MyAgency() {
  const { user } = useSession();
  const data = useAsync(async () => {
    const counts = await get<Counts>('/api/assignments/counts', user.agencyId && user.role !== 'agency' ? { agencyId: user.agencyId } : {});
    const scope = user.role === 'agency' ? {} : user.agencyId ? { agencyId: user.agencyId } : {};
    const open = await get<{ items: AssignmentRow[] }>('/api/assignments', { ...scope, bucket: ['open_overdue', 'open_on_time', 'no_deadline'], limit: 500, sort: 'due' });
    return { asOf: counts.asOf, counts, items: open.items.filter((a) => a.state !== 'cancelled' && a.state !== 'done') };
  }, []);
  if (data.error) return <ErrorBox error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const { asOf, items, counts } = data.data;
  const week = addDays(asOf, 7);
  const waiting = items.filter((a) => a.state === 'completion_reported');
  const working = items.filter((a) => a.state !== 'completion_reported');
  const groups: { key: string; title: string; rows: AssignmentRow[] }[] = [
    { key: 'overdue', title: t('urgentOverdue'), rows: working.filter((a) => a.bucket === 'open_overdue') },
    { key: 'week', title: t('urgentWeek'), rows: working.filter((a) => a.bucket === 'open_on_time' && a.due! <= week) },
    { key: 'later', title: t('urgentLater'), rows: working.filter((a) => a.bucket === 'open_on_time' && a.due! > week) },
    { key: 'nodue', title: t('urgentNoDue'), rows: working.filter((a) => a.bucket === 'no_deadline') },
    { key: 'waiting', title: t('waitingReview'), rows: waiting },
  ];
  return (
    <>
      <PageTitle>{t('myAgencyTitle', { agency: user.agencyName ?? '' })}</PageTitle>
      <p className="muted">
        <a href="/nhiem-vu?bucket=open_overdue">
          {t('bucket_open_overdue')}: {fmtNumber(counts.totals.open_overdue)}
        </a>{' '}
        ·{' '}
        <a href="/nhiem-vu?bucket=open_on_time">
          {t('bucket_open_on_time')}: {fmtNumber(counts.totals.open_on_time)}
        </a>{' '}
        ·{' '}
        <a href="/nhiem-vu?bucket=done_on_time">
          {t('bucket_done_on_time')}: {fmtNumber(counts.totals.done_on_time)}
        </a>
      </p>
      {items.length === 0 && <p>{t('nothingHere')}</p>}
      {groups
        .filter((g) => g.rows.length)
        .map((g) => (
          <section key={g.key} aria-labelledby={`g-${g.key}`} data-testid={`group-${g.key}`}>
            <h2 id={`g-${g.key}`}>
              {g.title} ({fmtNumber(g.rows.length)})
            </h2>
            {g.rows.map((a) => (
              <TaskCard key={a.id} a={a} asOf={asOf} onDone={data.reload} />
            ))}
          </section>
        ))}
    </>
  );
}

function TaskCard({ a, asOf, onDone }: { a: AssignmentRow; asOf: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <article className={`task-card ${a.bucket === 'open_overdue' ? 'late' : ''}`} data-testid="task-card">
      <p>
        {a.ref && <strong>{a.ref} </strong>}
        <a href={`/nhiem-vu/${a.id}`}>{a.text.length > 260 ? a.text.slice(0, 259) + '…' : a.text}</a>
      </p>
      <div className="task-meta">
        <DueInfo due={a.due} bucket={a.bucket} asOf={asOf} daysOverdue={a.daysOverdue} />
        <BucketBadge bucket={a.bucket} />
        <Progress value={a.progressPercent} />
        <small className="muted">{a.documentNumber}</small>
      </div>
      {/* The server says whether a report is possible now (assignment-actions.ts). */}
      {a.actions.includes('report_progress') && (
        <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} style={{ marginTop: '0.4rem' }}>
          {t('quickReport')}
        </button>
      )}
      {open && (
        <div style={{ marginTop: '0.5rem' }}>
          <ReportForm assignmentId={a.id} kind="progress" initialPercent={a.progressPercent} idPrefix={`q-${a.id}`} onDone={onDone} />
        </div>
      )}
    </article>
  );
}
