import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import defaultJson from './overrides.default.json';
import { defaultOverrides, mergeOverrides, parseOverrides, validateOverrides } from './overrides';

describe('parseOverrides', () => {
  it('accepts the shipped defaults, and JSON text', () => {
    expect(validateOverrides(defaultJson)).toEqual([]);
    expect(Object.keys(defaultOverrides.years)).toEqual(expect.arrayContaining(['2024', '2025', '2026']));
    expect(parseOverrides(JSON.stringify(defaultJson))).toEqual(defaultOverrides);
    expect(parseOverrides({ years: {} })).toEqual({ years: {} });
  });

  it('keeps only the known fields, trimmed', () => {
    const o = parseOverrides({
      years: { '2027': { holidays: [{ date: '2027-02-12', name: '  Nghỉ Tết thêm ' }], note: 'ghi chú' } },
    });
    expect(o).toEqual({ years: { '2027': { note: 'ghi chú', holidays: [{ date: '2027-02-12', name: 'Nghỉ Tết thêm' }] } } });
  });

  it('throws one VALIDATION AppError listing every problem in Vietnamese', () => {
    let err: unknown;
    try {
      parseOverrides({
        years: {
          '2025': {
            holidays: [{ date: '2025-02-30', name: 'Sai ngày' }, { date: '2026-01-02', name: 'Sai năm' }, { date: '2025-03-03' }],
            workingDays: [{ date: '2025-04-28', name: 'Làm bù thứ Hai?' }],
            daysOff: [{ date: '2025-04-27', name: 'Chủ nhật' }],
            removeHolidays: ['2025-03-10'],
            extra: 1,
          },
          '25': {},
        },
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe('VALIDATION');
    const errors = e.extra.errors as string[];
    expect(errors).toHaveLength(8);
    expect(e.detail).toMatch(/^Tệp lịch nghỉ lễ không hợp lệ:/);
    expect(errors.join('\n')).toContain('"2025-02-30" không hợp lệ; cần định dạng YYYY-MM-DD');
    expect(errors.join('\n')).toContain('ngày 2026-01-02 không thuộc năm 2025');
    expect(errors.join('\n')).toContain('thiếu tên ("name")');
    expect(errors.join('\n')).toContain('ngày làm bù 28/4/2025 không phải thứ Bảy hay Chủ nhật');
    expect(errors.join('\n')).toContain('ngày nghỉ hoán đổi 27/4/2025 rơi vào cuối tuần');
    expect(errors.join('\n')).toContain('không thể bỏ ngày 10/3/2025');
    expect(errors.join('\n')).toContain('khóa "extra" không được hỗ trợ');
    expect(errors.join('\n')).toContain('Khóa năm "25" không hợp lệ');
  });

  it('explains structural mistakes', () => {
    expect(validateOverrides('{ not json')[0]).toMatch(/^Tệp không phải JSON hợp lệ/);
    expect(validateOverrides([])).toEqual(['Nội dung phải là một đối tượng JSON dạng { "years": { "2025": { ... } } }.']);
    expect(validateOverrides({})[0]).toMatch(/^Thiếu "years"/);
    expect(validateOverrides({ years: { '2025': [] } })[0]).toMatch(/^Năm 2025: phải là một đối tượng/);
    expect(validateOverrides({ years: { '2025': { holidays: {} } } })[0]).toMatch(/"holidays" phải là một mảng/);
    expect(validateOverrides({ years: { '2025': { removeHolidays: '2025-02-01' } } })[0]).toMatch(/"removeHolidays" phải là một mảng/);
    expect(validateOverrides({ foo: 1, years: {} })[0]).toMatch(/Khóa "foo" không được hỗ trợ ở cấp gốc/);
  });

  it('rejects the same date declared twice', () => {
    const errors = validateOverrides({
      years: {
        '2025': {
          daysOff: [{ date: '2025-05-02', name: 'Nghỉ hoán đổi' }],
          holidays: [{ date: '2025-05-02', name: 'Nghỉ' }],
        },
      },
    });
    expect(errors).toEqual([expect.stringContaining('ngày 2/5/2025 đã có trong holidays')]);
  });

  it('accepts removing a computed compensation day', () => {
    expect(validateOverrides({ years: { '2027': { removeHolidays: ['2027-02-11'] } } })).toEqual([]);
  });
});

describe('mergeOverrides', () => {
  it('replaces a year wholesale and keeps the others', () => {
    const mine = parseOverrides({ years: { '2026': { holidays: [{ date: '2026-01-02', name: 'Nghỉ hoán đổi Tết Dương lịch' }] }, '2027': {} } });
    const merged = mergeOverrides(defaultOverrides, mine);
    expect(merged.years['2025']).toEqual(defaultOverrides.years['2025']);
    expect(merged.years['2026']).toEqual(mine.years['2026']);
    expect(merged.years['2027']).toEqual({});
  });
});

describe('createCalendar validates what it is given', () => {
  it('a make-up day on a holiday, and a bad date in a hand-built object', async () => {
    const { createCalendar } = await import('./working-days');
    expect(() => createCalendar({ years: { '2026': { workingDays: [{ date: '2026-04-26', name: 'x' }] } } })).toThrow(
      /ngày làm bù 26\/4\/2026 là ngày lễ/,
    );
    expect(() => createCalendar({ years: { '2026': { holidays: [{ date: '2026-1-2', name: 'x' }] } } })).toThrow(/Tệp lịch nghỉ lễ không hợp lệ/);
  });
});
