/** Import: paste the text or drop a .docx/.pdf; the reader extracts the tasks, then the review screen. */
import { useRef, useState } from 'react';
import { api, post } from '../api';
import { t } from '../i18n';
import { ErrorBox, PageTitle, useSubmit } from '../components';
import { navigate } from '../router';
import { fmtBytes } from '../format';
import { FIELD } from '../../shared/field-limits';

export default function ImportDocument() {
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const s = useSubmit();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      let r: { document: { id: string } };
      if (file) {
        const fd = new FormData();
        fd.append('file', file, file.name);
        r = await api('POST', '/api/documents', fd);
      } else {
        r = await post('/api/documents', { text });
      }
      navigate(`/van-ban/${r.document.id}`);
    });
  };
  return (
    <>
      <PageTitle>{t('importTitle')}</PageTitle>
      <p>{t('importHint')}</p>
      <form onSubmit={submit} className="card">
        <div
          className={`dropzone ${over ? 'over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            const f = e.dataTransfer.files[0];
            if (f) setFile(f);
          }}
        >
          <label htmlFor="imp-file">{t('dropFile')}</label>
          <input
            id="imp-file"
            ref={input}
            type="file"
            accept=".docx,.pdf,.txt,.doc,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
            style={{ display: 'block', margin: '0.6rem auto 0' }}
            onClick={(e) => e.stopPropagation()}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        {file && (
          <p>
            {t('chosenFile', { name: file.name })} ({fmtBytes(file.size)}){' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setFile(null);
                if (input.current) input.current.value = '';
              }}
            >
              {t('removeFile')}
            </button>
          </p>
        )}
        {!file && (
          <div className="field" style={{ marginTop: '0.8rem' }}>
            <label htmlFor="imp-text">{t('pasteText')}</label>
            <textarea id="imp-text" maxLength={FIELD.documentText} rows={14} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
        )}
        <ErrorBox error={s.error} />
        <button type="submit" className="primary" disabled={s.busy || (!file && !text.trim())}>
          {s.busy ? t('reading') : t('read')}
        </button>
      </form>
    </>
  );
}
