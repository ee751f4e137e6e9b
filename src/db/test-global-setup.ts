/** Vitest global setup: one migrated PGlite template for the whole run (see db/testing.ts). */
import { makePgliteTemplate } from './testing';

export default async function setup(): Promise<void> {
  await makePgliteTemplate();
}
