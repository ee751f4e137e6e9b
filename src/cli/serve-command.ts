import { openApp } from '../app/open-app';
import { firstStart } from '../app/first-start';
import { backgroundStarters, extraRoutes } from '../app/background';
import { buildServer } from '../http/build-server';
import { stopServing } from '../app/stop-serving';
import { runCommand } from './args';
import '../app/register-domains';

export async function run(): Promise<number> {
  return runCommand(async () => {
    const { ctx, database, config } = await openApp();
    const app = await buildServer(ctx, { plugins: extraRoutes });
    await firstStart(ctx.db, { adminPassword: config.adminPassword, loadDemo: config.loadDemo }, (s) => console.log(s));
    const stops: (() => Promise<void>)[] = [];
    for (const start of backgroundStarters) stops.push(await start(ctx, app.log));
    await app.listen({ port: config.port, host: config.host });
    console.log(`dondoc đang chạy tại ${config.publicUrl} (cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite trong ${config.dataDir}` : 'PostgreSQL'})`);
    const shutdown = async (signal: string) => {
      app.log.info({ signal }, 'stopping');
      await stopServing(app, stops, database);
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    return 0;
  });
}
