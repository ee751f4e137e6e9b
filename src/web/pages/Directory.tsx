/** Danh mục & người dùng: agencies (with aliases), groups, users and roles, API tokens. */
import { useState } from 'react';
import { clearCache, del, get, patch, post, type Agency, type Group, type Role, type User } from '../api';
import { t, tk } from '../i18n';
import { ErrorBox, Loading, Notice, PageTitle, useAsync, useSession, useSubmit } from '../components';
import { fmtDateTime } from '../format';
import { navigate, useLocation } from '../router';
import { FIELD } from '../../shared/field-limits';

const KINDS = ['office', 'department', 'provincial_body', 'central_body', 'commune', 'other'];
const ROLES: Role[] = ['admin', 'office', 'leader', 'agency', 'viewer'];
type Tab = 'agencies' | 'groups' | 'users' | 'tokens';

export default function Directory() {
  const { user } = useSession();
  const { params } = useLocation();
  const tabs: Tab[] = user.role === 'admin' ? ['agencies', 'groups', 'users', 'tokens'] : ['agencies', 'groups'];
  const tab = (tabs.includes(params.get('tab') as Tab) ? params.get('tab') : 'agencies') as Tab;
  const label: Record<Tab, string> = { agencies: t('tabAgencies'), groups: t('tabGroups'), users: t('tabUsers'), tokens: t('tabTokens') };
  return (
    <>
      <PageTitle>{t('dirTitle')}</PageTitle>
      <div
        className="tabs"
        role="tablist"
        aria-label={t('dirTitle')}
        onKeyDown={(e) => {
          // Arrow keys move between tabs (WAI-ARIA tabs pattern).
          if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
          const next = tabs[(tabs.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
          navigate(`/danh-muc?tab=${next}`, { replace: true });
          setTimeout(() => document.getElementById(`tab-${next}`)?.focus(), 0);
        }}
      >
        {tabs.map((x) => (
          <button key={x} type="button" role="tab" id={`tab-${x}`} aria-selected={tab === x} tabIndex={tab === x ? 0 : -1} aria-controls={`panel-${x}`} onClick={() => navigate(`/danh-muc?tab=${x}`, { replace: true })}>
            {label[x]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'agencies' && <Agencies />}
        {tab === 'groups' && <Groups />}
        {tab === 'users' && <Users />}
        {tab === 'tokens' && <Tokens />}
      </div>
    </>
  );
}

function Agencies() {
  const list = useAsync(() => get<{ items: Agency[] }>('/api/agencies').then((r) => r.items), []);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  if (list.error) return <ErrorBox error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  const rows = list.data.filter((a) => !filter || fold(`${a.code} ${a.name} ${a.aliases.join(' ')}`).includes(fold(filter)));
  const reload = () => {
    clearCache();
    list.reload();
  };
  return (
    <>
      <AgencyForm onDone={reload} />
      <div className="field" style={{ maxWidth: '24rem' }}>
        <label htmlFor="ag-filter">{t('filterList')}</label>
        <input id="ag-filter" maxLength={200} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <div className="table-scroll card">
        <table className="simple" data-testid="agencies">
          <thead>
            <tr>
              <th scope="col">{t('code')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('aliases')}</th>
              <th scope="col">
                <span className="sr-only">{t('edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) =>
              editing === a.id ? (
                <tr key={a.id}>
                  <td colSpan={5}>
                    <AgencyForm agency={a} onDone={() => { setEditing(null); reload(); }} onCancel={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={a.id}>
                  <td>{a.code}</td>
                  <td>
                    <a href={`/tong-quan?agencyId=${a.id}`}>{a.name}</a>
                  </td>
                  <td>{tk(`kind_${a.kind}`, a.kind)}</td>
                  <td>{a.aliases.join('; ')}</td>
                  <td>
                    <button type="button" onClick={() => setEditing(a.id)} aria-label={`${t('edit')} ${a.name}`}>
                      {t('edit')}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

function AgencyForm({ agency, onDone, onCancel }: { agency?: Agency; onDone: () => void; onCancel?: () => void }) {
  const [code, setCode] = useState(agency?.code ?? '');
  const [name, setName] = useState(agency?.name ?? '');
  const [kind, setKind] = useState(agency?.kind ?? 'department');
  const [email, setEmail] = useState(agency?.email ?? '');
  const [aliases, setAliases] = useState((agency?.aliases ?? []).join('; '));
  const s = useSubmit();
  const p = agency ? `ag-${agency.id}` : 'ag-new';
  const form = (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const body = { code, name, kind, email: email || null, aliases: aliases.split(';').map((x) => x.trim()).filter(Boolean) };
        void s.run(() => (agency ? patch(`/api/agencies/${agency.id}`, body) : post('/api/agencies', body)), t('saved')).then((ok) => {
          if (ok) {
            if (!agency) {
              setCode('');
              setName('');
              setAliases('');
              setEmail('');
            }
            onDone();
          }
        });
      }}
    >
      <div className="row">
        <div className="field" style={{ flex: '0 1 8rem' }}>
          <label htmlFor={`${p}-code`}>{t('code')}</label>
          <input id={`${p}-code`} maxLength={FIELD.code} required value={code} onChange={(e) => setCode(e.target.value)} />
        </div>
        <div className="field" style={{ flex: '2 1 14rem' }}>
          <label htmlFor={`${p}-name`}>{t('name')}</label>
          <input id={`${p}-name`} required maxLength={FIELD.name} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${p}-kind`}>{t('kind')}</label>
          <select id={`${p}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {tk(`kind_${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${p}-email`}>{t('email')}</label>
          <input id={`${p}-email`} maxLength={FIELD.email} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${p}-aliases`}>{t('aliases')}</label>
        <input id={`${p}-aliases`} maxLength={FIELD.name * 10} value={aliases} onChange={(e) => setAliases(e.target.value)} />
      </div>
      <ErrorBox error={s.error} />
      {s.done && !agency && <Notice>{s.done}</Notice>}
      <div className="actions-row">
        <button type="submit" className="primary" disabled={s.busy}>
          {t('save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
  if (agency) return form;
  return (
    <details className="action">
      <summary>{t('addAgencyTitle')}</summary>
      {form}
    </details>
  );
}

function Groups() {
  const data = useAsync(() => Promise.all([get<{ items: Group[] }>('/api/groups'), get<{ items: Agency[] }>('/api/agencies')]), []);
  if (data.error) return <ErrorBox error={data.error} />;
  if (!data.data) return <Loading />;
  const [groups, agencies] = data.data;
  const nameOf = new Map(agencies.items.map((a) => [a.id, a.name]));
  return (
    <div className="table-scroll card">
      <table className="simple">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('members')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.items.map((g) => (
            <tr key={g.id}>
              <td>{g.name}</td>
              <td>{g.memberIds.map((m) => nameOf.get(m) ?? m).join('; ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Users() {
  const data = useAsync(() => Promise.all([get<{ items: User[] }>('/api/users'), get<{ items: Agency[] }>('/api/agencies')]), []);
  const [editing, setEditing] = useState<string | null>(null);
  if (data.error) return <ErrorBox error={data.error} />;
  if (!data.data) return <Loading />;
  const [users, agencies] = data.data;
  const nameOf = new Map(agencies.items.map((a) => [a.id, a.name]));
  return (
    <>
      <details className="action">
        <summary>{t('addUser')}</summary>
        <UserForm agencies={agencies.items} onDone={data.reload} />
      </details>
      <div className="table-scroll card">
        <table className="simple" data-testid="users">
          <thead>
            <tr>
              <th scope="col">{t('username')}</th>
              <th scope="col">{t('displayName')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('agency')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">
                <span className="sr-only">{t('edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.items.map((u) =>
              editing === u.id ? (
                <tr key={u.id}>
                  <td colSpan={6}>
                    <UserForm user={u} agencies={agencies.items} onDone={() => { setEditing(null); data.reload(); }} onCancel={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={u.id}>
                  <td>{u.username}</td>
                  <td>{u.displayName}</td>
                  <td>{tk(`role_${u.role}`)}</td>
                  <td>{u.agencyId ? nameOf.get(u.agencyId) : u.sectors ?? ''}</td>
                  <td>{u.active === false ? t('inactive') : t('active')}</td>
                  <td>
                    <button type="button" onClick={() => setEditing(u.id)} aria-label={`${t('edit')} ${u.username}`}>
                      {t('edit')}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

function UserForm({ user, agencies, onDone, onCancel }: { user?: User; agencies: Agency[]; onDone: () => void; onCancel?: () => void }) {
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>(user?.role ?? 'agency');
  const [agencyId, setAgencyId] = useState(user?.agencyId ?? '');
  const [sectors, setSectors] = useState(user?.sectors ?? '');
  const [active, setActive] = useState(user?.active !== false);
  const s = useSubmit();
  const p = user ? `u-${user.id}` : 'u-new';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const common = { displayName, email: email || null, role, agencyId: agencyId || null, sectors: sectors || null };
        void s
          .run(() => (user ? patch(`/api/users/${user.id}`, { ...common, active, ...(password ? { password } : {}) }) : post('/api/users', { ...common, username, password })), t('saved'))
          .then((ok) => {
            if (ok) {
              if (!user) {
                setUsername('');
                setPassword('');
                setDisplayName('');
              }
              onDone();
            }
          });
      }}
    >
      <div className="row">
        {!user && (
          <div className="field">
            <label htmlFor={`${p}-username`}>{t('username')}</label>
            <input id={`${p}-username`} maxLength={40} required autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${p}-name`}>{t('displayName')}</label>
          <input id={`${p}-name`} value={displayName} maxLength={FIELD.displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${p}-email`}>{t('email')}</label>
          <input id={`${p}-email`} maxLength={FIELD.email} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${p}-password`}>{t('password')}</label>
          <input id={`${p}-password`} maxLength={FIELD.password} type="password" autoComplete="new-password" required={!user} value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`${p}-role`}>{t('role')}</label>
          <select id={`${p}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tk(`role_${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${p}-agency`}>{t('agency')}</label>
          <select id={`${p}-agency`} value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
            <option value="">{t('none')}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        {role === 'leader' && (
          <div className="field">
            <label htmlFor={`${p}-sectors`}>{t('sectors')}</label>
            <input id={`${p}-sectors`} maxLength={FIELD.sectors} value={sectors} onChange={(e) => setSectors(e.target.value)} />
          </div>
        )}
        {user && (
          <div className="field" style={{ flexDirection: 'row', alignItems: 'center', gap: '0.4rem' }}>
            <input id={`${p}-active`} type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} style={{ minHeight: 0, width: 'auto' }} />
            <label htmlFor={`${p}-active`}>{t('active')}</label>
          </div>
        )}
      </div>
      <ErrorBox error={s.error} />
      {s.done && <Notice>{s.done}</Notice>}
      <div className="actions-row">
        <button type="submit" className="primary" disabled={s.busy}>
          {t('save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function Tokens() {
  const data = useAsync(() => Promise.all([get<{ items: { id: string; name: string; userId: string; createdAt: string; lastUsedAt: string | null }[] }>('/api/tokens'), get<{ items: User[] }>('/api/users')]), []);
  const [name, setName] = useState('');
  const [userId, setUserId] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const s = useSubmit();
  if (data.error) return <ErrorBox error={data.error} />;
  if (!data.data) return <Loading />;
  const [tokens, users] = data.data;
  const userName = new Map(users.items.map((u) => [u.id, u.username]));
  return (
    <>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void s.run(async () => {
            const r = await post<{ token?: string; secret?: string }>('/api/tokens', { name, userId });
            setShown(r.token ?? r.secret ?? JSON.stringify(r));
            setName('');
            data.reload();
          });
        }}
      >
        <div className="row">
          <div className="field">
            <label htmlFor="tk-name">{t('tokenName')}</label>
            <input id="tk-name" maxLength={FIELD.tokenName} required value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="tk-user">{t('tokenUser')}</label>
            <select id="tk-user" required value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="">{t('none')}</option>
              {users.items.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.username} ({tk(`role_${u.role}`)})
                </option>
              ))}
            </select>
          </div>
          <div className="field" style={{ flex: '0 0 auto' }}>
            <button type="submit" className="primary" disabled={s.busy}>
              {t('createToken')}
            </button>
          </div>
        </div>
        <ErrorBox error={s.error} />
        {shown && (
          <Notice>
            {t('tokenShownOnce')} <code style={{ wordBreak: 'break-all' }}>{shown}</code>
          </Notice>
        )}
      </form>
      <div className="table-scroll card">
        <table className="simple">
          <thead>
            <tr>
              <th scope="col">{t('tokenName')}</th>
              <th scope="col">{t('tokenUser')}</th>
              <th scope="col">{t('created')}</th>
              <th scope="col">{t('lastUsed')}</th>
              <th scope="col">
                <span className="sr-only">{t('revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.items.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>{userName.get(k.userId) ?? k.userId}</td>
                <td>{fmtDateTime(k.createdAt)}</td>
                <td>{fmtDateTime(k.lastUsedAt)}</td>
                <td>
                  <button type="button" className="danger" onClick={() => void s.run(() => del(`/api/tokens/${k.id}`)).then((ok) => ok && data.reload())}>
                    {t('revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
