/**
 * A delivery worker in its own process — one "dondoc instance" — for the SIGKILL test and the
 * bench: claims due deliveries and sends them until none is left (or until it is killed).
 *   DB_URL=… SMTP_URL=… [LEASE=2 BATCH=1000 CONCURRENCY=1 MAXCONN=1] tsx src/reminders/testing/worker-child.ts
 * Prints its totals as one JSON line on stdout.
 */
import { openPostgres } from '../../db/client';
import { createMailer } from '../channels';
import { drainDeliveries } from '../deliver-reminders';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const database = await openPostgres(process.env.DB_URL!, env('POOL', 2));
const mailer = createMailer(process.env.SMTP_URL!, { maxConnections: env('MAXCONN', 1), maxMessages: Infinity });
const r = await drainDeliveries({
  db: database.db,
  workerId: `child:${process.pid}`,
  publicUrl: 'http://dondoc.test',
  mailFrom: 'dondoc <no-reply@dondoc.test>',
  mailer,
  leaseSeconds: env('LEASE', 2),
  batchSize: env('BATCH', 1000),
  concurrency: env('CONCURRENCY', 1),
  parallel: env('PARALLEL', 1),
});
mailer.close();
await database.close();
console.log(JSON.stringify(r));
