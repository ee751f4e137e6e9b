/** Cần xử lý: the office's inbox — completions to review and extensions to decide, oldest first. */
import { get } from '../api';
import { t, tk } from '../i18n';
import { ErrorBox, Loading, PageTitle, useAsync } from '../components';
import { fmtDate, fmtDateTime } from '../format';

export interface InboxCounts {
  completions: number;
  extensions: number;
}

interface InboxEntry {
  kind: 'completion' | 'extension';
  id: string;
  assignmentId: string;
  ref: string | null;
  text: string;
  agencyName: string;
  documentNumber: string | null;
  due: string | null;
  requestedDue: string | null;
  note: string;
  submittedBy: string | null;
  submittedAt: string;
}

export default function Inbox() {
  const inbox = useAsync(() => get<{ items: InboxEntry[]; counts: InboxCounts }>('/api/inbox', { limit: 500 }), []);
  return (
    <>
      <PageTitle>{t('inboxTitle')}</PageTitle>
      <p className="muted">{t('inboxHint')}</p>
      <ErrorBox error={inbox.error} onRetry={inbox.reload} />
      {inbox.loading && !inbox.data && <Loading />}
      {inbox.data && (
        <>
          <p data-testid="inbox-counts">
            <a href="/nhiem-vu?pending=completion">{t('inboxCompletions', { n: inbox.data.counts.completions })}</a>
            {' · '}
            <a href="/nhiem-vu?pending=extension">{t('inboxExtensions', { n: inbox.data.counts.extensions })}</a>
          </p>
          {inbox.data.items.length === 0 ? (
            <p>{t('inboxEmpty')}</p>
          ) : (
            <ol className="inbox-list" data-testid="inbox-list">
              {inbox.data.items.map((e) => (
                <li key={`${e.kind}:${e.id}`} className="card">
                  <p>
                    <span className={`badge inbox-${e.kind}`}>{tk(`inboxKind_${e.kind}`)}</span> <strong>{e.agencyName}</strong>
                    {e.documentNumber ? ` · ${e.documentNumber}` : ''}
                    {e.due ? ` · ${t('due')}: ${fmtDate(e.due)}` : ''}
                    {e.requestedDue ? ` · ${t('inboxRequestedDue', { d: fmtDate(e.requestedDue) })}` : ''}
                  </p>
                  <p>
                    <a href={`/nhiem-vu/${e.assignmentId}`}>{`${e.ref ? `${e.ref}. ` : ''}${e.text.length > 200 ? `${e.text.slice(0, 199)}…` : e.text}`}</a>
                  </p>
                  <p className="muted">{e.note.length > 300 ? `${e.note.slice(0, 299)}…` : e.note}</p>
                  <small className="muted">
                    {t('inboxSubmitted', { d: fmtDateTime(e.submittedAt) })}
                    {e.submittedBy ? ` · ${e.submittedBy}` : ''}
                  </small>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </>
  );
}
