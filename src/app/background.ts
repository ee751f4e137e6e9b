/**
 * Background work started with the server (the reminder passes, the delivery worker). Each
 * entry starts its loop and returns a function that stops it; stopping waits for work in hand.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context';

export type BackgroundStarter = (ctx: AppContext, log: FastifyBaseLogger) => Promise<() => Promise<void>>;
export type RoutePlugin = (app: FastifyInstance, ctx: AppContext) => Promise<void>;

/** Filled by the domains that need it (reminders register here). */
export const backgroundStarters: BackgroundStarter[] = [];
/** Extra API route plugins of domains built on the core (reminders, reports). */
export const extraRoutes: RoutePlugin[] = [];
