/**
 * The one way the app talks to dondoc: same-origin fetch with the session cookie, the CSRF header
 * on writes, and RFC 9457 problems turned into `ApiError` whose `detail` is shown to the user.
 */
import type { AssignmentListRow } from '../assignments/list-assignments';
import { t } from './i18n';

let csrfToken: string | null = null;
export const setCsrf = (tok: string | null) => (csrfToken = tok);

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: unknown,
  ) {
    super(detail);
  }
}

type Query = Record<string, string | number | boolean | undefined | null | (string | number)[]>;

export function qs(q: Query | undefined): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) p.append(k, String(x));
    else p.append(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

let onUnauthenticated: (() => void) | null = null;
export const setOnUnauthenticated = (f: () => void) => (onUnauthenticated = f);

export async function api<T = unknown>(method: string, url: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(url + qs(query), { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', t('errNetwork'));
  }
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    const d = (data ?? {}) as { code?: string; detail?: string; title?: string; errors?: unknown };
    if (res.status === 401 && url !== '/api/auth/login' && url !== '/api/auth/me') onUnauthenticated?.();
    throw new ApiError(res.status, d.code ?? String(res.status), d.detail ?? d.title ?? t('errGeneric'), d.errors);
  }
  return data as T;
}

export const get = <T = unknown>(url: string, query?: Query) => api<T>('GET', url, undefined, query);
export const post = <T = unknown>(url: string, body?: unknown) => api<T>('POST', url, body ?? {});
export const patch = <T = unknown>(url: string, body: unknown) => api<T>('PATCH', url, body);
export const del = <T = unknown>(url: string) => api<T>('DELETE', url);

// ---- shapes used by the screens (subset of the API's answers) ----
export type Role = 'admin' | 'office' | 'leader' | 'agency' | 'viewer';
export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  agencyName?: string | null;
  sectors?: string | null;
  email?: string | null;
  active?: boolean;
  channels?: string[];
}
export const BUCKETS = ['open_overdue', 'open_on_time', 'no_deadline', 'done_on_time', 'done_late', 'cancelled'] as const;
export type Bucket = (typeof BUCKETS)[number];
export const STATES = ['assigned', 'received', 'in_progress', 'completion_reported', 'done', 'cancelled'] as const;
export type State = (typeof STATES)[number];
/** The list row is the server's own type (a type-only import: no server code in the bundle). */
export type AssignmentRow = AssignmentListRow;
export interface Counts {
  asOf: string;
  totals: Record<Bucket, number>;
  /** The one on-time rate (server's assignments/on-time-rate.ts), its formula and arithmetic. */
  onTimeRate: number | null;
  onTimeRateFormula: string;
  onTimeRateArithmetic: string;
  agencies: { agencyId: string; agencyName: string; counts: Record<Bucket, number>; total: number; onTimeRate: number | null }[];
}
export interface Agency {
  id: string;
  code: string;
  name: string;
  shortName?: string | null;
  kind: string;
  email?: string | null;
  aliases: string[];
  parentId?: string | null;
  successorId?: string | null;
}
export interface Group {
  id: string;
  name: string;
  memberIds: string[];
}
export interface AddresseeRef {
  name: string;
  agencyId?: string | null;
  groupId?: string | null;
}
export interface Item {
  id: string;
  position: number;
  ref: string | null;
  text: string;
  startOffset: number | null;
  endOffset: number | null;
  leads: AddresseeRef[];
  supports: AddresseeRef[];
  due: string | null;
  dueText: string | null;
  leaderId: string | null;
  review: string[];
}
export interface Doc {
  id: string;
  kind: string | null;
  number: string | null;
  docDate: string | null;
  issuer: string | null;
  subject: string | null;
  signer: string | null;
  status: 'draft' | 'published';
  text?: string;
  /** paragraphs the reader may have missed (the draft's detail only) */
  missed?: MissedParagraph[];
  itemCount?: number;
  createdAt: string;
}
/** A paragraph that reads like an instruction but belongs to no task: "có thể bị bỏ sót". */
export interface MissedParagraph {
  start: number;
  end: number;
  text: string;
  lead: string[];
}
export interface EventRow {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  assignmentId: string | null;
  agencyId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Directory lists change rarely: fetched once per session and shared by every screen. */
const cache = new Map<string, Promise<unknown>>();
export function cached<T>(url: string): Promise<T> {
  let p = cache.get(url);
  if (!p) {
    p = get<T>(url).catch((e) => {
      cache.delete(url);
      throw e;
    });
    cache.set(url, p);
  }
  return p as Promise<T>;
}
export const clearCache = () => cache.clear();
export const agenciesList = () => cached<{ items: Agency[] }>('/api/agencies').then((r) => r.items);
export const groupsList = () => cached<{ items: Group[] }>('/api/groups').then((r) => r.items);
export const leadersList = () =>
  cached<{ items: User[] }>('/api/users').then((r) => r.items.filter((u) => u.role === 'leader'));
