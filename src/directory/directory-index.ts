/**
 * Resolving the names printed in documents ("Sở NN&MT", "Giám đốc Sở Y tế", "Sở Kế hoạch và
 * Đầu tư", "UBND các xã, phường") to the agencies and groups of the directory. Pure.
 */
import { foldText } from '../shared/text';

export interface IndexedAgency {
  id: string;
  name: string;
  aliases: string[];
  successorId: string | null;
  validTo: string | null;
}
export interface IndexedGroup {
  id: string;
  name: string;
  aliases: string[];
  memberIds: string[];
}
export type Resolved =
  | { kind: 'agency'; id: string; name: string; via: 'exact' | 'alias' | 'successor' | 'fuzzy' }
  | { kind: 'group'; id: string; name: string; memberIds: string[] };

const ROLE_WORDS = /^(giam doc|pho giam doc|thu truong|nguoi dung dau|chu tich|pho chu tich|lanh dao|truong ban|chanh van phong|chi huy truong)\s+/;

/** The lookup key of a name: folded, punctuation as spaces, role words and "tỉnh" dropped. */
export function nameKey(name: string): string {
  let k = foldText(name)
    .replace(/uy ban nhan dan/g, 'ubnd')
    .replace(/hoi dong nhan dan/g, 'hdnd')
    .replace(/[.,;:()/\\"'“”\-–—&]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (let i = 0; i < 2; i++) k = k.replace(ROLE_WORDS, '');
  return k.replace(/\s+tinh$/, '').trim();
}

function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return false;
    prev = cur;
  }
  return prev[b.length] <= max;
}

export class DirectoryIndex {
  private byKey = new Map<string, Resolved>();
  private agencies = new Map<string, IndexedAgency>();

  constructor(agencies: IndexedAgency[], groups: IndexedGroup[]) {
    for (const a of agencies) this.agencies.set(a.id, a);
    for (const a of agencies) {
      const current = this.current(a);
      const via = current.id === a.id ? 'exact' : 'successor';
      this.put(a.name, { kind: 'agency', id: current.id, name: current.name, via });
      for (const alias of a.aliases) this.put(alias, { kind: 'agency', id: current.id, name: current.name, via: via === 'exact' ? 'alias' : via });
    }
    for (const g of groups) {
      const r: Resolved = { kind: 'group', id: g.id, name: g.name, memberIds: g.memberIds };
      this.put(g.name, r);
      for (const alias of g.aliases) this.put(alias, r);
    }
  }

  private put(name: string, r: Resolved): void {
    const k = nameKey(name);
    // A current agency's own name wins over a predecessor's alias of the same spelling.
    if (k && (!this.byKey.has(k) || (r.kind === 'agency' && r.via === 'exact'))) this.byKey.set(k, r);
  }

  /** Follows successor links (merged departments) to the agency in office now. */
  private current(a: IndexedAgency): IndexedAgency {
    let cur = a;
    for (let i = 0; i < 10 && cur.successorId; i++) {
      const next = this.agencies.get(cur.successorId);
      if (!next) break;
      cur = next;
    }
    return cur;
  }

  resolve(name: string): Resolved | null {
    const k = nameKey(name);
    if (!k) return null;
    const exact = this.byKey.get(k);
    if (exact) return exact;
    // Typos: one edit in a short name, two in a long one; only when a single candidate fits.
    const max = k.length >= 12 ? 2 : k.length >= 6 ? 1 : 0;
    if (!max) return null;
    // The head word must agree exactly: "Bộ Nội vụ" (the ministry) is one edit from "Sở Nội vụ"
    // (the province's department) and is never the same body.
    const head = k.slice(0, k.indexOf(' ') + 1 || k.length);
    let found: Resolved | null = null;
    for (const [key, r] of this.byKey) {
      if (!key.startsWith(head)) continue;
      if (editDistanceAtMost(k, key, max)) {
        if (found && (found.kind !== r.kind || found.id !== r.id)) return null;
        found = r.kind === 'agency' ? { ...r, via: 'fuzzy' } : r;
      }
    }
    return found;
  }
}
