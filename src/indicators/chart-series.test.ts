import { describe, expect, it } from 'vitest';
import { attainment, buildSeries } from './chart-series';
import { isPeriod, periodLabel, periodOf, sameTimeLastYear } from './periods';

describe('periods', () => {
  it('accepts only the shape of its kind', () => {
    expect(isPeriod('month', '2025-06')).toBe(true);
    expect(isPeriod('month', '2025-13')).toBe(false);
    expect(isPeriod('quarter', '2025-Q4')).toBe(true);
    expect(isPeriod('quarter', '2025-06')).toBe(false);
    expect(isPeriod('half', '2025-H2')).toBe(true);
    expect(isPeriod('half', '2025-H3')).toBe(false);
    expect(isPeriod('year', '2025')).toBe(true);
    expect(isPeriod('year', '25')).toBe(false);
  });
  it('labels in Vietnamese, finds last year and the period of a day', () => {
    expect(periodLabel('quarter', '2025-Q2')).toBe('Quý II/2025');
    expect(periodLabel('half', '2025-H1')).toBe('6 tháng đầu năm 2025');
    expect(periodLabel('month', '2025-06')).toBe('Tháng 6/2025');
    expect(sameTimeLastYear('2025-Q2')).toBe('2024-Q2');
    expect(sameTimeLastYear('2025')).toBe('2024');
    expect(periodOf('quarter', '2025-07-14')).toBe('2025-Q3');
    expect(periodOf('half', '2025-06-30')).toBe('2025-H1');
  });
});

describe('series', () => {
  it('more is better: reaching the target exactly is met', () => {
    expect(attainment('higher', 8, 8)).toEqual({ attainment: 100, met: true });
    expect(attainment('higher', 6.56, 7.8)).toEqual({ attainment: 84.1, met: false });
  });
  it('less is better: under the target is met and the ratio is inverted', () => {
    expect(attainment('lower', 18, 20)).toEqual({ attainment: 111.11, met: true });
    expect(attainment('lower', 22, 20)).toEqual({ attainment: 90.91, met: false });
    expect(attainment('lower', 5, null)).toEqual({ attainment: null, met: null });
  });
  it('rows per period with the same period last year', () => {
    const rows = buildSeries('half', 'higher', new Map([['2024-H1', 1287.1], ['2025-H1', 2394]]), new Map([['2025-H1', 1962.3], ['2025-H2', 2100]]));
    expect(rows.map((r) => r.period)).toEqual(['2024-H1', '2025-H1', '2025-H2']);
    expect(rows[1]).toMatchObject({ actual: 2394, target: 1962.3, lastYear: 1287.1, met: true, attainment: 122, changeVsLastYear: 86 });
    expect(rows[2]).toMatchObject({ actual: null, target: 2100, lastYear: null, met: null, changeVsLastYear: null });
  });
  it('a negative year before counts its change against its size', () => {
    const [, r] = buildSeries('year', 'higher', new Map([['2024', -12], ['2025', 18.97]]), new Map());
    expect(r.changeVsLastYear).toBe(258.08);
  });
});
