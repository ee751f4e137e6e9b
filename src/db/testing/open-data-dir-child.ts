/**
 * One "dondoc instance" for the data-folder lock test: prints `ready`, waits for a line on stdin
 * (so that the test releases every child at the same instant), then opens DATA_DIR.
 *   tsx src/db/testing/open-data-dir-child.ts DIR
 * The line names the instant (epoch milliseconds) to open at: each child sleeps until just
 * before it and spins the last milliseconds, so that the children reach the lock within
 * microseconds of each other rather than one pipe write apart.
 * On success it records its pid in the database, prints `opened`, and closes when stdin says so
 * (or when it ends). On refusal it prints the error code and the Vietnamese message on stderr and
 * exits 3.
 */
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { openPglite } from '../client';
import { AppError } from '../../shared/errors';

const dir = process.argv[2]!;
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
console.log('ready');
const { value } = await lines.next();
const openAt = Number(String(value).split(' ')[1]);
const now = () => performance.timeOrigin + performance.now();
const napMs = openAt - now() - 3;
if (napMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, napMs);
while (now() < openAt) {
  /* spin: a timer would wake each child a scheduler tick apart */
}
try {
  const database = await openPglite(dir);
  await database.db.execute(sql`create table if not exists opened_by (pid int not null)`);
  await database.db.execute(sql`insert into opened_by values (${process.pid})`);
  console.log('opened');
  await lines.next();
  await database.close();
  process.exit(0);
} catch (e) {
  if (e instanceof AppError) {
    console.error(e.message);
    process.exit(3);
  }
  throw e;
}
