import { readFileSync } from 'node:fs';
import { openApp } from '../app/open-app';
import { SYSTEM_ACTOR } from '../auth/actor';
import { parseDirectoryCsv, parseDirectoryJson } from '../directory/directory-file';
import { importDirectory } from '../directory/import-directory';
import { runCommand } from './args';

export async function run(args: string[]): Promise<number> {
  const [verb, file] = args;
  if (verb !== 'import' || !file) {
    console.error('Cách dùng: dondoc directory import FILE (.json hoặc .csv)');
    return 2;
  }
  return runCommand(async () => {
    const text = readFileSync(file, 'utf8');
    const data = /\.csv$/i.test(file) ? parseDirectoryCsv(text) : parseDirectoryJson(JSON.parse(text));
    const { ctx, database } = await openApp();
    try {
      const r = await importDirectory(ctx.db, SYSTEM_ACTOR, data);
      console.log(`Đã nạp ${r.agencies} cơ quan và ${r.groups} nhóm.`);
      return 0;
    } finally {
      await database.close();
    }
  });
}
