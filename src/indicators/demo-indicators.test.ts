import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { SYSTEM_ACTOR } from '../auth/actor';
import { importDirectory } from '../directory/import-directory';
import { parseDirectoryJson } from '../directory/directory-file';
import { createDocument } from '../documents/create-document';
import { loadDemoIndicators } from './demo-indicators';
import { indicatorSeries, listIndicators } from './indicator-queries';

const data = (name: string) => readFileSync(fileURLToPath(new URL(`../demo/data/${name}`, import.meta.url)), 'utf8');

describe('the demo province ships the indicators of its seed notice', () => {
  it('reads them, accepts them in review, with targets and last year from the notice itself', { timeout: 120_000 }, async () => {
    const database = await openTestDatabase('pglite');
    try {
      const db = database.db;
      await importDirectory(db, SYSTEM_ACTOR, parseDirectoryJson(JSON.parse(data('caobang.json'))));
      const { document } = await createDocument(db, SYSTEM_ACTOR, { text: data('caobang-tb-2025-07-14.txt'), file: undefined, meta: { number: '1234/TB-VPUBND' } });
      const r = await loadDemoIndicators(db, SYSTEM_ACTOR, document.id);
      expect(r.accepted).toBe(7);
      expect(r.pending).toBeGreaterThan(5);
      const list = await listIndicators(db);
      const by = Object.fromEntries(list.map((i) => [i.code, i]));
      expect(by.GRDP).toMatchObject({ unit: '%', ownerAgencyName: 'Sở Tài chính', latest: { period: '2025-H1', value: 6.56, target: 7.8 } });
      expect(by.THU_NS.latest).toEqual({ period: '2025-H1', value: 2394, target: 1962.3 });
      const grdp = await indicatorSeries(db, SYSTEM_ACTOR, by.GRDP.id, null);
      expect(grdp.rows.find((x) => x.period === '2025-H1')).toMatchObject({ actual: 6.56, target: 7.8, lastYear: 7.26, met: false });
      const thu = await indicatorSeries(db, SYSTEM_ACTOR, by.THU_NS.id, null);
      // 2.394 tỷ is 86% more than the same period: 2.394 / 1,86 = 1.287,1.
      expect(thu.rows.find((x) => x.period === '2025-H1')).toMatchObject({ lastYear: 1287.1, attainment: 122, met: true, changeVsLastYear: 86 });
      const xd = await indicatorSeries(db, SYSTEM_ACTOR, by.XAY_DUNG.id, null);
      expect(xd.rows.find((x) => x.period === '2025-H1')).toMatchObject({ actual: 18.97, lastYear: -12 });
      expect(by.KHACH_DL.latest).toMatchObject({ value: 1.52 });
    } finally {
      await database.close();
    }
  });
});
