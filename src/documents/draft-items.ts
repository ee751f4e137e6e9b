/**
 * Turning the reader's tasks into draft items: names resolved against the directory, anything
 * unresolved kept as printed and flagged for the clerk. Pure.
 */
import type { DirectoryIndex } from '../directory/directory-index';
import type { AddresseeRef } from './documents.schema';

export interface ItemDraft {
  ref?: string | null;
  text: string;
  startOffset?: number | null;
  endOffset?: number | null;
  leads: AddresseeRef[];
  supports: AddresseeRef[];
  due?: string | null;
  dueText?: string | null;
  recurrence?: string | null;
  leaderId?: string | null;
  expectedResult?: string | null;
  reportTo?: string | null;
  review?: string[];
}

export function resolveAddressees(names: (string | AddresseeRef)[], index: DirectoryIndex): AddresseeRef[] {
  const out: AddresseeRef[] = [];
  for (const n of names) {
    const name = typeof n === 'string' ? n : n.name;
    if (typeof n !== 'string' && (n.agencyId || n.groupId)) {
      out.push(n);
      continue;
    }
    const r = index.resolve(name);
    if (!r) out.push({ name, agencyId: null, groupId: null });
    else if (r.kind === 'agency') out.push({ name: r.name, agencyId: r.id });
    else out.push({ name: r.name, groupId: r.id });
  }
  // The same agency named twice ("Sở Tài chính" and "Sở KH&ĐT" after the merger) counts once.
  const seen = new Set<string>();
  return out.filter((a) => {
    const k = a.agencyId ?? a.groupId ?? `?${a.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const isResolved = (a: AddresseeRef) => !!(a.agencyId || a.groupId);
const isVague = (name: string) => /liên quan|có liên quan/i.test(name);

/** What the clerk must look at before publishing: unresolved names and unsure fields. */
export function reviewFlags(item: ItemDraft): string[] {
  const flags = new Set(item.review ?? []);
  if (!item.leads.length) flags.add('lead_missing');
  for (const a of item.leads) if (!isResolved(a)) flags.add('lead_unresolved');
  // "các cơ quan, đơn vị liên quan" names nobody in particular: nothing for the clerk to resolve.
  for (const a of item.supports) if (!isResolved(a) && !isVague(a.name)) flags.add('support_unresolved');
  return [...flags];
}
