/** One assignment: source passage, agencies, deadline and history, reports, extensions, review, audit trail. */
import { useState } from 'react';
import { agenciesList, get, post, type Bucket, type EventRow, type State } from '../api';
import { t, tk } from '../i18n';
import { BucketBadge, DateInput, ErrorBox, Loading, Notice, PageTitle, Progress, StateBadge, useAsync, useSession, useSubmit } from '../components';
import { fmtBytes, fmtDate, fmtDateTime, fmtNumber } from '../format';
import { ReportForm } from './ReportForm';
import { FIELD } from '../../shared/field-limits';

interface Attachment {
  id: string;
  fileName: string;
  mime: string;
  size: number;
}
interface Report {
  id: string;
  kind: 'progress' | 'completion';
  text: string;
  percent: number | null;
  outlook: string | null;
  outlookReason: string | null;
  reportedOn: string;
  reviewStatus: 'pending' | 'accepted' | 'returned' | null;
  reviewNote: string | null;
  authorName: string | null;
  createdAt: string;
  attachments: Attachment[];
}
interface Extension {
  id: string;
  previousDue: string | null;
  requestedDue: string;
  reason: string;
  status: 'pending' | 'approved' | 'refused';
  decisionNote: string | null;
  createdAt: string;
  decidedAt: string | null;
}
interface Contribution {
  id: string;
  agencyId: string;
  agencyName: string;
  authorName: string | null;
  text: string;
  createdAt: string;
  attachments: Attachment[];
}
/** Named like the server's operations (src/assignments/assignment-actions.ts). */
type Action =
  | 'receive'
  | 'report_progress'
  | 'report_completion'
  | 'request_extension'
  | 'accept_completion'
  | 'return_completion'
  | 'decide_extension'
  | 'contribute'
  | 'reassign'
  | 'cancel'
  | 'change_deadline';
interface Detail {
  assignment: {
    id: string;
    state: State;
    bucket: Bucket;
    daysOverdue: number;
    /** What the signed-in user may do now, decided by the server; the page only shows it. */
    actions: Action[];
    myRole: 'lead' | 'support' | null;
    due: string | null;
    originalDue: string | null;
    dueText: string | null;
    /** A recurring duty: due again every period, each period's report moving the deadline on. */
    recurrence: { freq: string; text: string } | null;
    progressPercent: number;
    outlook: string | null;
    supportNames: string[];
    extensionCount: number;
    completedOn: string | null;
    agencyId: string;
  };
  agency: { id: string; code: string; name: string } | null;
  leader: { id: string; displayName: string } | null;
  item: { id: string; ref: string | null; text: string; startOffset: number | null; endOffset: number | null; dueText: string | null; expectedResult: string | null; reportTo: string | null } | null;
  document: { id: string; kind: string | null; number: string | null; docDate: string | null; subject: string | null; signer: string | null } | null;
  reports: Report[];
  extensions: Extension[];
  contributions: Contribution[];
  deadlineHistory: { due: string | null; source: string; at?: string | null }[];
  events: EventRow[];
}
interface Delivery {
  id: string;
  passDate?: string;
  channel?: string;
  channelLabel?: string;
  status?: string;
  statusLabel?: string;
  ruleLabels?: string[];
  sentAt?: string | null;
  createdAt?: string;
  recipient?: string;
  address?: string | null;
  subject?: string;
}

export default function AssignmentPage({ id }: { id: string }) {
  const { user } = useSession();
  const d = useAsync(() => get<Detail>(`/api/assignments/${id}`), [id]);
  const deliveries = useAsync(() => get<{ items?: Delivery[] } | Delivery[]>(`/api/assignments/${id}/deliveries`).then((r) => (Array.isArray(r) ? r : (r.items ?? []))).catch(() => null), [id]);
  if (d.error?.status === 404 || d.error?.status === 403) {
    return (
      <>
        <PageTitle>{t('notFoundTitle')}</PageTitle>
        <p role="alert" data-testid="not-found">
          {t('notFoundAssignment')}
        </p>
        <p className="muted">{d.error.detail}</p>
        <a href="/nhiem-vu">{t('backToList')}</a>
      </>
    );
  }
  if (d.error) return <ErrorBox error={d.error} onRetry={d.reload} />;
  if (!d.data) return <Loading />;
  const { assignment: a, item, document: doc, agency, leader } = d.data;
  const reload = d.reload;
  const may = (action: Action) => a.actions.includes(action);
  const officeActions = (['change_deadline', 'reassign', 'cancel'] as const).filter(may);
  return (
    <>
      <p>
        <a href="/nhiem-vu">← {t('backToList')}</a>
      </p>
      <PageTitle>{t('assignmentTitle', { ref: item?.ref ?? '' })}</PageTitle>
      <div className="actions-row">
        <BucketBadge bucket={a.bucket} />
        <StateBadge state={a.state} />
        <Progress value={a.progressPercent} />
        {a.outlook && <span className="badge state">{tk(`outlook_${a.outlook}`)}</span>}
      </div>
      {a.myRole === 'support' && (
        <p className="notice" data-testid="support-note">
          {t('youSupport')}
        </p>
      )}
      <div className="grid side">
        <div>
          <section className="card" aria-labelledby="src-h">
            <h2 id="src-h">{t('sourcePassage')}</h2>
            <blockquote className="source" data-testid="source-passage" tabIndex={0}>
              {item?.text}
            </blockquote>
            {item && doc && item.startOffset !== null && <SourceContext documentId={doc.id} start={item.startOffset} end={item.endOffset ?? item.startOffset} />}
          </section>
          <section className="card" aria-labelledby="tl-h">
            <h2 id="tl-h">{t('timeline')}</h2>
            {d.data.reports.length === 0 && <p>{t('noReports')}</p>}
            <ol className="timeline" data-testid="timeline">
              {d.data.reports.map((r) => (
                <li key={r.id} className={`tl-${r.kind}`}>
                  <strong>{t(r.kind === 'progress' ? 'report_progress' : 'report_completion')}</strong>
                  {r.percent !== null && <> · {fmtNumber(r.percent)}%</>}
                  {r.outlook && <> · {tk(`outlook_${r.outlook}`)}</>}
                  <div className="muted">
                    <small>
                      {fmtDate(r.reportedOn)} · {t('by', { who: r.authorName ?? '—' })}
                    </small>
                  </div>
                  <p className="report-text">{r.text}</p>
                  {r.outlookReason && <p className="muted">{r.outlookReason}</p>}
                  <Files files={r.attachments} />
                  {r.reviewStatus && (
                    <p>
                      <span className={`badge ${r.reviewStatus === 'accepted' ? 'b-done_on_time' : r.reviewStatus === 'returned' ? 'b-open_overdue' : 'state'}`}>{tk(`review_${r.reviewStatus}`)}</span>
                      {r.reviewNote && (
                        <>
                          {' '}
                          {t('reviewNote')}: {r.reviewNote}
                        </>
                      )}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          </section>
          <section className="card" aria-labelledby="contrib-h">
            <h2 id="contrib-h">{t('contributionsTitle')}</h2>
            {d.data.contributions.length === 0 && <p className="muted">{t('noContributions')}</p>}
            <ol className="timeline" data-testid="contributions">
              {d.data.contributions.map((c) => (
                <li key={c.id} className="tl-contribution">
                  <strong>{c.agencyName}</strong>
                  <div className="muted">
                    <small>
                      {fmtDateTime(c.createdAt)} · {t('by', { who: c.authorName ?? '—' })}
                    </small>
                  </div>
                  <p className="report-text">{c.text}</p>
                  <Files files={c.attachments} />
                </li>
              ))}
            </ol>
          </section>
          <section className="card" aria-labelledby="audit-h">
            <h2 id="audit-h">{t('auditTrail')}</h2>
            <div className="table-scroll">
              <table className="simple" data-testid="audit">
                <thead>
                  <tr>
                    <th scope="col">{t('auditWhen')}</th>
                    <th scope="col">{t('auditWhat')}</th>
                    <th scope="col">{t('auditWho')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.data.events.map((e) => (
                    <tr key={e.id}>
                      <td className="nowrap">{fmtDateTime(e.at)}</td>
                      <td>{tk(`ev_${e.action.replace('.', '_')}`, e.action)}</td>
                      <td>{e.actorName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
        <div>
          <section className="card" aria-labelledby="facts-h">
            <h2 id="facts-h" className="sr-only">
              {t('document')}
            </h2>
            <dl className="facts">
              <dt>{t('leadAgency')}</dt>
              <dd>{agency?.name}</dd>
              <dt>{t('supportAgencies')}</dt>
              <dd>{a.supportNames.length ? a.supportNames.join('; ') : '—'}</dd>
              {leader && (
                <>
                  <dt>{t('leaderInCharge')}</dt>
                  <dd>{leader.displayName}</dd>
                </>
              )}
              <dt>{t('deadline')}</dt>
              <dd data-testid="due">
                {a.due ? fmtDate(a.due) : t('noDue')}
                {a.daysOverdue > 0 && <strong className="due-rel late">{t('daysOverdue', { n: a.daysOverdue })}</strong>}
              </dd>
              {a.recurrence && (
                <>
                  <dt>{t('recurrence')}</dt>
                  <dd data-testid="recurrence">
                    {tk(`freq_${a.recurrence.freq}`, a.recurrence.freq)}
                    {a.recurrence.text && <> — “{a.recurrence.text}”</>} <small className="muted">{t('recurrenceHint')}</small>
                  </dd>
                </>
              )}
              {(a.dueText ?? item?.dueText) && (
                <>
                  <dt>{t('deadlinePhrase')}</dt>
                  <dd>“{a.dueText ?? item?.dueText}”</dd>
                </>
              )}
              <dt>{t('document')}</dt>
              <dd>
                {doc && (
                  <>
                    {doc.number} {doc.docDate && `(${fmtDate(doc.docDate)})`}
                    <br />
                    <small>{doc.subject}</small>
                  </>
                )}
              </dd>
            </dl>
            {d.data.deadlineHistory.length > 1 && (
              <>
                <h3>{t('deadlineHistory')}</h3>
                <ul className="list-plain">
                  {d.data.deadlineHistory.map((h, i) => (
                    <li key={i}>
                      {tk(`dh_${h.source}`, h.source)}: {h.due ? fmtDate(h.due) : t('noDue')} {h.at && <small className="muted">({fmtDateTime(h.at)})</small>}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section aria-labelledby="act-h">
            <h2 id="act-h">{t('actions')}</h2>
            {a.actions.length === 0 && <p className="muted">{t('noActions')}</p>}
            {may('receive') && <SimpleAction label={t('receive')} url={`/api/assignments/${id}/receive`} onDone={reload} />}
            {may('contribute') && (
              <details className="action" open>
                <summary>{t('contribute')}</summary>
                <ReportForm assignmentId={id} kind="contribution" onDone={reload} idPrefix="ap" />
              </details>
            )}
            {may('report_progress') && (
              <details className="action" open={user.role === 'agency'}>
                <summary>{t('reportProgress')}</summary>
                <ReportForm assignmentId={id} kind="progress" initialPercent={a.progressPercent} onDone={reload} idPrefix="ap" />
              </details>
            )}
            {may('report_completion') && (
              <details className="action">
                <summary>{t('reportCompletion')}</summary>
                <ReportForm assignmentId={id} kind="completion" onDone={reload} idPrefix="ap" />
              </details>
            )}
            {(may('accept_completion') || may('return_completion')) && <ReviewForm id={id} canAccept={may('accept_completion')} canReturn={may('return_completion')} onDone={reload} />}
            <section className="card" aria-labelledby="ext-h">
              <h3 id="ext-h">{t('extensionsTitle')}</h3>
              {d.data.extensions.length === 0 && <p className="muted">{t('noExtensions')}</p>}
              <ul className="list-plain">
                {d.data.extensions.map((e) => (
                  <li key={e.id}>
                    {fmtDate(e.previousDue)} → <strong>{fmtDate(e.requestedDue)}</strong> · {tk(`ext_${e.status}`)}
                    <div>
                      {t('reason')}: {e.reason}
                    </div>
                    {e.decisionNote && (
                      <div className="muted">
                        {t('note')}: {e.decisionNote}
                      </div>
                    )}
                    {e.status === 'pending' && may('decide_extension') && <ExtensionDecision id={id} requestId={e.id} onDone={reload} />}
                  </li>
                ))}
              </ul>
              {may('request_extension') && <ExtensionRequest id={id} onDone={reload} />}
            </section>
            {officeActions.length > 0 && <OfficeActions id={id} currentAgencyId={a.agencyId} allowed={officeActions} onDone={reload} />}
            {deliveries.data && (
              <section className="card" aria-labelledby="del-h">
                <h3 id="del-h">{t('deliveries')}</h3>
                {deliveries.data.length === 0 && <p className="muted">{t('noDeliveries')}</p>}
                <ul className="list-plain">
                  {deliveries.data.map((x) => (
                    <li key={x.id}>
                      {x.sentAt ? fmtDateTime(x.sentAt) : fmtDate(x.passDate ?? x.createdAt)} · {x.ruleLabels?.join(', ') ?? ''} · {x.channelLabel ?? x.channel ?? ''} · {x.recipient ?? ''} {x.address ? `<${x.address}>` : ''}{' '}
                      {x.status && <span className="badge state">{x.statusLabel ?? x.status}</span>}
                      {x.subject && (
                        <div>
                          <small className="muted">{x.subject}</small>
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </section>
        </div>
      </div>
    </>
  );
}

function SourceContext({ documentId, start, end }: { documentId: string; start: number; end: number }) {
  const [show, setShow] = useState(false);
  const doc = useAsync(() => (show ? get<{ document: { text: string } }>(`/api/documents/${documentId}`) : Promise.resolve(null)), [show]);
  if (!show)
    return (
      <button type="button" className="link-button" onClick={() => setShow(true)}>
        {t('showMoreSource')}
      </button>
    );
  if (doc.error) return <ErrorBox error={doc.error} />;
  if (!doc.data) return <Loading />;
  const text = doc.data.document.text;
  const from = Math.max(0, text.lastIndexOf('\n', Math.max(0, start - 400)));
  const to = Math.min(text.length, end + 400);
  return (
    <blockquote className="source" style={{ marginTop: '0.5rem' }} tabIndex={0}>
      {from > 0 && '… '}
      {text.slice(from, start)}
      <mark>{text.slice(start, end)}</mark>
      {text.slice(end, to)}
      {to < text.length && ' …'}
    </blockquote>
  );
}

function SimpleAction({ label, url, onDone }: { label: string; url: string; onDone: () => void }) {
  const s = useSubmit();
  return (
    <div className="actions-row">
      <button type="button" className="primary" disabled={s.busy} onClick={() => void s.run(() => post(url)).then((ok) => ok && onDone())}>
        {label}
      </button>
      <ErrorBox error={s.error} />
    </div>
  );
}

function Files({ files }: { files: Attachment[] }) {
  if (!files.length) return null;
  return (
    <ul>
      {files.map((f) => (
        <li key={f.id}>
          <a href={`/api/attachments/${f.id}`} download={f.fileName} data-external>
            {f.fileName}
          </a>{' '}
          <small className="muted">({fmtBytes(f.size)})</small>
        </li>
      ))}
    </ul>
  );
}

function ReviewForm({ id, canAccept, canReturn, onDone }: { id: string; canAccept: boolean; canReturn: boolean; onDone: () => void }) {
  const [note, setNote] = useState('');
  const s = useSubmit();
  const decide = (decision: 'accept' | 'return') => void s.run(() => post(`/api/assignments/${id}/review`, { decision, ...(note ? { note } : {}) })).then((ok) => ok && onDone());
  return (
    <section className="card" aria-labelledby="rev-h" data-testid="review-form">
      <h3 id="rev-h">{t('review')}</h3>
      <div className="field">
        <label htmlFor="rev-note">{t('note')}</label>
        <textarea id="rev-note" maxLength={FIELD.note} value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      </div>
      <ErrorBox error={s.error} />
      <div className="actions-row">
        {canAccept && (
          <button type="button" className="primary" disabled={s.busy} onClick={() => decide('accept')}>
            {t('accept')}
          </button>
        )}
        {canReturn && (
          <button type="button" className="danger" disabled={s.busy} onClick={() => decide('return')}>
            {t('returnIt')}
          </button>
        )}
      </div>
    </section>
  );
}

function ExtensionRequest({ id, onDone }: { id: string; onDone: () => void }) {
  const [due, setDue] = useState('');
  const [reason, setReason] = useState('');
  const s = useSubmit();
  return (
    <details className="action">
      <summary>{t('askExtension')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void s.run(() => post(`/api/assignments/${id}/extensions`, { requestedDue: due, reason })).then((ok) => ok && onDone());
        }}
      >
        <div className="field">
          <label htmlFor="ext-due">{t('requestedDue')}</label>
          <DateInput id="ext-due" required value={due} onChange={setDue} />
        </div>
        <div className="field">
          <label htmlFor="ext-reason">{t('reason')}</label>
          <textarea id="ext-reason" maxLength={FIELD.note} required value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
        </div>
        <ErrorBox error={s.error} />
        <button type="submit" className="primary" disabled={s.busy}>
          {t('send')}
        </button>
      </form>
    </details>
  );
}

function ExtensionDecision({ id, requestId, onDone }: { id: string; requestId: string; onDone: () => void }) {
  const [note, setNote] = useState('');
  const s = useSubmit();
  const decide = (decision: 'approve' | 'refuse') =>
    void s.run(() => post(`/api/assignments/${id}/extensions/${requestId}/decision`, { decision, ...(note ? { note } : {}) })).then((ok) => ok && onDone());
  return (
    <div>
      <div className="field">
        <label htmlFor={`extd-${requestId}`}>{t('note')}</label>
        <input id={`extd-${requestId}`} maxLength={FIELD.note} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ErrorBox error={s.error} />
      <div className="actions-row">
        <button type="button" className="primary" disabled={s.busy} onClick={() => decide('approve')}>
          {t('approve')}
        </button>
        <button type="button" className="danger" disabled={s.busy} onClick={() => decide('refuse')}>
          {t('refuse')}
        </button>
      </div>
    </div>
  );
}

function OfficeActions({ id, currentAgencyId, allowed, onDone }: { id: string; currentAgencyId: string; allowed: readonly Action[]; onDone: () => void }) {
  const agencies = useAsync(() => (allowed.includes('reassign') ? agenciesList() : Promise.resolve([])), []);
  const [agencyId, setAgencyId] = useState('');
  const [reason1, setReason1] = useState('');
  const [due, setDue] = useState('');
  const [reason2, setReason2] = useState('');
  const [reason3, setReason3] = useState('');
  const s = useSubmit();
  const [msg, setMsg] = useState('');
  const go = (url: string, body: unknown) =>
    void s.run(() => post(url, body)).then((ok) => {
      if (ok) {
        setMsg(t('saved'));
        onDone();
      }
    });
  return (
    <section className="card" aria-labelledby="off-h">
      <h3 id="off-h">{t('officeActions')}</h3>
      <ErrorBox error={s.error} />
      {msg && <Notice>{msg}</Notice>}
      {allowed.includes('change_deadline') && (
        <details className="action">
          <summary>{t('changeDeadline')}</summary>
          <form onSubmit={(e) => { e.preventDefault(); go(`/api/assignments/${id}/deadline`, { due: due || null, reason: reason2 }); }}>
            <div className="field">
              <label htmlFor="dl-due">{t('newDue')}</label>
              <DateInput id="dl-due" value={due} onChange={setDue} />
            </div>
            <div className="field">
              <label htmlFor="dl-reason">{t('reason')}</label>
              <input id="dl-reason" maxLength={FIELD.note} required value={reason2} onChange={(e) => setReason2(e.target.value)} />
            </div>
            <button type="submit" disabled={s.busy}>{t('save')}</button>
          </form>
        </details>
      )}
      {allowed.includes('reassign') && (
        <details className="action">
          <summary>{t('reassign')}</summary>
          <form onSubmit={(e) => { e.preventDefault(); go(`/api/assignments/${id}/reassign`, { agencyId, reason: reason1 }); }}>
            <div className="field">
              <label htmlFor="ra-agency">{t('newAgency')}</label>
              <select id="ra-agency" required value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
                <option value="">{t('none')}</option>
                {(agencies.data ?? []).filter((x) => x.id !== currentAgencyId).map((x) => (
                  <option key={x.id} value={x.id}>{x.name}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="ra-reason">{t('reason')}</label>
              <input id="ra-reason" maxLength={FIELD.note} required value={reason1} onChange={(e) => setReason1(e.target.value)} />
            </div>
            <button type="submit" disabled={s.busy}>{t('save')}</button>
          </form>
        </details>
      )}
      {allowed.includes('cancel') && (
        <details className="action">
          <summary>{t('cancelAssignment')}</summary>
          <form onSubmit={(e) => { e.preventDefault(); go(`/api/assignments/${id}/cancel`, { reason: reason3 }); }}>
            <div className="field">
              <label htmlFor="cx-reason">{t('reason')}</label>
              <input id="cx-reason" maxLength={FIELD.note} required value={reason3} onChange={(e) => setReason3(e.target.value)} />
            </div>
            <button type="submit" className="danger" disabled={s.busy}>{t('cancelAssignment')}</button>
          </form>
        </details>
      )}
    </section>
  );
}
