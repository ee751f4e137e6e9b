/**
 * The progress / completion report form of the lead agency, shared by the assignment page and
 * "Cơ quan tôi"; and, with kind "contribution", a supporting agency's contribution (text and files).
 */
import { useRef, useState } from 'react';
import { api } from '../api';
import { t } from '../i18n';
import { ErrorBox, Notice, useSubmit } from '../components';
import { FIELD } from '../../shared/field-limits';

/** The server's limit per attachment (MAX_ATTACHMENT_BYTES), also stated in the field's label. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

export function ReportForm({ assignmentId, kind, initialPercent = 0, onDone, idPrefix }: { assignmentId: string; kind: 'progress' | 'completion' | 'contribution'; initialPercent?: number; onDone: () => void; idPrefix: string }) {
  const [text, setText] = useState('');
  const [percent, setPercent] = useState(String(kind === 'completion' ? 100 : initialPercent));
  const [outlook, setOutlook] = useState('on_track');
  const [reason, setReason] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const s = useSubmit();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void s
      .run(async () => {
        const fd = new FormData();
        fd.append('text', text);
        if (kind === 'progress') {
          if (percent !== '') fd.append('percent', String(Math.round(Number(percent))));
          fd.append('outlook', outlook);
          if (reason) fd.append('outlookReason', reason);
        }
        for (const file of Array.from(fileRef.current?.files ?? [])) {
          // Said here at once; the server refuses the same files with the same words.
          if (file.size === 0) throw new Error(t('emptyFile', { name: file.name }));
          if (file.size > MAX_FILE_BYTES) throw new Error(t('fileTooBig', { name: file.name }));
          fd.append('file', file, file.name);
        }
        await api('POST', `/api/assignments/${assignmentId}/${kind === 'contribution' ? 'contributions' : kind}`, fd);
      }, kind === 'contribution' ? t('contributionSent') : t('sent'))
      .then((ok) => {
        if (ok) {
          setText('');
          setReason('');
          if (fileRef.current) fileRef.current.value = '';
          onDone();
        }
      });
  };
  const id = (x: string) => `${idPrefix}-${kind}-${x}`;
  return (
    <form onSubmit={submit} data-testid={`${kind}-form`}>
      <div className="field">
        <label htmlFor={id('text')}>{kind === 'contribution' ? t('contributionText') : t('reportText')}</label>
        <textarea id={id('text')} maxLength={FIELD.reportText} required value={text} onChange={(e) => setText(e.target.value)} rows={3} />
      </div>
      {kind === 'progress' && (
        <div className="row">
          <div className="field">
            <label htmlFor={id('percent')}>{t('percent')}</label>
            <input id={id('percent')} type="number" inputMode="numeric" min={0} max={100} step={5} value={percent} onChange={(e) => setPercent(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={id('outlook')}>{t('outlook')}</label>
            <select id={id('outlook')} value={outlook} onChange={(e) => setOutlook(e.target.value)}>
              <option value="on_track">{t('outlook_on_track')}</option>
              <option value="at_risk">{t('outlook_at_risk')}</option>
              <option value="off_track">{t('outlook_off_track')}</option>
            </select>
          </div>
        </div>
      )}
      {kind === 'progress' && outlook !== 'on_track' && (
        <div className="field">
          <label htmlFor={id('reason')}>{t('outlookReason')}</label>
          <input id={id('reason')} maxLength={FIELD.note} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor={id('file')}>{t('attachFile')}</label>
        <input id={id('file')} type="file" multiple ref={fileRef} />
      </div>
      <ErrorBox error={s.error} />
      {s.done && <Notice>{s.done}</Notice>}
      <button type="submit" className="primary" disabled={s.busy}>
        {s.busy ? t('sending') : kind === 'progress' ? t('reportProgress') : kind === 'completion' ? t('reportCompletion') : t('contribute')}
      </button>
    </form>
  );
}
