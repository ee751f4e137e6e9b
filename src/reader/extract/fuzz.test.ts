/**
 * Safety net against catastrophic backtracking and crashes: mutated and random documents,
 * including 1 MB inputs, must never throw and each call must stay well under the bound.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './extract';

const SEED = `THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh
Cao Bằng, ngày 14 tháng 7 năm 2025
II. Phương hướng, nhiệm vụ trọng tâm
2.2. Tập trung tháo gỡ các điểm nghẽn (như: năng lực chủ đầu tư):
a) Các chủ đầu tư/ ban quản lý dự án thường xuyên rà soát, chủ động đề xuất điều chuyển.
b) Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với các cơ quan, đơn vị liên quan rà soát, báo cáo UBND tỉnh trước ngày 22/7/2025.
c) Các Sở: Tài chính, Xây dựng, Nông nghiệp và Môi trường, Công Thương...rà soát, rút ngắn tối thiểu 30% thời gian.
đ) Sở Nội vụ: Chủ trì, phối hợp với các sở, ngành, địa phương chuẩn bị các hoạt động nhân dịp kỷ niệm (27/7/1947 – 27/7/2025).
- Báo cáo trước ngày 15 hằng tháng; hoàn thành trong quý III năm 2025; trong 10 ngày làm việc kể từ ngày ký.
(1) Đề nghị UBND tỉnh chỉ đạo Bộ Chỉ huy Quân sự tỉnh (dự kiến tổ chức tháng 12/2017) phối hợp.
STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành
1 | Xây dựng Đề án | Bộ Tư pháp (đối với ...) Bộ Tài chính | Các bộ, ngành | Quý IV/2026
 |  | Bộ Tư pháp |  | 2027 - 2030
Nơi nhận:
- Như trên;
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Dương Hùng Dũng`;

// deterministic PRNG
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ALPHABET = 'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYáàảãạếềểễệ0123456789 .,;:()/-–|+*"“”…\n\n\t';
const TOKENS = ['Sở ', 'Bộ ', 'Giao ', 'các ', 'trước ngày ', '22/7/2025', 'tháng 7 năm ', 'quý III ', 'hằng tháng', '(', ')', ':', ' | ', '\n', '\n\n', '- ', 'a) ', '2.1. ', 'II. ', 'Điều 1. ', 'chủ trì, phối hợp với ', 'Ủy ban nhân dân ', 'UBND cấp xã', ', ', '; ', '...', '(dự kiến tháng 12/2017)', 'nhân dịp kỷ niệm (1/1/2000 - 2/2/2020)'];

function mutate(base: string, r: () => number, n: number): string {
  const chars = [...base];
  for (let i = 0; i < n; i++) {
    const p = Math.floor(r() * chars.length);
    const op = r();
    if (op < 0.3) chars.splice(p, 1);
    else if (op < 0.6) chars.splice(p, 0, ALPHABET[Math.floor(r() * ALPHABET.length)]);
    else if (op < 0.85) chars.splice(p, 0, TOKENS[Math.floor(r() * TOKENS.length)]);
    else chars[p] = ALPHABET[Math.floor(r() * ALPHABET.length)];
  }
  return chars.join('');
}

function timed(text: string): number {
  const t0 = performance.now();
  const r = extract(text);
  const ms = performance.now() - t0;
  expect(Array.isArray(r.tasks)).toBe(true);
  for (const t of r.tasks) {
    expect(t.start).toBeGreaterThanOrEqual(0);
    expect(t.end).toBeLessThanOrEqual(text.normalize('NFC').length);
  }
  return ms;
}

// Bounds are generous on purpose (CI machines are shared and loaded): they catch super-linear
// behaviour — an exponential regex takes minutes, not a few hundred milliseconds.
const SMALL_MS = 2000;
const BIG_MS = 15000;

describe('fuzz', () => {
  it('survives mutated documents', () => {
    extract(SEED);
    extract(SEED);
    const r = rng(42);
    for (let i = 0; i < 300; i++) expect(timed(mutate(SEED, r, 1 + Math.floor(r() * 60)))).toBeLessThan(SMALL_MS);
  });

  it('survives random token soup', () => {
    const r = rng(7);
    for (let i = 0; i < 100; i++) {
      let s = '';
      const n = 50 + Math.floor(r() * 400);
      for (let k = 0; k < n; k++) s += r() < 0.5 ? TOKENS[Math.floor(r() * TOKENS.length)] : ALPHABET[Math.floor(r() * ALPHABET.length)];
      expect(timed(s)).toBeLessThan(SMALL_MS);
    }
  });

  it('handles pathological 1 MB inputs within the bound', () => {
    const big: Record<string, string> = {
      'repeated document': SEED.repeat(Math.ceil(1_048_576 / SEED.length)).slice(0, 1_048_576),
      'one long line of names': 'Sở Tài chính, '.repeat(80_000).slice(0, 1_048_576),
      'one long sentence': 'Giao Sở Y tế chủ trì phối hợp với các sở, ban, ngành '.repeat(20_000).slice(0, 1_048_576),
      'digits and slashes': '1/2/3/4 ngày 12/12 tháng 12 năm '.repeat(34_000).slice(0, 1_048_576),
      'spaces': ' '.repeat(1_048_576),
      'open parentheses': '( nhân dịp kỷ niệm ('.repeat(55_000).slice(0, 1_048_576),
      'labels only': 'a) \n1. \n- \n(1) \n'.repeat(60_000).slice(0, 1_048_576),
      'table rows': ' | Sở Y tế | Quý IV/2026 | \n'.repeat(35_000).slice(0, 1_048_576),
      'random': (() => {
        const r = rng(99);
        let s = '';
        while (s.length < 1_048_576) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
        return s;
      })(),
    };
    for (const [name, text] of Object.entries(big)) {
      const ms = timed(text);
      expect(ms, name).toBeLessThan(BIG_MS);
    }
  }, 120_000);
});
