/**
 * Nhiệm vụ: the table behind every number. Filters live in the URL (shareable), pages load with
 * the cursor as you scroll, and only the visible rows are in the DOM, so 10,000 rows stay smooth.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { BUCKETS, STATES, agenciesList, get, groupsList, leadersList, qs, type AssignmentRow, type Bucket, type Counts, type Doc } from '../api';
import { t, tk } from '../i18n';
import { navigate, useLocation } from '../router';
import { BucketBadge, DateInput, DueInfo, ErrorBox, PageTitle, Progress, useAsync, useSession } from '../components';
import { fmtDate, fmtNumber } from '../format';

// asOf comes from a report's drill-down: the buckets as they were on that day (no form field).
// groupId too: a report narrowed to an agency group drills down with it.
// delivery comes from a reminder's link: exactly the tasks that message named (no form field).
const FILTER_KEYS = ['agencyId', 'role', 'bucket', 'state', 'dueFrom', 'dueTo', 'documentId', 'leaderId', 'groupId', 'pending', 'q', 'asOf', 'delivery'] as const;
const PENDING = ['completion', 'extension'] as const;
const PAGE = 200;

function filtersFrom(params: URLSearchParams) {
  return {
    agencyId: params.get('agencyId') ?? '',
    // '' is the lead's list (the server's default); 'support' the tasks the agency supports (phối hợp).
    role: params.get('role') === 'support' ? 'support' : '',
    bucket: params.getAll('bucket'),
    state: params.getAll('state'),
    dueFrom: params.get('dueFrom') ?? '',
    dueTo: params.get('dueTo') ?? '',
    documentId: params.get('documentId') ?? '',
    leaderId: params.get('leaderId') ?? '',
    groupId: params.get('groupId') ?? '',
    pending: (PENDING as readonly string[]).includes(params.get('pending') ?? '') ? params.get('pending')! : '',
    delivery: /^[0-9a-f-]{36}$/i.test(params.get('delivery') ?? '') ? params.get('delivery')! : '',
    q: params.get('q') ?? '',
    asOf: /^\d{4}-\d{2}-\d{2}$/.test(params.get('asOf') ?? '') ? params.get('asOf')! : '',
    sort: (params.get('sort') ?? 'due') as 'due' | '-due' | 'updated',
  };
}
type Filters = ReturnType<typeof filtersFrom>;

function useRowHeight() {
  const q = '(max-width: 760px)';
  const [small, setSmall] = useState(() => window.matchMedia(q).matches);
  useEffect(() => {
    const m = window.matchMedia(q);
    const l = () => setSmall(m.matches);
    m.addEventListener('change', l);
    return () => m.removeEventListener('change', l);
  }, []);
  return small ? 112 : 60;
}

export default function Assignments() {
  const { user } = useSession();
  const { params, search } = useLocation();
  const f = useMemo(() => filtersFrom(params), [search]); // eslint-disable-line react-hooks/exhaustive-deps
  const filterQuery = useMemo(() => {
    const q: Record<string, string | string[]> = {};
    for (const k of FILTER_KEYS) {
      const v = f[k];
      if (Array.isArray(v) ? v.length : v) q[k] = v;
    }
    return q;
  }, [f]);
  const key = JSON.stringify(filterQuery) + f.sort;

  const setFilters = (patch: Partial<Filters>) => {
    const next = { ...f, ...patch };
    const q: Record<string, string | string[]> = {};
    for (const k of FILTER_KEYS) {
      const v = next[k];
      if (Array.isArray(v) ? v.length : v) q[k] = v;
    }
    if (next.sort !== 'due') q.sort = next.sort;
    navigate(`/nhiem-vu${qs(q)}`, { replace: true });
  };

  // rows and paging
  const [rows, setRows] = useState<AssignmentRow[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const gen = useRef(0);
  const loadPage = useCallback(
    async (reset: boolean, from: string | null) => {
      const my = reset ? ++gen.current : gen.current;
      setLoading(true);
      setError(null);
      try {
        const r = await get<{ items: AssignmentRow[]; nextCursor: string | null }>('/api/assignments', { ...filterQuery, sort: f.sort, limit: PAGE, cursor: from ?? undefined });
        if (my !== gen.current) return;
        setRows((old) => (reset ? r.items : [...old, ...r.items]));
        setCursor(r.nextCursor);
      } catch (e) {
        if (my === gen.current) setError(e);
      } finally {
        if (my === gen.current) setLoading(false);
      }
    },
    [key], // eslint-disable-line react-hooks/exhaustive-deps
  );
  useEffect(() => {
    setRows([]);
    setCursor(null);
    void loadPage(true, null);
  }, [loadPage]);

  const counts = useAsync(() => get<Counts>('/api/assignments/counts', filterQuery), [JSON.stringify(filterQuery)]);
  const total = counts.data
    ? (f.bucket.length ? (f.bucket as Bucket[]) : [...BUCKETS]).reduce((s, b) => s + (counts.data!.totals[b] ?? 0), 0)
    : null;
  const asOf = counts.data?.asOf ?? new Date().toISOString().slice(0, 10);

  const rowH = useRowHeight();
  const onWindow = useCallback(
    (last: number) => {
      if (!loading && cursor && last >= rows.length - 40) void loadPage(false, cursor);
    },
    [loading, cursor, rows.length, loadPage],
  );

  const agencies = useAsync(() => (user.role === 'agency' ? Promise.resolve([]) : agenciesList()), []);
  const leaders = useAsync(() => leadersList().catch(() => []), []);
  const groups = useAsync(() => (f.groupId ? groupsList().catch(() => []) : Promise.resolve([])), [f.groupId]);
  const docs = useAsync(() => get<{ items: Doc[] }>('/api/documents', { status: 'published', limit: 200 }).then((r) => r.items).catch(() => [] as Doc[]), []);

  const [q, setQ] = useState(f.q);
  useEffect(() => setQ(f.q), [f.q]);
  useEffect(() => {
    if (q === f.q) return;
    const h = setTimeout(() => setFilters({ q }), 350);
    return () => clearTimeout(h);
  }, [q]); // eslint-disable-line react-hooks/exhaustive-deps

  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
    } catch {
      /* not allowed: the address bar has it anyway */
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 3000);
  };
  const sortHeader = (label: string, asc: 'due' | 'updated') => {
    const active = asc === 'due' ? f.sort === 'due' || f.sort === '-due' : f.sort === 'updated';
    const next = asc === 'due' ? (f.sort === 'due' ? '-due' : 'due') : 'updated';
    const ariaSort = !active ? 'none' : f.sort === '-due' || f.sort === 'updated' ? 'descending' : 'ascending';
    return (
      <span role="columnheader" aria-sort={ariaSort}>
        <button type="button" onClick={() => setFilters({ sort: next })}>
          {label} {active ? (ariaSort === 'ascending' ? '▲' : '▼') : ''}
        </button>
      </span>
    );
  };
  const anyFilter = Object.keys(filterQuery).length > 0;

  return (
    <>
      <PageTitle>{t('listTitle')}</PageTitle>
      {/* Lead or supporting: about the officer's agency, or the agency a reader picked. */}
      {(user.role === 'agency' || f.agencyId) && (
        <div className="actions-row" role="group" aria-label={t('roleSwitch')} data-testid="role-switch">
          <button type="button" aria-pressed={f.role === ''} className={f.role === '' ? 'primary' : ''} onClick={() => setFilters({ role: '' })}>
            {t('roleLead')}
          </button>
          <button type="button" aria-pressed={f.role === 'support'} className={f.role === 'support' ? 'primary' : ''} onClick={() => setFilters({ role: 'support' })}>
            {t('roleSupport')}
          </button>
        </div>
      )}
      <details className="filters" open={window.innerWidth > 760 || anyFilter}>
        <summary>{t('filters')}</summary>
        <form className="filter-grid" role="search" onSubmit={(e) => e.preventDefault()}>
          <div className="field" style={{ gridColumn: 'span 2' }}>
            <label htmlFor="f-q">{t('filterQ')}</label>
            <input id="f-q" maxLength={200} type="search" value={q} onChange={(e) => setQ(e.target.value)} aria-describedby="f-q-hint" />
            <small id="f-q-hint" className="hint">
              {t('filterQHint')}
            </small>
          </div>
          {user.role !== 'agency' && (
            <div className="field">
              <label htmlFor="f-agency">{t('filterAgency')}</label>
              <select id="f-agency" value={f.agencyId} onChange={(e) => setFilters({ agencyId: e.target.value })}>
                <option value="">{t('all')}</option>
                {(agencies.data ?? []).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="f-bucket">{t('filterBucket')}</label>
            <select id="f-bucket" value={f.bucket[0] ?? ''} onChange={(e) => setFilters({ bucket: e.target.value ? [e.target.value] : [] })}>
              <option value="">{t('all')}</option>
              {BUCKETS.map((b) => (
                <option key={b} value={b}>
                  {tk(`bucket_${b}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-state">{t('filterState')}</label>
            <select id="f-state" value={f.state[0] ?? ''} onChange={(e) => setFilters({ state: e.target.value ? [e.target.value] : [] })}>
              <option value="">{t('all')}</option>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {tk(`state_${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-pending">{t('filterPending')}</label>
            <select id="f-pending" value={f.pending} onChange={(e) => setFilters({ pending: e.target.value })}>
              <option value="">{t('all')}</option>
              {PENDING.map((p) => (
                <option key={p} value={p}>
                  {tk(`pending_${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-from">{t('filterDueFrom')}</label>
            <DateInput id="f-from" value={f.dueFrom} onChange={(v) => setFilters({ dueFrom: v })} />
          </div>
          <div className="field">
            <label htmlFor="f-to">{t('filterDueTo')}</label>
            <DateInput id="f-to" value={f.dueTo} onChange={(v) => setFilters({ dueTo: v })} />
          </div>
          <div className="field">
            <label htmlFor="f-doc">{t('filterDocument')}</label>
            <select id="f-doc" value={f.documentId} onChange={(e) => setFilters({ documentId: e.target.value })}>
              <option value="">{t('all')}</option>
              {(docs.data ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.number ?? d.subject ?? d.id.slice(0, 8)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-leader">{t('filterLeader')}</label>
            <select id="f-leader" value={f.leaderId} onChange={(e) => setFilters({ leaderId: e.target.value })}>
              <option value="">{t('all')}</option>
              {(leaders.data ?? []).map((l) => (
                <option key={l.id} value={l.id}>
                  {l.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-sort">{t('sortBy')}</label>
            <select id="f-sort" value={f.sort} onChange={(e) => setFilters({ sort: e.target.value as Filters['sort'] })}>
              <option value="due">{t('sortDue')}</option>
              <option value="-due">{t('sortDueDesc')}</option>
              <option value="updated">{t('sortUpdated')}</option>
            </select>
          </div>
        </form>
      </details>
      {f.groupId && (
        <p className="notice" data-testid="group-note">
          {t('groupFilter', { g: (groups.data ?? []).find((g) => g.id === f.groupId)?.name ?? '…' })}{' '}
          <button type="button" className="link-button" onClick={() => setFilters({ groupId: '' })}>
            {t('clearGroup')}
          </button>
        </p>
      )}
      {f.delivery && (
        <p className="notice" data-testid="delivery-note">
          {t('deliveryListNote')}{' '}
          <button type="button" className="link-button" onClick={() => setFilters({ delivery: '' })}>
            {t('deliveryListClear')}
          </button>
        </p>
      )}
      {f.asOf && (
        <p className="notice" data-testid="as-of-note">
          {t('asOf', { d: fmtDate(f.asOf) })}{' '}
          <button type="button" className="link-button" onClick={() => setFilters({ asOf: '' })}>
            {t('asOfToday')}
          </button>
        </p>
      )}
      <div className="actions-row">
        <strong aria-live="polite" data-testid="result-count">
          {total === null ? t('loading') : t('resultCount', { n: fmtNumber(total) })}
        </strong>
        {total !== null && rows.length < total && <span className="muted">{t('loadedOf', { a: fmtNumber(rows.length), b: fmtNumber(total) })}</span>}
        {anyFilter && (
          <button type="button" onClick={() => navigate('/nhiem-vu', { replace: true })}>
            {t('clearFilters')}
          </button>
        )}
        <a href={`/api/assignments/export.xlsx${qs({ ...filterQuery, sort: f.sort })}`} download data-external>
          {t('exportXlsx')}
        </a>
        <button type="button" className="link-button" onClick={copy}>
          {t('copyLink')}
        </button>
        {copied && <span role="status">{t('linkCopied')}</span>}
      </div>
      <ErrorBox error={error} onRetry={() => void loadPage(rows.length === 0, rows.length ? cursor : null)} />
      <ErrorBox error={counts.error} />
      <VirtualRows rows={rows} rowH={rowH} asOf={asOf} total={total} resetKey={key} onWindow={onWindow} loading={loading} empty={!loading && rows.length === 0 && !error} sortHeader={sortHeader} />
    </>
  );
}

/**
 * The scrolling window: only rows in view (plus a margin) are in the DOM. Scrolling re-renders
 * this component alone, not the filters above it.
 */
function VirtualRows({ rows, rowH, asOf, total, resetKey, onWindow, loading, empty, sortHeader }: {
  rows: AssignmentRow[];
  rowH: number;
  asOf: string;
  total: number | null;
  resetKey: string;
  onWindow: (last: number) => void;
  loading: boolean;
  empty: boolean;
  sortHeader: (label: string, key: 'due' | 'updated') => React.ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewH, setViewH] = useState(600);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewH(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    scroller.current?.scrollTo(0, 0);
    setScrollTop(0);
  }, [resetKey]);
  const first = Math.max(0, Math.floor(scrollTop / rowH) - 10);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewH) / rowH) + 10);
  useEffect(() => onWindow(last), [last, onWindow]);
  return (
    <div className="vt-wrap">
      <div className="vt-scroll" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} tabIndex={0} data-testid="vt-scroll">
        <div role="table" aria-label={t('listTitle')} aria-rowcount={total ?? rows.length}>
          <div className="vt-head" role="row" aria-rowindex={1}>
            <span role="columnheader">{t('colRef')}</span>
            <span role="columnheader">{t('colTask')}</span>
            <span role="columnheader">{t('colAgency')}</span>
            {sortHeader(t('colDue'), 'due')}
            <span role="columnheader">{t('colStatus')}</span>
            {sortHeader(t('colProgress'), 'updated')}
          </div>
          <div role="rowgroup" style={{ height: rows.length * rowH, position: 'relative' }}>
            {rows.slice(first, last).map((a, i) => (
              <Row key={a.id} a={a} index={first + i} rowH={rowH} asOf={asOf} />
            ))}
          </div>
        </div>
        {empty && <p style={{ padding: '1rem' }}>{t('noResults')}</p>}
        {loading && (
          <p className="muted" role="status" style={{ padding: '0.5rem 1rem' }}>
            {t('loading')}
          </p>
        )}
      </div>
    </div>
  );
}

/** One row; memoised so scrolling renders only the rows that come into view. */
const Row = memo(function Row({ a, index, rowH, asOf }: { a: AssignmentRow; index: number; rowH: number; asOf: string }) {
  return (
    <div role="row" aria-rowindex={index + 2} className="vt-row" data-testid="assignment-row" style={{ position: 'absolute', top: index * rowH, left: 0, right: 0, height: rowH }}>
      <span role="cell" className="c-ref">
        {a.ref}
      </span>
      <span role="cell" className="c-task">
        <a href={`/nhiem-vu/${a.id}`} className="task" title={a.text}>
          {a.text}
        </a>
      </span>
      <span role="cell" className="c-agency">
        {a.agencyName}
      </span>
      <span role="cell" className="c-due">
        <DueInfo due={a.due} bucket={a.bucket} asOf={asOf} daysOverdue={a.daysOverdue} />
      </span>
      <span role="cell" className="c-status">
        <BucketBadge bucket={a.bucket} />
      </span>
      <span role="cell" className="c-progress">
        <Progress value={a.progressPercent} />
      </span>
    </div>
  );
});
