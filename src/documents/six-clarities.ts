/**
 * The "6 rõ" check of a task before it is given out: rõ người, rõ việc, rõ thời gian, rõ trách
 * nhiệm, rõ sản phẩm, rõ thẩm quyền. Pure; answers which of the six an item leaves unclear, so the
 * clerk can fix the item (or knowingly publish it) from the preview. A heuristic on the item's
 * fields and words: it points at what to look at, it does not block publishing.
 */
import { foldText } from '../shared/text';
import type { AddresseeRef } from './documents.schema';

export const CLARITIES = ['lead', 'action', 'deadline', 'responsibility', 'product', 'authority'] as const;
export type Clarity = (typeof CLARITIES)[number];

export const CLARITY_VI: Record<Clarity, string> = {
  lead: 'rõ người',
  action: 'rõ việc',
  deadline: 'rõ thời gian',
  responsibility: 'rõ trách nhiệm',
  product: 'rõ sản phẩm',
  authority: 'rõ thẩm quyền',
};

export interface ClarityInput {
  text: string;
  leads: AddresseeRef[];
  supports: AddresseeRef[];
  due?: string | null;
  dueText?: string | null;
  recurrence?: string | null;
  leaderId?: string | null;
  expectedResult?: string | null;
  reportTo?: string | null;
}

// Folded (no diacritics, lower case) words, matched as whole words.
const ACTION_VERBS = [
  'chu tri', 'trien khai', 'thuc hien', 'to chuc', 'xay dung', 'hoan thanh', 'hoan thien', 'ra soat', 'kiem tra', 'tham muu',
  'de xuat', 'bao cao', 'chi dao', 'huong dan', 'ban hanh', 'giai quyet', 'day nhanh', 'tang cuong', 'nghien cuu', 'theo doi',
  'don doc', 'bo tri', 'phan bo', 'giai ngan', 'trinh', 'tong hop', 'danh gia', 'xu ly', 'cung co', 'thanh tra', 'lap', 'soan thao',
  'du thao', 'sua doi', 'bo sung', 'cai tao', 'nang cap', 'dau tu', 'tuyen truyen', 'quan ly', 'khac phuc', 'thong bao', 'cap nhat',
  'phoi hop', 'tiep tuc', 'chuan bi', 'xac dinh', 'dieu chinh', 'tham dinh', 'phe duyet', 'thu hoi', 'bao dam', 'dam bao', 'kiem soat',
];
const PRODUCTS = [
  'bao cao', 'ke hoach', 'de an', 'du an', 'to trinh', 'du thao', 'van ban', 'quyet dinh', 'chuong trinh', 'phuong an', 'ket qua',
  'nghi quyet', 'chi thi', 'cong van', 'danh sach', 'bao cao ket qua', 'huong dan', 'quy che', 'quy dinh', 'san pham', 'so lieu',
];
// Who decides, approves or receives the result: the province's leadership bodies.
const AUTHORITIES = [
  'ubnd tinh', 'uy ban nhan dan tinh', 'chu tich', 'pho chu tich', 'thuong truc', 'tinh uy', 'hdnd tinh', 'hoi dong nhan dan tinh',
  'lanh dao ubnd', 'ban thuong vu', 'thu tuong', 'chinh phu',
];
const ONGOING = /\b(thuong xuyen|hang ngay|hang tuan|hang thang|hang quy|hang nam|hang nam|dinh ky|lien tuc)\b/;
const VAGUE_LEAD = /\b(lien quan|cac co quan|cac don vi|cac nganh|cac cap)\b/;

const has = (folded: string, words: string[]) => words.some((w) => new RegExp(`\\b${w}\\b`).test(folded));

/** Which of the six the item leaves unclear (empty: all clear). */
export function unclearOf(item: ClarityInput): Clarity[] {
  const text = foldText(item.text);
  const out: Clarity[] = [];
  const resolvedLeads = item.leads.filter((l) => l.agencyId || l.groupId);
  // rõ người: someone named, and known to the directory.
  if (!item.leads.length || resolvedLeads.length < item.leads.length) out.push('lead');
  // rõ việc: the item says what to do (an action verb), in more than a couple of words.
  if (text.split(/\s+/).filter(Boolean).length < 4 || !has(text, ACTION_VERBS)) out.push('action');
  // rõ thời gian: a deadline, a recurrence, or a stated ongoing duty ("thường xuyên").
  if (!item.due && !item.recurrence && !ONGOING.test(foldText(`${item.dueText ?? ''} ${item.text}`))) out.push('deadline');
  // rõ trách nhiệm: one accountable lead (a group expands to one per member), not a vague "các
  // cơ quan liên quan", and nobody both leading and supporting.
  const leadKeys = new Set(item.leads.map((l) => l.agencyId ?? l.groupId ?? foldText(l.name)));
  const both = item.supports.some((s) => leadKeys.has(s.agencyId ?? s.groupId ?? foldText(s.name)));
  if (item.leads.length !== 1 || item.leads.some((l) => VAGUE_LEAD.test(foldText(l.name)) && !l.groupId) || both) out.push('responsibility');
  // rõ sản phẩm: what is handed in at the end.
  if (!item.expectedResult?.trim() && !has(text, PRODUCTS)) out.push('product');
  // rõ thẩm quyền: who the result goes to or who is in charge of it.
  if (!item.reportTo?.trim() && !item.leaderId && !has(text, AUTHORITIES)) out.push('authority');
  return out;
}
