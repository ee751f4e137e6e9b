/** Small shared pieces: async loading, error boxes, badges, form fields. */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, type Bucket, type State, type User } from './api';
import { t, tk } from './i18n';
import { fmtDate, daysBetween, parseVnDate } from './format';

export interface SessionValue {
  user: User;
  setUser: (u: User | null) => void;
}
export const SessionContext = createContext<SessionValue | null>(null);
export function useSession(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('no session');
  return s;
}
export const isOffice = (u: User) => u.role === 'admin' || u.role === 'office';
/**
 * Whom the server's inbox (/api/inbox) answers: the navigation shows "Cần xử lý" to them. What
 * one may do on a task is never decided here: it comes with the task (`actions`).
 */
export const seesInbox = (u: User) => u.role === 'admin' || u.role === 'office' || u.role === 'leader';

const sameDeps = (a: readonly unknown[] | undefined, b: readonly unknown[]) => !!a && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * The answer of `fn` for the current `deps`. Each answer remembers the deps it was asked with and
 * is shown only while they are still the current ones: after a filter changes, the previous
 * filter's figures are hidden at once (loading) instead of standing under the new filter until
 * its answer arrives — on a slow phone for seconds. `reload()` asks again with the same deps, so
 * the answer on screen stays until the fresh one replaces it. An answer to deps that are no
 * longer the latest request is dropped, so a slow older response never overwrites a newer one.
 */
export function useAsync<T>(fn: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean; deps?: unknown[] }>({ loading: true });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const my = ++seq.current;
    const asked = deps;
    setState((s) => ({ data: s.data, deps: s.deps, loading: true }));
    fn().then(
      (data) => my === seq.current && setState({ data, loading: false, deps: asked }),
      (error: unknown) =>
        my === seq.current &&
        setState({ error: error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error)), loading: false, deps: asked }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const { deps: answered, ...answer } = state;
  return sameDeps(answered, deps) ? { ...answer, reload } : { data: undefined, error: undefined, loading: true, reload };
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const msg = error instanceof ApiError ? error.detail : error instanceof Error ? error.message : String(error);
  return (
    <div className="error" role="alert">
      <strong>{t('errorTitle')}:</strong> {msg}
      {onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}

export function Loading() {
  return (
    <p className="muted" role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}

export function BucketBadge({ bucket }: { bucket: Bucket }) {
  return <span className={`badge b-${bucket}`}>{tk(`bucket_${bucket}`)}</span>;
}
export function StateBadge({ state }: { state: State }) {
  return <span className="badge state">{tk(`state_${state}`)}</span>;
}

export function Progress({ value, label }: { value: number; label?: string }) {
  const v = Math.max(0, Math.min(100, value));
  return (
    <span className="progress" role="img" aria-label={`${label ?? t('progress')}: ${v}%`}>
      <span className="progress-bar" style={{ width: `${v}%` }} />
      <span className="progress-text">{v}%</span>
    </span>
  );
}

/**
 * "Quá hạn 3 ngày làm việc" / "Còn 5 ngày" relative to the server's day. Days overdue come from
 * the server (working days, buckets.ts `workingDaysLate`): the browser has no holiday calendar.
 */
export function DueInfo({ due, bucket, asOf, daysOverdue }: { due: string | null; bucket: Bucket; asOf: string; daysOverdue: number }) {
  if (!due) return <span className="muted">{t('noDue')}</span>;
  const d = daysBetween(asOf, due);
  return (
    <span>
      <span className="nowrap">{fmtDate(due)}</span>
      {bucket === 'open_overdue' && <small className="due-rel late">{t('daysOverdue', { n: daysOverdue })}</small>}
      {bucket === 'open_on_time' && <small className="due-rel">{d === 0 ? t('dueToday') : t('daysLeft', { n: d })}</small>}
    </span>
  );
}

export function Field({ label, hint, children, id }: { label: string; hint?: string; children: ReactNode; id: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (typeof children === 'string') document.title = `${children} — dondoc`;
  }, [children]);
  return (
    <h1 ref={ref} tabIndex={-1} id="page-title">
      {children}
    </h1>
  );
}

/** A submit helper: disables while sending, keeps the input on error, shows the API's detail. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback(async (fn: () => Promise<unknown>, okMessage?: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await fn();
      if (okMessage) setDone(okMessage);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, done, run, setError };
}

/**
 * A date typed and shown as dd/mm/yyyy whatever the browser's own locale (a native date input
 * on an English Windows shows mm/dd/yyyy). `value` and `onChange` speak ISO yyyy-mm-dd.
 */
export function DateInput({ id, value, onChange, required, describedBy }: { id: string; value: string; onChange: (iso: string) => void; required?: boolean; describedBy?: string }) {
  const [text, setText] = useState(fmtDate(value));
  useEffect(() => {
    if ((parseVnDate(text) ?? '') !== value) setText(fmtDate(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const invalid = text.trim() !== '' && parseVnDate(text) === null;
  return (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd/mm/yyyy"
      maxLength={20}
      pattern="\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}\s*"
      title="dd/mm/yyyy"
      required={required}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      value={text}
      onChange={(e) => {
        const v = e.target.value;
        setText(v);
        const iso = parseVnDate(v);
        if (iso) onChange(iso);
        else if (v.trim() === '') onChange('');
      }}
    />
  );
}
