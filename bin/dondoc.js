#!/usr/bin/env node
// Entry point of `npx dondoc`: the sources are TypeScript, run through tsx's loader so that
// there is no separate build step for the server and the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
