import { openApp } from '../app/open-app';
import { runCommand } from './args';

export async function run(): Promise<number> {
  return runCommand(async () => {
    const { database } = await openApp();
    console.log(`Đã áp dụng migration (${database.kind}).`);
    await database.close();
    return 0;
  });
}
