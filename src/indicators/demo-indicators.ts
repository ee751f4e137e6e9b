/**
 * The demo province's indicators: the figures of the seed notice's assessment part, proposed by
 * dondoc's own reader and accepted as the office's clerk would — each onto a catalogue entry with
 * its targets. The targets and last year's figures are the ones the notice itself implies
 * ("thấp hơn 1,24 điểm % so với kịch bản" → kịch bản 7,80%). Proposals the clerk has not taken
 * stay pending, so the review screen has work to show.
 */

import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { agencies } from '../directory/directory.schema';
import { acceptProposal, proposeFromDocument, listProposals, type ProposalRow } from './review-proposals';
import { enterIndicatorValues } from './enter-values';
import type { IndicatorInput } from './save-indicator';

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

interface Pick {
  /** Which proposal: its name and value as the reader gives them. */
  name: RegExp;
  value: number;
  indicator: Omit<IndicatorInput, 'ownerAgencyId'> & { owner?: string };
  /** Last year's figure and the target, from the other proposals of the notice. */
  derive?: (all: ProposalRow[], value: number) => { lastYear?: { value: number; from: ProposalRow }; target?: { value: number; note: string } };
}

const find = (all: ProposalRow[], name: RegExp, test: (p: ProposalRow) => boolean) => all.find((p) => name.test(p.name) && test(p));

const PICKS: Pick[] = [
  {
    name: /^Tăng trưởng GRDP$/,
    value: 6.56,
    indicator: { code: 'GRDP', name: 'Tốc độ tăng trưởng GRDP', unit: '%', periodKind: 'half', owner: 'STC' },
    derive: (all, v) => {
      const scenario = find(all, /GRDP/, (p) => p.comparison.relation === 'below' && p.comparison.against === 'plan');
      const lastYear = find(all, /GRDP/, (p) => p.comparison.relation === 'below' && p.comparison.against === 'same_period');
      return {
        target: scenario ? { value: round(v + scenario.value), note: `Kịch bản tăng trưởng (${scenario.sourceText})` } : undefined,
        lastYear: lastYear ? { value: round(v + lastYear.value), from: lastYear } : undefined,
      };
    },
  },
  {
    name: /^Thu ngân sách$/,
    value: 2394,
    indicator: { code: 'THU_NS', name: 'Thu ngân sách nhà nước trên địa bàn', unit: 'tỷ đồng', periodKind: 'half', owner: 'STC' },
    derive: (all, v) => {
      const plan = find(all, /^Thu ngân sách$/, (p) => p.comparison.relation === 'exceed' && /Trung ương/.test(p.comparison.againstText ?? ''));
      const yoy = find(all, /^Thu ngân sách$/, (p) => p.comparison.relation === 'increase' && p.comparison.against === 'same_period');
      return {
        target: plan ? { value: round(v / (1 + plan.value / 100), 1), note: `Dự toán Trung ương giao (${plan.sourceText})` } : undefined,
        lastYear: yoy ? { value: round(v / (1 + yoy.value / 100), 1), from: yoy } : undefined,
      };
    },
  },
  {
    name: /xây dựng/,
    value: 18.97,
    indicator: { code: 'XAY_DUNG', name: 'Tăng trưởng ngành xây dựng', unit: '%', periodKind: 'half', owner: 'SXD' },
    derive: (all) => {
      const before = find(all, /xây dựng/, (p) => p.comparison.relation === 'level' && p.comparison.against === 'same_period');
      return { lastYear: before ? { value: before.value, from: before } : undefined };
    },
  },
  {
    name: /^Giải ngân vốn đầu tư công$/,
    value: 40.7,
    indicator: { code: 'GIAI_NGAN', name: 'Tỷ lệ giải ngân vốn đầu tư công', unit: '%', periodKind: 'half', owner: 'STC' },
    derive: () => ({ target: { value: 50, note: 'Mục tiêu giải ngân 6 tháng của tỉnh (ví dụ của bản demo)' } }),
  },
  {
    name: /^Lượt khách du lịch$/,
    value: 1.52,
    indicator: { code: 'KHACH_DL', name: 'Lượt khách du lịch', unit: 'triệu lượt', periodKind: 'half', owner: 'SVHTTDL' },
    derive: (all, v) => {
      const growth = find(all, /^Lượt khách du lịch$/, (p) => p.comparison.relation === 'increase');
      return { lastYear: growth ? { value: round(v / (1 + growth.value / 100), 2), from: growth } : undefined };
    },
  },
  {
    name: /^Chương trình xóa nhà tạm/,
    value: 99.1,
    indicator: { code: 'NHA_TAM', name: 'Chương trình xóa nhà tạm, nhà dột nát (% kế hoạch)', unit: '%', periodKind: 'half', owner: 'SDTTG' },
    derive: () => ({ target: { value: 100, note: 'Hoàn thành kế hoạch' } }),
  },
  {
    name: /khám bệnh/,
    value: 326000,
    indicator: { code: 'KHAM_BENH', name: 'Lượt khám bệnh', unit: 'lượt', periodKind: 'half', owner: 'SYT' },
  },
];

export async function loadDemoIndicators(db: Db, office: Actor, documentId: string): Promise<{ accepted: number; pending: number }> {
  await proposeFromDocument(db, office, documentId);
  const all = await listProposals(db, documentId);
  const codes = new Map((await db.select({ id: agencies.id, code: agencies.code }).from(agencies)).map((a) => [a.code, a.id]));
  let accepted = 0;
  for (const pick of PICKS) {
    const p = all.find((x) => x.status === 'pending' && pick.name.test(x.name) && x.value === pick.value);
    if (!p) continue; // the demo loads even if the reader words a figure differently
    const derived = pick.derive?.(all, p.value) ?? {};
    const { owner, ...spec } = pick.indicator;
    const period = '2025-H1';
    const done = await acceptProposal(db, office, p.id, {
      newIndicator: { ...spec, ownerAgencyId: owner ? (codes.get(owner) ?? null) : null, targets: derived.target ? [{ period, value: derived.target.value, note: derived.target.note }] : [] },
      period,
    });
    accepted++;
    if (derived.lastYear) {
      await enterIndicatorValues(db, office, [{ indicatorId: done.indicatorId!, period: '2024-H1', agencyId: null, value: derived.lastYear.value }], {
        source: 'notice',
        documentId,
        sourceText: derived.lastYear.from.sourceText,
      });
    }
  }
  // A few communes' figures, so the agency view of a chart has something to show.
  const communes = [...codes.entries()].filter(([c]) => /^\d/.test(c)).slice(0, 3);
  const [nhaTam] = (await listProposals(db, documentId)).filter((x) => x.status === 'accepted' && /nhà tạm/.test(x.name));
  if (nhaTam?.indicatorId && communes.length) {
    await enterIndicatorValues(
      db,
      office,
      communes.map(([, id], i) => ({ indicatorId: nhaTam.indicatorId!, period: '2025-H1', agencyId: id, value: [100, 97.5, 95.2][i] })),
      { source: 'screen' },
    );
  }
  return { accepted, pending: (await listProposals(db, documentId)).filter((x) => x.status === 'pending').length };
}

