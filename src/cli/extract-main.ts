/**
 * `dondoc extract` on its own: the entry point bin/dondoc.js bundles (fresh-bundle.mjs) so that the
 * command starts without the TypeScript loader or the other commands.
 */
import * as extract from './extract-command';
import { runCommand } from './run-command';

await runCommand('extract', extract, process.argv.slice(3));
