import { describe, it, expect } from 'vitest';
import { reviewFlags } from './draft-items';

describe('review flags', () => {
  it('flag unknown leads and named supporting agencies, not vague "liên quan" phrases', () => {
    expect(reviewFlags({ text: 'x', leads: [], supports: [] })).toEqual(['lead_missing']);
    expect(reviewFlags({ text: 'x', leads: [{ name: 'Sở Y tế', agencyId: 'a' }], supports: [{ name: 'các cơ quan, đơn vị liên quan' }] })).toEqual([]);
    expect(reviewFlags({ text: 'x', leads: [{ name: 'Ban X' }], supports: [{ name: 'Hội Nông dân tỉnh' }] })).toEqual(['lead_unresolved', 'support_unresolved']);
  });
});
