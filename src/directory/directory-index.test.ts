import { describe, it, expect } from 'vitest';
import { DirectoryIndex, nameKey } from './directory-index';

const idx = new DirectoryIndex(
  [
    { id: 'stc', name: 'Sở Tài chính', aliases: [], successorId: null, validTo: null },
    { id: 'skhdt', name: 'Sở Kế hoạch và Đầu tư', aliases: ['Sở KH&ĐT'], successorId: 'stc', validTo: '2025-02-28' },
    { id: 'snnmt', name: 'Sở Nông nghiệp và Môi trường', aliases: ['Sở NN&MT'], successorId: null, validTo: null },
    { id: 'syt', name: 'Sở Y tế', aliases: [], successorId: null, validTo: null },
  ],
  [{ id: 'g1', name: 'UBND cấp xã', aliases: ['UBND các xã, phường'], memberIds: ['x1', 'x2'] }],
);

describe('directory index', () => {
  it('drops role words, diacritics and a trailing "tỉnh" from keys', () => {
    expect(nameKey('Giám đốc Sở Y tế')).toBe('so y te');
    expect(nameKey('Ủy ban nhân dân các xã, phường')).toBe('ubnd cac xa phuong');
  });
  it('resolves names, aliases and role-worded names', () => {
    expect(idx.resolve('SỞ Y TẾ')).toMatchObject({ kind: 'agency', id: 'syt' });
    expect(idx.resolve('Giám đốc Sở Y tế')).toMatchObject({ id: 'syt' });
    expect(idx.resolve('Sở NN&MT')).toMatchObject({ id: 'snnmt', via: 'alias' });
  });
  it('sends a merged department to its successor', () => {
    expect(idx.resolve('Sở Kế hoạch và Đầu tư')).toMatchObject({ id: 'stc', name: 'Sở Tài chính', via: 'successor' });
  });
  it('resolves groups with their members', () => {
    expect(idx.resolve('UBND các xã, phường')).toMatchObject({ kind: 'group', memberIds: ['x1', 'x2'] });
  });
  it('forgives a typo but never guesses between two candidates', () => {
    expect(idx.resolve('Sở Tài chín')).toMatchObject({ id: 'stc', via: 'fuzzy' });
    expect(idx.resolve('Sở Ngoại vụ')).toBeNull();
  });
  it('never takes a ministry (Bộ) for the province department (Sở) of the same field', () => {
    // issue 9, class 7: "Bộ Y tế" is one edit from "Sở Y tế" and is another body
    expect(idx.resolve('Bộ Y tế')).toBeNull();
    expect(idx.resolve('Bộ Tài chính')).toBeNull();
    expect(idx.resolve('Bộ Nông nghiệp và Môi trường')).toBeNull();
    expect(idx.resolve('Sở Tài chánh')).toMatchObject({ id: 'stc', via: 'fuzzy' });
  });
});
