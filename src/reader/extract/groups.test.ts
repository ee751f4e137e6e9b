/**
 * Group addressees read by the grammar of their phrases: spellings never listed anywhere in the
 * reader are recognised as long as they follow the grammar (invented variants below).
 */
import { describe, expect, it } from 'vitest';
import { clauseAt, ScannerTable } from './addressees';
import { STANDARD_GROUPS as G } from '../../directory/standard-groups';

/** A scanner of its own table: each reading below is an extraction of its own. */
const scanner = (s: string) => new ScannerTable().of(s);
const lead = (s: string): string[] | undefined => clauseAt(scanner(s), 0)?.lead;

describe('group phrases by their grammar', () => {
  it('reads a government level however its units are listed', () => {
    for (const s of [
      'UBND các xã, phường, thị trấn khẩn trương rà soát',
      'Ủy ban nhân dân các phường, xã và đặc khu khẩn trương rà soát',
      'UBND cấp xã, phường khẩn trương rà soát',
      'Chính quyền cấp xã khẩn trương rà soát',
      'Các xã, đặc khu khẩn trương rà soát',
      'Ủy ban nhân dân (UBND) cấp xã khẩn trương rà soát',
    ])
      expect(lead(s), s).toEqual([G.communes]);
    for (const s of ['UBND các huyện, thị xã khẩn trương rà soát', 'Ủy ban nhân dân các quận, huyện khẩn trương rà soát', 'Cấp huyện khẩn trương rà soát'])
      expect(lead(s), s).toEqual([G.districts]);
    for (const s of ['Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương khẩn trương rà soát', 'UBND cấp tỉnh khẩn trương rà soát', 'Các tỉnh, thành phố trực thuộc Trung ương khẩn trương rà soát'])
      expect(lead(s), s).toEqual([G.provinces]);
    expect(lead('Ủy ban nhân dân các cấp khẩn trương rà soát')).toEqual([G.allLevels]);
  });

  it('keeps one named unit, and the province\'s own committee, as printed', () => {
    expect(lead('UBND xã Tân Lập khẩn trương rà soát')).toEqual(['UBND xã Tân Lập']);
    expect(lead('UBND tỉnh chỉ đạo rà soát')).not.toEqual([G.provinces]);
  });

  it('reads lists of kinds of bodies as the group they make', () => {
    for (const s of ['Các sở, ngành tỉnh chủ động rà soát', 'Các sở ban ngành chủ động rà soát', 'Các sở, ban, ngành, đoàn thể chủ động rà soát', 'Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh chủ động rà soát', 'Thủ trưởng các sở, ban, ngành thuộc tỉnh chủ động rà soát'])
      expect(lead(s), s).toEqual([G.departments]);
    for (const s of ['Các bộ, cơ quan ngang bộ chủ động rà soát', 'Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ chủ động rà soát', 'Các bộ, ngành trung ương chủ động rà soát'])
      expect(lead(s), s).toEqual([G.ministries]);
    expect(lead('Các cấp, các ngành chủ động rà soát')).toEqual([G.levelsAndSectors]);
    expect(lead('Các chủ đầu tư/ ban quản lý dự án chủ động rà soát')).toEqual([G.investors]);
  });

  it('adds the localities a list names: communes beside departments, provinces beside ministries', () => {
    expect(lead('Các sở, ban, ngành, địa phương chủ động rà soát')).toEqual([G.departments, G.communes]);
    expect(lead('Người đứng đầu các cơ quan, địa phương phải trực tiếp chỉ đạo')).toEqual([G.departments, G.communes]);
    expect(lead('Các bộ, cơ quan, địa phương chủ động rà soát')).toEqual([G.ministries, G.provinces]);
  });

  it('names whoever a matter concerns, and leaves a second noun phrase and a named kind of body alone', () => {
    const r = clauseAt(scanner('Giao Sở Y tế chủ trì, phối hợp với các cơ quan, tổ chức, đơn vị khác có liên quan triển khai'), 0);
    expect(r?.support).toEqual([G.related]);
    expect(clauseAt(scanner('Giao Sở Y tế chủ trì, phối hợp với các sở, ban, ngành có liên quan triển khai'), 0)?.support).toEqual([G.relatedDepartments]);
    // "và các cơ quan chức năng" is another addressee, not a qualifier of the departments
    expect(lead('Các sở, ngành và các cơ quan chức năng chủ động phối hợp')).toEqual(expect.arrayContaining([G.departments]));
    expect(lead('Các sở, ngành và các cơ quan chức năng chủ động phối hợp')).not.toContain(G.relatedDepartments);
    expect(lead('Các bộ, ngành, địa phương, các tổ chức nhân dân tăng cường vận động')).toEqual([G.ministries, G.provinces, 'các tổ chức nhân dân']);
  });
});
