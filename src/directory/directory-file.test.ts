import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDirectoryCsv, parseDirectoryJson, inferKind } from './directory-file';

describe('directory files', () => {
  it('reads the Cao Bằng file: agencies, communes under their committee name, standard groups', () => {
    const data = parseDirectoryJson(JSON.parse(readFileSync(new URL('../demo/data/caobang.json', import.meta.url), 'utf8')));
    const stc = data.agencies.find((a) => a.code === 'STC')!;
    expect(stc).toMatchObject({ kind: 'department', formerly: ['Sở Kế hoạch và Đầu tư'] });
    const commune = data.agencies.find((a) => a.code === '01290')!;
    expect(commune).toMatchObject({ name: 'UBND xã Bảo Lâm', kind: 'commune' });
    expect(commune.aliases).toContain('Xã Bảo Lâm');
    expect(data.agencies.find((a) => a.code === 'CAT')!.kind).toBe('central_body');
    const communes = data.groups.find((g) => g.name === 'UBND cấp xã')!;
    expect(communes.memberCodes).toHaveLength(56);
    expect(data.groups.find((g) => g.name === 'các sở, ban, ngành')!.memberCodes).not.toContain('CAT');
  });
  it('reads CSV with lists separated by semicolons', () => {
    const data = parseDirectoryCsv('code,name,kind,aliases,formerly\nSTC,Sở Tài chính,,Sở TC,Sở Kế hoạch và Đầu tư\nX1,UBND xã A,commune,,\n');
    expect(data.agencies[0]).toMatchObject({ code: 'STC', kind: 'department', aliases: ['Sở TC'], formerly: ['Sở Kế hoạch và Đầu tư'] });
    expect(data.groups.find((g) => g.name === 'UBND cấp xã')!.memberCodes).toEqual(['X1']);
  });
  it('lists every problem of a bad file in Vietnamese', () => {
    expect(() => parseDirectoryJson({ agencies: [{ code: 'A' }, { code: 'B', name: 'B', kind: 'castle' }, { code: 'A', name: 'A' }] })).toThrow(
      /thiếu mã.*loại "castle" không hợp lệ/,
    );
    expect(() => parseDirectoryJson({ foo: 1 })).toThrow(/agencies/);
  });
  it('infers kinds from names', () => {
    expect(inferKind('Văn phòng UBND tỉnh')).toBe('office');
    expect(inferKind('Phường Thục Phán')).toBe('commune');
    expect(inferKind('Bảo hiểm xã hội tỉnh')).toBe('central_body');
    expect(inferKind('Ban Quản lý Khu kinh tế tỉnh')).toBe('provincial_body');
  });
});
