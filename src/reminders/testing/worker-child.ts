/**
 * A delivery worker in its own process, for the SIGKILL test: claims every due delivery with a
 * short lease and sends them one at a time until the test kills it.
 *   DB_URL=… SMTP_URL=… LEASE=2 tsx src/reminders/testing/worker-child.ts
 */
import { openPostgres } from '../../db/client';
import { createMailer } from '../channels';
import { drainDeliveries } from '../deliver-reminders';

const database = await openPostgres(process.env.DB_URL!, 2);
const mailer = createMailer(process.env.SMTP_URL!, { maxConnections: 1 });
await drainDeliveries({
  db: database.db,
  workerId: `child:${process.pid}`,
  publicUrl: 'http://dondoc.test',
  mailFrom: 'dondoc <no-reply@dondoc.test>',
  mailer,
  leaseSeconds: Number(process.env.LEASE ?? 2),
  batchSize: 1000,
  concurrency: 1,
});
mailer.close();
await database.close();
