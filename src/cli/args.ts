import { parseArgs, type ParseArgsConfig } from 'node:util';

/** node:util parseArgs with a Vietnamese message instead of a stack trace. */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    console.error(`Tham số không hợp lệ: ${(e as Error).message}`);
    process.exit(2);
  }
}

/** Runs a command body, printing AppErrors and config errors readably. */
export async function runCommand(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    const err = e as { detail?: string; message?: string; problems?: string[] };
    console.error(err.detail ?? err.message ?? String(e));
    return 1;
  }
}
