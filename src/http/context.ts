import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import type { Config } from '../config/config';
import type { Actor } from '../auth/actor';
import type { Access } from '../auth/policy';
import type { ExtensionPolicy } from '../assignments/extension-rules';
import { AppError } from '../shared/errors';
import type { SessionCache } from '../auth/session-cache';
import type { SessionInfo } from '../auth/sessions';
import type { NotifiedCache } from '../shared/notified-cache';
import type { Calendar } from '../calendar';
import type { AnswerCache } from './answer-cache';

/** What every route needs, built once at start and passed explicitly (no global state). */
export interface AppContext {
  db: Db;
  config: Config;
  /** Today's date in Vietnam; tests pin it. */
  today: () => string;
  extensionPolicy: ExtensionPolicy;
  /** This instance's cache of signed-in sessions (serve starts its listener); absent: no cache. */
  sessions?: SessionCache<SessionInfo>;
  /** This instance's copy of the calendar in force (cleared by every settings write); absent: read each time. */
  calendar?: NotifiedCache<Calendar>;
  /** This instance's answers of the most read routes, on PostgreSQL (cleared by every data write); absent: computed each time. */
  answers?: AnswerCache;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; checked before the body is validated (see auth/policy.ts). */
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    viaCookie: boolean;
    csrfToken: string | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
  return request.actor;
}
