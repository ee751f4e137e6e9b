/**
 * The composition root: configuration → database (migrated) → context. Shared by `serve`, the
 * CLI commands and the tests, so they all run the same wiring.
 */
import { loadConfig, type Config } from '../config/config';
import { openDatabase, type Database } from '../db/client';
import { migrate } from '../db/migrate';
import { todayInVietnam } from '../shared/dates';
import { DEFAULT_EXTENSION_POLICY } from '../assignments/extension-rules';
import type { AppContext } from '../http/context';
import { SessionCache } from '../auth/session-cache';
import { NotifiedCache } from '../shared/notified-cache';
import { AnswerCache } from '../http/answer-cache';

export interface OpenedApp {
  config: Config;
  database: Database;
  ctx: AppContext;
}

export async function openApp(config: Config = loadConfig()): Promise<OpenedApp> {
  const database = await openDatabase(config);
  await migrate(database);
  const ctx: AppContext = {
    db: database.db,
    config,
    today: () => todayInVietnam(),
    extensionPolicy: DEFAULT_EXTENSION_POLICY,
    // Off until serve starts its listener (app/cache-listener.ts); CLI commands never cache.
    sessions: new SessionCache(),
    calendar: new NotifiedCache(),
    answers: new AnswerCache(),
  };
  return { config, database, ctx };
}
