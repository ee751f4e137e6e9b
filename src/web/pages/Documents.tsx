/** Văn bản: list and search; link to import. */
import { useEffect, useState } from 'react';
import { get, type Doc } from '../api';
import { t } from '../i18n';
import { ErrorBox, Loading, PageTitle, isOffice, useAsync, useSession } from '../components';
import { fmtDate, fmtNumber } from '../format';
import { navigate, useLocation } from '../router';

export default function Documents() {
  const { user } = useSession();
  const { params } = useLocation();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => {
    const h = setTimeout(() => text !== q && navigate(`/van-ban?${new URLSearchParams({ ...(text ? { q: text } : {}), ...(status ? { status } : {}) })}`, { replace: true }), 350);
    return () => clearTimeout(h);
  }, [text]); // eslint-disable-line react-hooks/exhaustive-deps
  const docs = useAsync(() => get<{ items: Doc[] }>('/api/documents', { q, status, limit: 200 }), [q, status]);
  return (
    <>
      <PageTitle>{t('docsTitle')}</PageTitle>
      <div className="row">
        <div className="field">
          <label htmlFor="doc-q">{t('searchDocs')}</label>
          <input id="doc-q" maxLength={200} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field" style={{ flex: '0 1 12rem' }}>
          <label htmlFor="doc-status">{t('status')}</label>
          <select id="doc-status" value={status} onChange={(e) => navigate(`/van-ban?${new URLSearchParams({ ...(q ? { q } : {}), ...(e.target.value ? { status: e.target.value } : {}) })}`, { replace: true })}>
            <option value="">{t('all')}</option>
            <option value="draft">{t('status_draft')}</option>
            <option value="published">{t('status_published')}</option>
          </select>
        </div>
        {isOffice(user) && (
          <div className="field" style={{ flex: '0 0 auto' }}>
            <a href="/van-ban/nhap" className="btn primary">
              {t('importDoc')}
            </a>
          </div>
        )}
      </div>
      <ErrorBox error={docs.error} onRetry={docs.reload} />
      {!docs.data && docs.loading && <Loading />}
      {docs.data && docs.data.items.length === 0 && <p role="status">{q || status ? (q ? t('noDocsFound', { q }) : t('noDocsFiltered')) : t('noDocs')}</p>}
      {docs.data && docs.data.items.length > 0 && (
        <div className="table-scroll card">
          <table className="simple" data-testid="documents">
            <thead>
              <tr>
                <th scope="col">{t('docNumber')}</th>
                <th scope="col">{t('docSubject')}</th>
                <th scope="col">{t('docDate')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('itemCount')}</th>
              </tr>
            </thead>
            <tbody>
              {docs.data.items.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">
                    <a href={`/van-ban/${d.id}`}>{d.number ?? '—'}</a>
                  </td>
                  <td>
                    <a href={`/van-ban/${d.id}`}>{d.subject ?? d.kind ?? '—'}</a>
                  </td>
                  <td className="nowrap">{fmtDate(d.docDate)}</td>
                  <td>
                    <span className={`badge ${d.status === 'published' ? 'b-done_on_time' : 'state'}`}>{t(d.status === 'published' ? 'status_published' : 'status_draft')}</span>
                  </td>
                  <td>
                    {d.status === 'published' ? <a href={`/nhiem-vu?documentId=${d.id}`}>{fmtNumber(d.itemCount ?? 0)}</a> : fmtNumber(d.itemCount ?? 0)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
