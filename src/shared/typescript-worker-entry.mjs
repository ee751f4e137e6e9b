// Worker threads do not inherit the main thread's TypeScript loader: register tsx, then load the
// TypeScript module the worker was started for (`workerData.module`, a file URL).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
