/**
 * The names at the top of an official report (Nghị định 30/2020/NĐ-CP, Phụ lục I): the
 * governing body ("UBND TỈNH CAO BẰNG"), the issuing body ("VĂN PHÒNG") and the place name of
 * the date line. Taken from the directory: the agency of kind 'office', or the optional
 * `province` setting ({ "name": "Cao Bằng" }); without either the header reads "UBND TỈNH".
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { agencies } from '../directory/directory.schema';
import { settings } from '../events/events.schema';
import { longDateVi } from './format';

export interface Letterhead {
  /** "UBND TỈNH CAO BẰNG" or "UBND TỈNH". */
  governingBody: string;
  /** "VĂN PHÒNG". */
  issuingBody: string;
  /** "Cao Bằng", or null when unknown (the date line then starts with dots). */
  place: string | null;
  /** The office's name as in the directory, for the signature ("CHÁNH VĂN PHÒNG"). */
  officeName: string;
}

export const PROVINCE_SETTING_KEY = 'province';

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** "Văn phòng UBND tỉnh Cao Bằng" → "Cao Bằng"; "Văn phòng UBND tỉnh" → null. */
export function provinceFromOfficeName(name: string): string | null {
  const m = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(name.normalize('NFC').trim());
  return m ? m[1].trim() : null;
}

export async function loadLetterhead(db: DbOrTx): Promise<Letterhead> {
  const [office] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.kind, 'office')).limit(1);
  const [setting] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, PROVINCE_SETTING_KEY));
  const configured = setting && typeof setting.value === 'object' && setting.value !== null ? (setting.value as { name?: unknown }).name : undefined;
  const place = (typeof configured === 'string' && configured.trim()) || (office ? provinceFromOfficeName(office.name) : null);
  return {
    governingBody: place ? `UBND TỈNH ${upper(place)}` : 'UBND TỈNH',
    issuingBody: 'VĂN PHÒNG',
    place: place || null,
    officeName: office?.name ?? 'Văn phòng UBND tỉnh',
  };
}

/** "Cao Bằng, ngày 30 tháng 11 năm 2025" (dots for an unknown place). */
export function placeDateLine(l: Letterhead, isoDate: string): string {
  return `${l.place ?? '……………'}, ${longDateVi(isoDate)}`;
}

