/**
 * Review before publishing: the source text with every extracted field highlighted where it came
 * from, and the tasks, editable (text, lead/support agencies from the directory, deadline and its
 * phrase, ref, leader); add, delete, split, merge; unresolved names and unsure fields are marked.
 */
import { Fragment, useMemo, useRef, useState, type ReactNode } from 'react';
import { agenciesList, del, get, groupsList, leadersList, patch, post, type AddresseeRef, type Agency, type Doc, type Group, type Item, type MissedParagraph, type User } from '../api';
import { t, tk } from '../i18n';
import { DateInput, ErrorBox, Loading, Notice, PageTitle, isOffice, useAsync, useSession, useSubmit } from '../components';
import { fmtDate, fmtNumber } from '../format';
import { navigate } from '../router';
import { FIELD } from '../../shared/field-limits';

interface Preview {
  items: number;
  assignments: number;
  canPublish: boolean;
  problems: string[];
  byAgency: { agencyId: string; name: string; assignments: number }[];
  groups: { groupId: string; name: string; members: number; items: number; assignments: number }[];
  unresolved: { name: string; role: 'lead' | 'support'; itemIds: string[]; refs: string[] }[];
  perItem: { itemId: string; ref: string; assignments: number; unclearLabels: string[] }[];
}

interface Directory {
  agencies: Agency[];
  groups: Group[];
  leaders: User[];
}

export default function DocumentReview({ id }: { id: string }) {
  const { user } = useSession();
  const doc = useAsync(() => get<{ document: Doc & { text: string }; items: Item[] }>(`/api/documents/${id}`), [id]);
  const dir = useAsync<Directory>(
    () => Promise.all([agenciesList(), groupsList(), leadersList().catch(() => [])]).then(([agencies, groups, leaders]) => ({ agencies, groups, leaders })),
    [],
  );
  const [active, setActive] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const pub = useSubmit();
  if (doc.error) return <ErrorBox error={doc.error} onRetry={doc.reload} />;
  if (!doc.data || !dir.data) return <Loading />;
  const { document: d, items } = doc.data;
  const missed = d.missed ?? [];
  const editable = d.status === 'draft' && isOffice(user);
  const flagged = items.filter((i) => i.review.length > 0).length;
  const show = (itemId: string) => {
    setActive(itemId);
    document.getElementById(`src-${itemId}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };
  // Publishing is two steps: see what it will create, then confirm once.
  const openPreview = () => void pub.run(async () => setPreview(await get<Preview>(`/api/documents/${id}/publish-preview`)));
  const refreshPreview = () => {
    doc.reload();
    if (preview) openPreview();
  };
  const publish = () =>
    void pub.run(() => post(`/api/documents/${id}/publish`), t('published')).then((ok) => {
      if (ok) {
        setPreview(null);
        doc.reload();
      }
    });
  const removeDraft = () => {
    if (!window.confirm(t('confirmDeleteDraft'))) return;
    void pub.run(() => del(`/api/documents/${id}`), t('draftDeleted')).then((ok) => ok && navigate('/van-ban'));
  };
  return (
    <>
      <PageTitle>{d.status === 'draft' ? t('reviewTitle') : (d.number ?? d.subject ?? t('document'))}</PageTitle>
      <MetaForm doc={d} editable={editable} onSaved={doc.reload} />
      <div className="actions-row">
        <span className={`badge ${d.status === 'published' ? 'b-done_on_time' : 'state'}`}>{t(d.status === 'published' ? 'status_published' : 'status_draft')}</span>
        {flagged > 0 && (
          <span className="badge flag">
            {t('needsReview')}: {fmtNumber(flagged)}
          </span>
        )}
        {editable && (
          <button type="button" className="primary" onClick={openPreview} disabled={pub.busy} data-testid="publish">
            {t('publishPreview')}
          </button>
        )}
        {editable && (
          <button type="button" className="danger" onClick={removeDraft} disabled={pub.busy} data-testid="delete-draft">
            {t('deleteDraft')}
          </button>
        )}
        {d.status === 'published' && <a href={`/nhiem-vu?documentId=${d.id}`}>{t('viewAssignments')}</a>}
      </div>
      <ErrorBox error={pub.error} />
      {pub.done && <Notice>{pub.done}</Notice>}
      {editable && preview && <PublishPreview docId={id} p={preview} dir={dir.data} busy={pub.busy} onPublish={publish} onCancel={() => setPreview(null)} onChanged={refreshPreview} />}
      <div className="review-layout">
        <section className="card source-pane" aria-labelledby="source-h" tabIndex={0}>
          <h2 id="source-h">{t('sourceText')}</h2>
          <p className="hint">{t('legend')}</p>
          <SourceText text={d.text} items={items} missed={missed} active={active} onPick={setActive} />
        </section>
        <section aria-labelledby="tasks-h">
          {missed.length > 0 && <MissedList docId={id} missed={missed} editable={editable} onDone={doc.reload} />}
          <h2 id="tasks-h">{t('extractedTasks', { n: items.length })}</h2>
          {items.map((it, i) => (
            <ItemEditor
              key={it.id + ':' + it.text.length + ':' + JSON.stringify(it.leads) + it.due + it.ref}
              item={it}
              next={items[i + 1] ?? null}
              docId={id}
              dir={dir.data!}
              editable={editable}
              active={active === it.id}
              onShow={() => show(it.id)}
              onChanged={doc.reload}
            />
          ))}
          {editable && <AddItem docId={id} after={items.length ? items[items.length - 1].position : -1} onDone={doc.reload} />}
        </section>
      </div>
    </>
  );
}

function PublishPreview({ docId, p, dir, busy, onPublish, onCancel, onChanged }: { docId: string; p: Preview; dir: Directory; busy: boolean; onPublish: () => void; onCancel: () => void; onChanged: () => void }) {
  const unclear = p.perItem.filter((i) => i.unclearLabels.length > 0);
  return (
    <section className="card" aria-labelledby="preview-h" data-testid="publish-preview">
      <h2 id="preview-h">{t('previewTitle', { n: fmtNumber(p.assignments), a: fmtNumber(p.byAgency.length), i: fmtNumber(p.items) })}</h2>
      {p.problems.length > 0 && (
        <div className="error" role="alert">
          <strong>{t('previewProblems')}:</strong>
          <ul>
            {p.problems.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </div>
      )}
      {p.unresolved.length > 0 && (
        <>
          <h3>{t('previewUnresolved')}</h3>
          <ul className="list-plain" data-testid="preview-unresolved">
            {p.unresolved.map((u) => (
              <ResolveOnce key={`${u.role}|${u.name}`} docId={docId} u={u} dir={dir} onDone={onChanged} />
            ))}
          </ul>
        </>
      )}
      {p.groups.length > 0 && (
        <>
          <h3>{t('previewGroups')}</h3>
          <ul className="list-plain">
            {p.groups.map((g) => (
              <li key={g.groupId}>{t('previewGroupLine', { name: g.name, m: fmtNumber(g.members), n: fmtNumber(g.assignments) })}</li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>{t('previewByAgency')}</summary>
        <ul className="list-plain">
          {p.byAgency.map((a) => (
            <li key={a.agencyId}>
              {a.name}: {fmtNumber(a.assignments)}
            </li>
          ))}
        </ul>
      </details>
      <h3>{t('previewSixClear')}</h3>
      {unclear.length === 0 ? (
        <p className="muted">{t('previewAllClear')}</p>
      ) : (
        <ul className="list-plain" data-testid="preview-unclear">
          {unclear.map((i) => (
            <li key={i.itemId}>{t('previewUnclear', { ref: i.ref, x: i.unclearLabels.join(', ') })}</li>
          ))}
        </ul>
      )}
      <div className="actions-row">
        <button type="button" className="primary" onClick={onPublish} disabled={busy || !p.canPublish} data-testid="confirm-publish">
          {t('confirmPublish', { n: fmtNumber(p.assignments) })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}

function ResolveOnce({ docId, u, dir, onDone }: { docId: string; u: Preview['unresolved'][number]; dir: Directory; onDone: () => void }) {
  const s = useSubmit();
  return (
    <li>
      <strong>{u.name}</strong> <span className="muted">({t(u.role === 'lead' ? 'leads' : 'supports')}, {t('previewUsedIn', { refs: u.refs.join(', ') })})</span>{' '}
      <select
        aria-label={`${t('resolveAll')}: ${u.name}`}
        value=""
        disabled={s.busy}
        onChange={(e) => {
          const r = pick(dir, e.target.value);
          if (r) void s.run(() => post(`/api/documents/${docId}/resolve-name`, { name: u.name, agencyId: r.agencyId ?? null, groupId: r.groupId ?? null })).then((ok) => ok && onDone());
        }}
      >
        <option value="">{t('resolveAll')}</option>
        <AgencyOptions dir={dir} />
      </select>
      <ErrorBox error={s.error} />
    </li>
  );
}

function MetaForm({ doc, editable, onSaved }: { doc: Doc; editable: boolean; onSaved: () => void }) {
  const [number, setNumber] = useState(doc.number ?? '');
  const [subject, setSubject] = useState(doc.subject ?? '');
  const [docDate, setDocDate] = useState(doc.docDate ?? '');
  const s = useSubmit();
  if (!editable)
    return (
      <p>
        <strong>{doc.number}</strong> {doc.docDate && `· ${fmtDate(doc.docDate)}`} · {doc.subject} {doc.signer && `· ${t('signer')}: ${doc.signer}`}
      </p>
    );
  return (
    <details className="card">
      <summary>
        <strong>{t('docMeta')}:</strong> {doc.number ?? '—'} · {doc.docDate ? fmtDate(doc.docDate) : '—'} · {doc.subject ?? ''}
      </summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void s.run(() => patch(`/api/documents/${doc.id}`, { number: number || null, subject: subject || null, docDate: docDate || null }), t('saved')).then((ok) => ok && onSaved());
        }}
      >
        <div className="row">
          <div className="field">
            <label htmlFor="m-number">{t('docNumber')}</label>
            <input id="m-number" maxLength={FIELD.docLabel} value={number} onChange={(e) => setNumber(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="m-date">{t('docDate')}</label>
            <DateInput id="m-date" value={docDate} onChange={setDocDate} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="m-subject">{t('docSubject')}</label>
          <textarea id="m-subject" maxLength={FIELD.subject} rows={2} value={subject} onChange={(e) => setSubject(e.target.value)} />
        </div>
        <ErrorBox error={s.error} />
        {s.done && <Notice>{s.done}</Notice>}
        <button type="submit" disabled={s.busy}>
          {t('save')}
        </button>
      </form>
    </details>
  );
}

/** Highlights terms (agency names, deadline phrases) inside a passage. */
function highlight(text: string, terms: { s: string; cls: string }[]): ReactNode[] {
  const ranges: { a: number; b: number; cls: string }[] = [];
  for (const term of terms) {
    if (!term.s || term.s.length < 3) continue;
    let i = text.indexOf(term.s);
    while (i >= 0) {
      const b = i + term.s.length;
      if (!ranges.some((r) => i < r.b && b > r.a)) ranges.push({ a: i, b, cls: term.cls });
      i = text.indexOf(term.s, b);
    }
  }
  ranges.sort((x, y) => x.a - y.a);
  const out: ReactNode[] = [];
  let pos = 0;
  ranges.forEach((r, k) => {
    if (r.a > pos) out.push(text.slice(pos, r.a));
    out.push(
      <span key={k} className={r.cls}>
        {text.slice(r.a, r.b)}
      </span>,
    );
    pos = r.b;
  });
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

/**
 * The paragraphs the reader may have missed, each with one button that makes it a task (the
 * server adds the item in source order and drops the mark, in one operation).
 */
function MissedList({ docId, missed, editable, onDone }: { docId: string; missed: MissedParagraph[]; editable: boolean; onDone: () => void }) {
  const s = useSubmit();
  const make = (m: MissedParagraph) => void s.run(() => post(`/api/documents/${docId}/missed-paragraphs/task`, { start: m.start }), t('missedMade')).then((ok) => ok && onDone());
  return (
    <section className="card missed-card" aria-labelledby="missed-h" data-testid="missed">
      <h2 id="missed-h">{t('missedTitle', { n: fmtNumber(missed.length) })}</h2>
      <p className="hint">{t('missedHint')}</p>
      <ErrorBox error={s.error} />
      {s.done && <Notice>{s.done}</Notice>}
      <ul className="list-plain">
        {missed.map((m) => (
          <li key={m.start} data-testid="missed-paragraph">
            <p>
              <button type="button" className="link-button" onClick={() => document.getElementById(`missed-${m.start}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' })}>
                {t('showInSource')}
              </button>{' '}
              {m.text}
            </p>
            {m.lead.length > 0 && (
              <p className="muted">
                {t('missedNames')}: {m.lead.join('; ')}
              </p>
            )}
            {editable && (
              <button type="button" onClick={() => make(m)} disabled={s.busy}>
                {t('missedMakeTask')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SourceText({ text, items, missed, active, onPick }: { text: string; items: Item[]; missed: MissedParagraph[]; active: string | null; onPick: (id: string) => void }) {
  const parts = useMemo(() => {
    const inText = (a: number | null, b: number | null) => a !== null && b !== null && b > a && b <= text.length;
    const spans = [
      ...items.filter((i) => inText(i.startOffset, i.endOffset)).map((it) => ({ a: it.startOffset!, b: it.endOffset!, it })),
      ...missed.filter((m) => inText(m.start, m.end)).map((m) => ({ a: m.start, b: m.end, m })),
    ].sort((x, y) => x.a - y.a);
    const out: ReactNode[] = [];
    let pos = 0;
    for (const span of spans) {
      if ('m' in span) {
        const a = Math.max(span.a, pos);
        if (span.b <= a) continue;
        if (a > pos) out.push(<Fragment key={`t${pos}`}>{text.slice(pos, a)}</Fragment>);
        out.push(
          <span key={`m${span.a}`} id={`missed-${span.a}`} className="missed" data-testid="missed-in-source">
            <span className="missed-tag">{t('missedMark')}</span>
            {text.slice(a, span.b)}
          </span>,
        );
        pos = span.b;
        continue;
      }
      const it = span.it;
      const a = Math.max(it.startOffset!, pos);
      const b = it.endOffset!;
      if (b <= a) continue;
      if (a > pos) out.push(<Fragment key={`t${pos}`}>{text.slice(pos, a)}</Fragment>);
      const terms = [
        ...(it.dueText ? [{ s: it.dueText, cls: 'hl-due' }] : []),
        ...[...it.leads, ...it.supports].flatMap((x) => {
          const n = x.name;
          // "Sở Tài chính" is often printed "Sở Tài chính" or, in a list, just "Tài chính".
          return [{ s: n, cls: 'hl-agency' }, ...(n.startsWith('Sở ') ? [{ s: n.slice(3), cls: 'hl-agency' }] : [])];
        }),
      ];
      out.push(
        <mark key={it.id} id={`src-${it.id}`} className={active === it.id ? 'active' : ''} onClick={() => onPick(it.id)}>
          {it.ref && <span className="mark-ref">{it.ref}</span>}
          {highlight(text.slice(a, b), terms)}
        </mark>,
      );
      pos = b;
    }
    if (pos < text.length) out.push(<Fragment key="end">{text.slice(pos)}</Fragment>);
    return out;
  }, [text, items, missed, active, onPick]);
  return (
    <div className="source-text" data-testid="source-text">
      {parts}
    </div>
  );
}

const refKey = (a: AddresseeRef) => (a.agencyId ? `a:${a.agencyId}` : a.groupId ? `g:${a.groupId}` : `?${a.name}`);
const toPayload = (list: AddresseeRef[]) => list.map((a) => (a.agencyId ? { name: a.name, agencyId: a.agencyId } : a.groupId ? { name: a.name, groupId: a.groupId } : { name: a.name }));

function AgencyOptions({ dir }: { dir: Directory }) {
  const kinds = [...new Set(dir.agencies.map((a) => a.kind))];
  return (
    <>
      {dir.groups.length > 0 && (
        <optgroup label={t('tabGroups')}>
          {dir.groups.map((g) => (
            <option key={g.id} value={`g:${g.id}`}>
              {g.name}
            </option>
          ))}
        </optgroup>
      )}
      {kinds.map((k) => (
        <optgroup key={k} label={tk(`kind_${k}`, k)}>
          {dir.agencies
            .filter((a) => a.kind === k)
            .map((a) => (
              <option key={a.id} value={`a:${a.id}`}>
                {a.name}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

function pick(dir: Directory, v: string): AddresseeRef | null {
  if (v.startsWith('a:')) {
    const a = dir.agencies.find((x) => x.id === v.slice(2));
    return a ? { name: a.name, agencyId: a.id } : null;
  }
  if (v.startsWith('g:')) {
    const g = dir.groups.find((x) => x.id === v.slice(2));
    return g ? { name: g.name, groupId: g.id } : null;
  }
  return null;
}

function AgencyPicker({ id, label, value, onChange, dir, disabled, testId }: { testId: string; id: string; label: string; value: AddresseeRef[]; onChange: (v: AddresseeRef[]) => void; dir: Directory; disabled: boolean }) {
  return (
    <fieldset className="field" data-testid={testId} style={{ border: 'none', padding: 0, margin: '0 0 0.7rem' }}>
      <legend style={{ fontWeight: 600, fontSize: '0.9rem' }}>{label}</legend>
      <div className="chips">
        {value.map((a, i) => {
          const unresolved = !a.agencyId && !a.groupId;
          return (
            <span key={refKey(a) + i} className={`chip ${unresolved ? 'unresolved' : ''}`} data-unresolved={unresolved || undefined}>
              {a.name}
              {unresolved && <em> ({t('unresolved')})</em>}
              {unresolved && !disabled && (
                <select
                  aria-label={t('resolveAs', { x: a.name })}
                  value=""
                  onChange={(e) => {
                    const r = pick(dir, e.target.value);
                    if (r) onChange(value.map((x, j) => (j === i ? r : x)));
                  }}
                  style={{ minHeight: '1.8rem', padding: '0 0.2rem', maxWidth: '10rem' }}
                >
                  <option value="">{t('resolveAs', { x: '' }).replace(' ""', '')}</option>
                  <AgencyOptions dir={dir} />
                </select>
              )}
              {!disabled && (
                <button type="button" aria-label={t('removeX', { x: a.name })} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                  ×
                </button>
              )}
            </span>
          );
        })}
      </div>
      {!disabled && (
        <select
          id={id}
          aria-label={`${label}: ${t('addAgency')}`}
          value=""
          onChange={(e) => {
            const r = pick(dir, e.target.value);
            if (r && !value.some((x) => refKey(x) === refKey(r))) onChange([...value, r]);
          }}
        >
          <option value="">{t('addAgency')}</option>
          <AgencyOptions dir={dir} />
        </select>
      )}
    </fieldset>
  );
}

function flagLabel(f: string) {
  const k = `flag_${f}`;
  return tk(k, t('flag_other', { x: f }));
}

function ItemEditor({ item, next, docId, dir, editable, active, onShow, onChanged }: { item: Item; next: Item | null; docId: string; dir: Directory; editable: boolean; active: boolean; onShow: () => void; onChanged: () => void }) {
  const [text, setText] = useState(item.text);
  const [ref, setRef] = useState(item.ref ?? '');
  const [leads, setLeads] = useState(item.leads);
  const [supports, setSupports] = useState(item.supports);
  const [due, setDue] = useState(item.due ?? '');
  const [dueText, setDueText] = useState(item.dueText ?? '');
  const [leaderId, setLeaderId] = useState(item.leaderId ?? '');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const s = useSubmit();
  const dirty =
    text !== item.text ||
    ref !== (item.ref ?? '') ||
    JSON.stringify(leads) !== JSON.stringify(item.leads) ||
    JSON.stringify(supports) !== JSON.stringify(item.supports) ||
    due !== (item.due ?? '') ||
    dueText !== (item.dueText ?? '') ||
    leaderId !== (item.leaderId ?? '');
  const base = `/api/documents/${docId}/items`;
  const save = () =>
    void s
      .run(() =>
        patch(`${base}/${item.id}`, {
          text,
          ref: ref || null,
          leads: toPayload(leads),
          supports: toPayload(supports),
          due: due || null,
          dueText: dueText || null,
          leaderId: leaderId || null,
        }),
      t('saved'))
      .then((ok) => ok && onChanged());
  const remove = () => {
    if (!window.confirm(t('confirmDelete'))) return;
    void s.run(() => del(`${base}/${item.id}`)).then((ok) => ok && onChanged());
  };
  // One server operation each: atomic, and the references follow (II.2.a → II.2.a.1, II.2.a.2).
  const split = () => {
    const at = textRef.current?.selectionStart ?? 0;
    if (dirty) {
      s.setError(new Error(t('splitSaveFirst')));
      return;
    }
    if (at <= 0 || at >= text.length) {
      s.setError(new Error(t('splitHint')));
      return;
    }
    void s.run(() => post(`${base}/${item.id}/split`, { at })).then((ok) => ok && onChanged());
  };
  const merge = () => {
    if (!next) return;
    void s.run(() => post(`${base}/${item.id}/merge-next`)).then((ok) => ok && onChanged());
  };
  const id = (x: string) => `it-${item.id}-${x}`;
  return (
    <article className={`item-card ${item.review.length ? 'flagged' : ''}`} data-testid="item-card" aria-labelledby={id('h')} style={active ? { outline: '3px solid #7a5c00' } : undefined}>
      <h3 id={id('h')}>
        {item.ref ? `${t('ref')} ${item.ref}` : `#${item.position + 1}`}{' '}
        {item.startOffset !== null && (
          <button type="button" className="link-button" onClick={onShow}>
            {t('showInSource')}
          </button>
        )}
      </h3>
      {item.review.length > 0 && (
        <div className="chips" data-testid="flags">
          {item.review.map((f) => (
            <span key={f} className="badge flag">
              {flagLabel(f)}
            </span>
          ))}
        </div>
      )}
      <fieldset disabled={!editable || s.busy} style={{ border: 'none', padding: 0, margin: 0 }}>
        <div className="row">
          <div className="field" style={{ flex: '0 1 6rem' }}>
            <label htmlFor={id('ref')}>{t('ref')}</label>
            <input id={id('ref')} maxLength={FIELD.ref} value={ref} onChange={(e) => setRef(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={id('due')}>{t('due')}</label>
            <DateInput id={id('due')} value={due} onChange={setDue} />
          </div>
          <div className="field">
            <label htmlFor={id('dueText')}>{t('dueText')}</label>
            <input id={id('dueText')} maxLength={FIELD.dueText} value={dueText} onChange={(e) => setDueText(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={id('text')}>{t('taskText')}</label>
          <textarea id={id('text')} maxLength={FIELD.itemText} ref={textRef} rows={5} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <AgencyPicker testId="leads" id={id('leads')} label={t('leads')} value={leads} onChange={setLeads} dir={dir} disabled={!editable} />
        <AgencyPicker testId="supports" id={id('supports')} label={t('supports')} value={supports} onChange={setSupports} dir={dir} disabled={!editable} />
        {dir.leaders.length > 0 && (
          <div className="field">
            <label htmlFor={id('leader')}>{t('leader')}</label>
            <select id={id('leader')} value={leaderId} onChange={(e) => setLeaderId(e.target.value)}>
              <option value="">{t('none')}</option>
              {dir.leaders.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.displayName}
                </option>
              ))}
            </select>
          </div>
        )}
        {editable && (
          <div className="actions-row">
            <button type="button" className="primary" onClick={save} disabled={!dirty}>
              {t('save')}
            </button>
            <button type="button" onClick={split} title={t('splitHint')}>
              {t('splitTask')}
            </button>
            {next && (
              <button type="button" onClick={merge}>
                {t('mergeNext')}
              </button>
            )}
            <button type="button" className="danger" onClick={remove}>
              {t('deleteTask')}
            </button>
          </div>
        )}
      </fieldset>
      <ErrorBox error={s.error} />
      {s.done && <Notice>{s.done}</Notice>}
    </article>
  );
}

function AddItem({ docId, after, onDone }: { docId: string; after: number; onDone: () => void }) {
  const [text, setText] = useState('');
  const s = useSubmit();
  return (
    <details className="action">
      <summary>{t('addTask')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void s.run(() => post(`/api/documents/${docId}/items`, { text, afterPosition: after })).then((ok) => {
            if (ok) {
              setText('');
              onDone();
            }
          });
        }}
      >
        <div className="field">
          <label htmlFor="new-item">{t('newTaskText')}</label>
          <textarea id="new-item" maxLength={FIELD.itemText} required rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <ErrorBox error={s.error} />
        <button type="submit" disabled={s.busy}>
          {t('addTask')}
        </button>
      </form>
    </details>
  );
}
