/**
 * The names at the top and bottom of an official report (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * the governing body ("UBND TỈNH CAO BẰNG"), the issuing body ("VĂN PHÒNG"), the place name of
 * the date line, the document symbol and the signer. They come from the province's settings
 * (`province`, edited with PUT /api/settings/province); a province that has not saved them yet
 * gets its name from the office's name in the directory ("Văn phòng UBND tỉnh Cao Bằng"), and
 * without either the header reads "UBND TỈNH".
 */
import { eq } from 'drizzle-orm';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { DbOrTx } from '../db/client';
import { agencies } from '../directory/directory.schema';
import { settings } from '../events/events.schema';
import { AppError } from '../shared/errors';
import { longDateVi } from './format';

export interface Letterhead {
  /** "UBND TỈNH CAO BẰNG" or "UBND TỈNH". */
  governingBody: string;
  /** "VĂN PHÒNG". */
  issuingBody: string;
  /** "Cao Bằng", or null when unknown (the date line then starts with dots). */
  place: string | null;
  /** The office's name as in the directory. */
  officeName: string;
  /** "VPUBND": the issuer's part of "Số: …/BC-VPUBND". */
  symbol: string;
  /** "CHÁNH VĂN PHÒNG" and the signer's name (dots when not set, to be signed by hand). */
  signerTitle: string;
  signerName: string | null;
}

export const PROVINCE_SETTING_KEY = 'province';

/** What the province's settings may say; every field but the name is optional. */
export const ProvinceSettings = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'Tên tỉnh, ví dụ "Cao Bằng".' }),
    governingBody: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'Cơ quan chủ quản, mặc định "UBND TỈNH <TÊN TỈNH>".' })),
    issuingBody: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'Cơ quan ban hành, mặc định "VĂN PHÒNG".' })),
    place: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Địa danh ghi ở dòng ngày tháng, mặc định là tên tỉnh.' })),
    symbol: Type.Optional(Type.String({ pattern: '^[A-ZĐ0-9-]{1,30}$', description: 'Chữ viết tắt tên cơ quan trong số, ký hiệu, mặc định "VPUBND".' })),
    signerTitle: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'Chức vụ người ký, mặc định "CHÁNH VĂN PHÒNG".' })),
    signerName: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'Họ tên người ký; bỏ trống thì để dòng chấm để ký tay.' })),
  },
  { additionalProperties: false },
);
export type ProvinceSettings = Static<typeof ProvinceSettings>;

const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi');

/** "Văn phòng UBND tỉnh Cao Bằng" → "Cao Bằng"; "Văn phòng UBND tỉnh" → null. */
export function provinceFromOfficeName(name: string): string | null {
  const m = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(name.normalize('NFC').trim());
  return m ? m[1].trim() : null;
}

/** Checks a settings value; a Vietnamese error with a stable code when it is not valid. */
export function parseProvinceSettings(v: unknown): ProvinceSettings {
  if (!Value.Check(ProvinceSettings, v)) {
    const first = [...Value.Errors(ProvinceSettings, v)][0];
    throw new AppError('VALIDATION', `Cấu hình tỉnh không hợp lệ${first ? ` (${first.instancePath || '/'}: ${first.message})` : ''}.`);
  }
  const trimmed = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x.normalize('NFC').trim() : x]));
  return trimmed as ProvinceSettings;
}

export async function loadProvinceSettings(db: DbOrTx): Promise<ProvinceSettings | null> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, PROVINCE_SETTING_KEY));
  if (!row) return null;
  // An older value ({ name } only, or hand-edited) is read leniently: what is valid is used.
  const v = row.value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object' || typeof v.name !== 'string' || !v.name.trim()) return null;
  try {
    return parseProvinceSettings(v);
  } catch {
    return { name: v.name.trim() };
  }
}

export function letterheadFrom(p: ProvinceSettings | null, officeName: string | null): Letterhead {
  const name = p?.name || (officeName ? provinceFromOfficeName(officeName) : null);
  return {
    governingBody: p?.governingBody ? upper(p.governingBody) : name ? `UBND TỈNH ${upper(name)}` : 'UBND TỈNH',
    issuingBody: p?.issuingBody ? upper(p.issuingBody) : 'VĂN PHÒNG',
    place: p?.place || name || null,
    officeName: officeName ?? (name ? `Văn phòng UBND tỉnh ${name}` : 'Văn phòng UBND tỉnh'),
    symbol: p?.symbol || 'VPUBND',
    signerTitle: p?.signerTitle ? upper(p.signerTitle) : 'CHÁNH VĂN PHÒNG',
    signerName: p?.signerName || null,
  };
}

export async function loadLetterhead(db: DbOrTx): Promise<Letterhead> {
  const [office] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.kind, 'office')).limit(1);
  return letterheadFrom(await loadProvinceSettings(db), office?.name ?? null);
}

/** "Cao Bằng, ngày 30 tháng 11 năm 2025" (dots for an unknown place). */
export function placeDateLine(l: Letterhead, isoDate: string): string {
  return `${l.place ?? '……………'}, ${longDateVi(isoDate)}`;
}

/** "Số:       /BC-VPUBND": the number is left blank for the clerk (văn thư) to fill in. */
export function numberLine(l: Letterhead): string {
  return `Số:       /BC-${l.symbol}`;
}
