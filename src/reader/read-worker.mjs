// Worker threads do not inherit the main thread's TypeScript loader: register tsx, then load the
// worker's TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
