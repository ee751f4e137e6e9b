/** Cần xử lý: the office's inbox — completions to review and extensions to decide, oldest first. */
import type { InboxCounts, InboxEntry } from '../../notifications/list-inbox';
import { get } from '../api';
import { t, tk } from '../i18n';
import { ErrorBox, Loading, PageTitle, useAsync } from '../components';
import { fmtDate, fmtDateTime } from '../format';

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
