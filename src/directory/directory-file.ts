/**
 * The directory file a province loads with `dondoc directory import FILE`: JSON (the shape of
 * ../shared/directory/caobang.json, or a plain list) or CSV. Parsing is pure; it returns the
 * agencies and groups to upsert, or a list of Vietnamese problems.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../shared/errors';
import { foldText } from '../shared/text';
import { STANDARD_GROUPS } from './standard-groups';
import { AGENCY_KINDS, type AgencyKind } from './directory.schema';

export interface AgencyRecord {
  code: string;
  name: string;
  shortName?: string | null;
  kind: AgencyKind;
  aliases: string[];
  /** Names of predecessors merged into this agency; kept as retired agencies with a successor link. */
  formerly: string[];
  email?: string | null;
  parentCode?: string | null;
}
export interface GroupRecord {
  code: string;
  name: string;
  aliases: string[];
  memberCodes: string[];
}
export interface DirectoryData {
  agencies: AgencyRecord[];
  groups: GroupRecord[];
}

const CENTRAL = /^(cong an|bo chi huy|thong ke|thue|bao hiem xa hoi|kho bac|ngan hang nha nuoc|cuc hai quan|toa an|vien kiem sat)/;

/** Kind from the name when the file does not say: "Sở …" is a department, and so on. */
export function inferKind(name: string): AgencyKind {
  const k = foldText(name);
  if (k.startsWith('van phong ubnd') || k.startsWith('van phong uy ban')) return 'office';
  if (k.startsWith('so ')) return 'department';
  if (/^(ubnd )?(xa|phuong|dac khu|thi tran) /.test(k)) return 'commune';
  if (CENTRAL.test(k)) return 'central_body';
  return 'provincial_body';
}

const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String).filter(Boolean) : typeof v === 'string' && v.trim() ? v.split(';').map((s) => s.trim()).filter(Boolean) : [];

function agencyFrom(raw: Record<string, unknown>, problems: string[], where: string): AgencyRecord | null {
  const code = String(raw.code ?? '').trim();
  const name = String(raw.name ?? '').trim();
  if (!code || !name) {
    problems.push(`${where}: thiếu mã (code) hoặc tên (name)`);
    return null;
  }
  const kindRaw = String(raw.kind ?? '').trim();
  let kind: AgencyKind;
  if (!kindRaw) kind = inferKind(name);
  else if ((AGENCY_KINDS as readonly string[]).includes(kindRaw)) kind = kindRaw as AgencyKind;
  else if (['xa', 'phuong', 'dac_khu', 'dackhu'].includes(kindRaw)) kind = 'commune';
  else {
    problems.push(`${where}: loại "${kindRaw}" không hợp lệ (${AGENCY_KINDS.join(', ')})`);
    return null;
  }
  return {
    code,
    name,
    shortName: raw.shortName ? String(raw.shortName) : raw.short_name ? String(raw.short_name) : null,
    kind,
    aliases: asList(raw.aliases),
    formerly: asList(raw.formerly),
    email: raw.email ? String(raw.email) : null,
    parentCode: raw.parent ? String(raw.parent) : raw.parent_code ? String(raw.parent_code) : null,
  };
}

/** Groups described in prose (as in caobang.json) get their usual members. */
function standardGroups(agencies: AgencyRecord[]): GroupRecord[] {
  return [
    {
      code: 'SO_BAN_NGANH',
      name: STANDARD_GROUPS.departments,
      aliases: ['các sở, ngành', 'các sở ban ngành', 'các sở, ban, ngành tỉnh', 'các cơ quan chuyên môn thuộc UBND tỉnh', 'các sở, ban, ngành, đơn vị', 'các cơ quan chuyên môn'],
      memberCodes: agencies.filter((a) => a.kind === 'department' || a.kind === 'provincial_body' || a.kind === 'office').map((a) => a.code),
    },
    {
      code: 'UBND_CAP_XA',
      name: STANDARD_GROUPS.communes,
      aliases: ['UBND các xã, phường', 'UBND các xã, phường, đặc khu', 'các xã, phường', 'UBND xã, phường', 'cấp xã', 'Chủ tịch UBND cấp xã'],
      memberCodes: agencies.filter((a) => a.kind === 'commune').map((a) => a.code),
    },
  ];
}

export function parseDirectoryJson(json: unknown): DirectoryData {
  const problems: string[] = [];
  const root = (Array.isArray(json) ? { agencies: json } : json) as Record<string, unknown>;
  if (!root || typeof root !== 'object' || !Array.isArray(root.agencies)) {
    throw new AppError('VALIDATION', 'Tệp danh mục phải có mảng "agencies".');
  }
  const agencies: AgencyRecord[] = [];
  (root.agencies as Record<string, unknown>[]).forEach((raw, i) => {
    const a = agencyFrom(raw, problems, `agencies[${i}]`);
    if (a) agencies.push(a);
  });
  for (const [i, c] of ((root.communes as Record<string, unknown>[]) ?? []).entries()) {
    // Tasks are addressed to the commune's committee: "UBND xã Bảo Lâm".
    const name = String(c.committee ?? c.name ?? '');
    const a = agencyFrom({ ...c, name, kind: 'commune', aliases: [String(c.name ?? ''), ...asList(c.aliases)] }, problems, `communes[${i}]`);
    if (a) agencies.push(a);
  }
  let groups: GroupRecord[] = [];
  if (Array.isArray(root.groups)) {
    groups = (root.groups as Record<string, unknown>[]).map((g) => ({
      code: String(g.code ?? g.name),
      name: String(g.name),
      aliases: asList(g.aliases),
      memberCodes: asList(g.members),
    }));
  } else if (root.groups && typeof root.groups === 'object') {
    const wanted = Object.keys(root.groups).map(foldText);
    groups = standardGroups(agencies).filter((g) => wanted.includes(foldText(g.name)));
  }
  const seen = new Set<string>();
  for (const a of agencies) {
    if (seen.has(a.code)) problems.push(`mã "${a.code}" bị trùng`);
    seen.add(a.code);
  }
  if (problems.length) throw new AppError('VALIDATION', `Tệp danh mục có lỗi: ${problems.join('; ')}`, { problems });
  return { agencies, groups };
}

/** CSV: code,name,kind,short_name,aliases,formerly,parent_code,email (lists separated by ";"). */
export function parseDirectoryCsv(text: string): DirectoryData {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new AppError('VALIDATION', `Tệp CSV không đọc được: ${(e as Error).message}`);
  }
  const data = parseDirectoryJson({ agencies: rows });
  return { agencies: data.agencies, groups: standardGroups(data.agencies) };
}
