/**
 * The dondoc web app: sign-in, the header (agency, role, language, bell, sign-out), and the
 * screens, each loaded on demand so a commune officer on a slow link downloads only what they open.
 */
import { StrictMode, Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { ApiError, clearCache, get, post, setCsrf, setOnUnauthenticated, type User } from './api';
import { getLang, setLang, t } from './i18n';
import { installLinkInterceptor, match, navigate, useLocation } from './router';
import { ErrorBox, Loading, SessionContext, seesInbox, isOffice, useSession, useSubmit } from './components';
import { fmtDateTime } from './format';
import { FIELD } from '../shared/field-limits';

const Dashboard = lazy(() => import('./pages/Dashboard'));
const Assignments = lazy(() => import('./pages/Assignments'));
const AssignmentPage = lazy(() => import('./pages/AssignmentPage'));
const MyAgency = lazy(() => import('./pages/MyAgency'));
const Documents = lazy(() => import('./pages/Documents'));
const ImportDocument = lazy(() => import('./pages/ImportDocument'));
const DocumentReview = lazy(() => import('./pages/DocumentReview'));
const Directory = lazy(() => import('./pages/Directory'));
const Reports = lazy(() => import('./pages/Reports'));
const Indicators = lazy(() => import('./pages/Indicators'));
const Inbox = lazy(() => import('./pages/Inbox'));
const Notifications = lazy(() => import('./pages/Notifications'));
/** Dispatched on window by pages that change notifications (kept in sync with pages/Notifications.tsx). */
const NOTIFICATIONS_CHANGED = 'dondoc:notifications-changed';

function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [lang, setLangState] = useState(getLang());
  useEffect(() => {
    setOnUnauthenticated(() => setUser(null));
    get<{ user: User; csrfToken: string | null }>('/api/auth/me').then(
      (r) => {
        setCsrf(r.csrfToken);
        setUser(r.user);
      },
      () => setUser(null),
    );
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const switchLang = () => {
    const next = getLang() === 'vi' ? 'en' : 'vi';
    setLang(next);
    setLangState(next);
  };
  if (user === undefined) return <Loading />;
  if (user === null) return <Login key={lang} onLogin={setUser} switchLang={switchLang} />;
  return (
    <SessionContext.Provider value={{ user, setUser }}>
      <Shell key={lang} switchLang={switchLang} />
    </SessionContext.Provider>
  );
}

function Login({ onLogin, switchLang }: { onLogin: (u: User) => void; switchLang: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const s = useSubmit();
  useEffect(() => {
    document.title = `${t('signIn')} — dondoc`;
  }, []);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const r = await post<{ user: User; csrfToken: string }>('/api/auth/login', { username, password });
      setCsrf(r.csrfToken);
      clearCache();
      onLogin(r.user);
    });
  };
  return (
    <main className="login" id="main">
      <div className="login-card">
        <p className="brand-big" aria-hidden="true">
          dondoc
        </p>
        <h1>{t('signInTitle')}</h1>
        <p className="muted">{t('signInHint')}</p>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="login-username">{t('username')}</label>
            <input id="login-username" maxLength={100} name="username" autoComplete="username" autoCapitalize="none" required value={username} onChange={(e) => setUsername(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('password')}</label>
            <input id="login-password" maxLength={FIELD.password} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          <ErrorBox error={s.error} />
          <button type="submit" className="primary wide" disabled={s.busy}>
            {s.busy ? t('signingIn') : t('signIn')}
          </button>
        </form>
        <button type="button" className="link-button lang" onClick={switchLang} aria-label={t('langSwitchLabel')}>
          {t('langSwitch')}
        </button>
      </div>
    </main>
  );
}

interface NavItem {
  href: string;
  label: string;
  show: boolean;
  /** A number shown beside the label (what waits in the inbox). */
  count?: number;
}

/** What waits for the office (completions to review, extensions to decide), refreshed with the bell. */
function useInboxCount(enabled: boolean, path: string): number | undefined {
  const [n, setN] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    const load = () =>
      get<{ completions: number; extensions: number }>('/api/inbox/counts').then(
        (c) => setN(c.completions + c.extensions),
        () => setN(undefined),
      );
    void load();
    const h = setInterval(() => void load(), 120_000);
    return () => clearInterval(h);
  }, [enabled, path]);
  return n;
}

function Shell({ switchLang }: { switchLang: () => void }) {
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const user = useSessionUser();
  const inboxCount = useInboxCount(seesInbox(user), path);
  const nav: NavItem[] = [
    { href: user.role === 'agency' ? '/tong-quan' : '/', label: t('navDashboard'), show: true },
    { href: '/co-quan', label: t('navMyAgency'), show: user.role === 'agency' },
    { href: '/can-xu-ly', label: t('navInbox'), show: seesInbox(user), count: inboxCount },
    { href: '/nhiem-vu', label: t('navAssignments'), show: true },
    { href: '/van-ban', label: t('navDocuments'), show: user.role !== 'agency' },
    { href: '/bao-cao', label: t('navReports'), show: user.role !== 'agency' },
    { href: '/danh-muc', label: t('navDirectory'), show: isOffice(user) },
    { href: '/chi-tieu', label: t('navIndicators'), show: true },
  ];
  useEffect(() => setMenuOpen(false), [path]);
  const signOut = async () => {
    try {
      await post('/api/auth/logout');
    } catch {
      /* the cookie is gone either way */
    }
    setCsrf(null);
    clearCache();
    navigate('/');
    location.reload();
  };
  const current = (href: string) => (href === '/' ? path === '/' || path === '/tong-quan' : path === href || path.startsWith(href + '/') || (href === '/co-quan' && path === '/'));
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('skipToContent')}
      </a>
      <header className="top">
        <div className="top-row">
          <a href="/" className="brand">
            dondoc<span className="brand-sub">{t('appTagline')}</span>
          </a>
          <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen((o) => !o)}>
            {t('menu')}
          </button>
          <div className="who">
            <Bell />
            <span className="who-text">
              <strong>{user.displayName}</strong>
              <small>
                {t(`role_${user.role}`)}
                {user.agencyName ? ` · ${user.agencyName}` : ''}
              </small>
            </span>
            <button type="button" className="link-button on-dark" onClick={switchLang} aria-label={t('langSwitchLabel')}>
              {t('langSwitch')}
            </button>
            <button type="button" className="ghost on-dark" onClick={signOut}>
              {t('signOut')}
            </button>
          </div>
        </div>
        <nav id="main-nav" aria-label={t('mainNav')} className={menuOpen ? 'open' : ''}>
          <ul>
            {nav
              .filter((n) => n.show)
              .map((n) => (
                <li key={n.href}>
                  <a href={n.href} aria-current={current(n.href) ? 'page' : undefined}>
                    {n.label}
                    {n.count ? <> <span className="nav-count">{n.count}</span></> : null}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Routes path={path} />
        </Suspense>
      </main>
    </>
  );
}

function useSessionUser() {
  return useSession().user;
}

function Routes({ path }: { path: string }): ReactNode {
  const user = useSessionUser();
  let m: Record<string, string> | null;
  if (path === '/') return user.role === 'agency' ? <MyAgency /> : <Dashboard />;
  if (path === '/tong-quan') return <Dashboard />;
  if (path === '/co-quan') return <MyAgency />;
  if (path === '/nhiem-vu' || path === '/assignments') return <Assignments />;
  // Reminder e-mails and notifications link to /assignments/:id.
  if ((m = match('/nhiem-vu/:id', path) ?? match('/assignments/:id', path))) return <AssignmentPage key={m.id} id={m.id} />;
  if (path === '/can-xu-ly') return seesInbox(user) ? <Inbox /> : <ErrorBox error={new ApiError(403, 'FORBIDDEN', t('forbiddenPage'))} />;
  if (path === '/thong-bao') return <Notifications />;
  if (path === '/van-ban') return <Documents />;
  if (path === '/van-ban/nhap') return <ImportDocument />;
  if ((m = match('/van-ban/:id', path))) return <DocumentReview key={m.id} id={m.id} />;
  if (path === '/bao-cao') return user.role !== 'agency' ? <Reports /> : <ErrorBox error={new ApiError(403, 'FORBIDDEN', t('forbiddenPage'))} />;
  if (path === '/chi-tieu' || path === '/chi-tieu/de-xuat') return <Indicators />;
  if (path === '/danh-muc') return isOffice(user) ? <Directory /> : <ErrorBox error={new ApiError(403, 'FORBIDDEN', t('forbiddenPage'))} />;
  return (
    <>
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('pageNotFound')}</p>
    </>
  );
}

interface Notification {
  id: string;
  title?: string;
  text?: string;
  body?: string;
  message?: string;
  link?: string | null;
  url?: string | null;
  assignmentId?: string | null;
  readAt?: string | null;
  read?: boolean;
  createdAt?: string;
}

/** The bell shows only when the notifications route exists (404 → hidden). */
function Bell() {
  const [items, setItems] = useState<Notification[] | null>(null);
  const [unreadCount, setUnreadCount] = useState(0);
  const [open, setOpen] = useState(false);
  const { path } = useLocation();
  const load = () =>
    get<{ items?: Notification[]; unread?: number } | Notification[]>('/api/notifications', { limit: 20 }).then(
      (r) => {
        const list = Array.isArray(r) ? r : (r.items ?? []);
        setItems(list);
        // The server counts every unread one, not only the 20 shown.
        setUnreadCount(Array.isArray(r) || r.unread === undefined ? list.filter((n) => !n.readAt && !n.read).length : r.unread);
      },
      () => setItems(null),
    );
  useEffect(() => {
    void load();
    const h = setInterval(() => void load(), 120_000);
    // The Thông báo page marks notifications read: the count follows at once.
    const changed = () => void load();
    window.addEventListener(NOTIFICATIONS_CHANGED, changed);
    return () => {
      clearInterval(h);
      window.removeEventListener(NOTIFICATIONS_CHANGED, changed);
    };
  }, [path]);
  if (!items) return null;
  const markRead = async (n: Notification) => {
    try {
      await post(`/api/notifications/${n.id}/read`);
    } catch {
      /* ignore */
    }
    void load();
  };
  return (
    <div className="bell">
      <button type="button" className="ghost on-dark" aria-expanded={open} onClick={() => setOpen((o) => !o)} aria-label={unreadCount > 0 ? undefined : t('notificationsUnread', { n: 0 })}>
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.5-2.5h-5A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.8V3.5a1.5 1.5 0 0 0-3 0v.7A7 7 0 0 0 5 11v5l-2 2v1h18v-1z" />
        </svg>
        {/* The visible count is part of the name ("Thông báo: 3 chưa đọc"), as screen readers require. */}
        {unreadCount > 0 && (
          <>
            <span className="sr-only">{t('notifications')}:</span>
            <span className="bell-count">{unreadCount}</span>
            <span className="sr-only">{t('unreadWord')}</span>
          </>
        )}
      </button>
      {open && (
        <div className="bell-panel" role="region" aria-label={t('notifications')} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {items.length === 0 && <p>{t('noNotifications')}</p>}
          <ul>
            {items.slice(0, 20).map((n) => {
              const raw = n.link ?? n.url ?? (n.assignmentId ? `/nhiem-vu/${n.assignmentId}` : null);
              let href: string | null = null;
              try {
                // Links are absolute (PUBLIC_URL); keep only the path so they open in this app.
                if (raw) href = ((u) => u.pathname + u.search)(new URL(raw, location.href));
              } catch {
                href = null;
              }
              const text = n.title ?? n.text ?? n.body ?? n.message ?? '';
              return (
                <li key={n.id} className={n.readAt || n.read ? '' : 'unread'}>
                  {href ? <a href={href} onClick={() => { void markRead(n); setOpen(false); }}>{text}</a> : <span>{text}</span>}
                  {n.createdAt && <small className="muted"> {fmtDateTime(n.createdAt)}</small>}
                  {!(n.readAt || n.read) && (
                    <button type="button" className="link-button" onClick={() => void markRead(n)}>
                      {t('markRead')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          <a className="bell-all" href="/thong-bao" onClick={() => setOpen(false)}>
            {t('allNotifications')}
          </a>
        </div>
      )}
    </div>
  );
}

installLinkInterceptor();
document.documentElement.lang = getLang();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
