#!/usr/bin/env node
// `npm test`: type-check, then every test with vitest. Tests run on embedded PGlite always and
// also on PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set. Browser tests run when
// Debian's chromium is installed and say clearly that they were skipped when it is not.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  return r.status ?? 1;
};
const pg = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
console.log(`dondoc tests — databases: PGlite${pg ? ' + PostgreSQL' : ' (set TEST_DATABASE_URL to test PostgreSQL too)'}`);
let status = run('npx', ['tsc', '--noEmit', '-p', '.']);
if (status !== 0) {
  console.error('Type check failed.');
  process.exit(status);
}
status = run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
process.exit(status);
