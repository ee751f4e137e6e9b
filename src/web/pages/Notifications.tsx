/** Thông báo: all of one's notifications, mark read, and how one wants to receive them. */
import { useState } from 'react';
import { get, patch, post, type User } from '../api';
import { t, tk } from '../i18n';
import { ErrorBox, Loading, Notice, PageTitle, useAsync, useSession, useSubmit } from '../components';
import { fmtDateTime } from '../format';

/** The bell (main.tsx) listens for it to refresh its count. */
const NOTIFICATIONS_CHANGED = 'dondoc:notifications-changed';

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** Links are absolute for reminders (PUBLIC_URL) and paths for notices; keep only the path. */
export function notificationHref(link: string | null): string | null {
  if (!link) return null;
  try {
    const u = new URL(link, location.href);
    return u.pathname + u.search;
  } catch {
    return null;
  }
}

/** In-app always; e-mail as well when the person asks for it. */
function Preference() {
  const { user, setUser } = useSession();
  const s = useSubmit();
  // Shown at once, saved behind; put back if the save fails.
  const [withEmail, setWithEmail] = useState((user.channels ?? ['email', 'inapp']).includes('email'));
  const choose = async (email: boolean) => {
    setWithEmail(email);
    const ok = await s.run(async () => {
      const others = (user.channels ?? []).filter((c) => c !== 'email' && c !== 'inapp');
      const updated = await patch<User>(`/api/users/${user.id}`, { channels: [...(email ? ['email'] : []), 'inapp', ...others] });
      setUser({ ...user, ...updated });
    }, t('notifyPreferenceSaved'));
    if (!ok) setWithEmail(!email);
  };
  return (
    <fieldset className="card choices" data-testid="notify-preference">
      <legend>{t('notifyPreference')}</legend>
      <label>
        <input type="radio" name="notify-channel" checked={!withEmail} disabled={s.busy} onChange={() => void choose(false)} /> {t('notifyInAppOnly')}
      </label>
      <label>
        <input type="radio" name="notify-channel" checked={withEmail} disabled={s.busy} onChange={() => void choose(true)} /> {t('notifyInAppAndEmail')}
      </label>
      {withEmail && !user.email && <p className="muted">{t('notifyNoEmail')}</p>}
      <ErrorBox error={s.error} />
      {s.done && <Notice>{s.done}</Notice>}
    </fieldset>
  );
}

export default function Notifications() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useAsync(() => get<{ items: NotificationItem[]; unread: number }>('/api/notifications', { limit: 200, ...(unreadOnly ? { unread: 'true' } : {}) }), [unreadOnly]);
  const s = useSubmit();
  const changed = () => {
    list.reload();
    window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
  };
  const markRead = (id: string) => s.run(async () => void (await post(`/api/notifications/${id}/read`)), undefined).then(changed);
  const markAll = () => s.run(async () => void (await post('/api/notifications/read-all')), undefined).then(changed);
  return (
    <>
      <PageTitle>{t('notificationsTitle')}</PageTitle>
      <Preference />
      <div className="actions-row">
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> {t('notificationsUnreadOnly')}
        </label>
        {list.data && list.data.unread > 0 && (
          <button type="button" onClick={() => void markAll()} disabled={s.busy}>
            {t('markAllRead')}
          </button>
        )}
      </div>
      <ErrorBox error={list.error ?? s.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <p>{t('notificationsEmpty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="notification-list" data-testid="notification-list">
          {list.data.items.map((n) => {
            const href = notificationHref(n.link);
            return (
              <li key={n.id} className={`card${n.readAt ? '' : ' unread'}`}>
                <p>
                  <span className="badge">{tk(`notice_${n.kind}`, n.kind)}</span> {href ? <a href={href} onClick={() => !n.readAt && void markRead(n.id)}>{n.title}</a> : <strong>{n.title}</strong>}
                </p>
                <p className="muted pre-line">{n.body.length > 600 ? `${n.body.slice(0, 599)}…` : n.body}</p>
                <small className="muted">{fmtDateTime(n.createdAt)}</small>{' '}
                {!n.readAt && (
                  <button type="button" className="link-button" onClick={() => void markRead(n.id)}>
                    {t('markRead')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
