/**
 * What an uploaded attachment really is, judged by its content (magic bytes), never by its name:
 * a JPEG renamed .pdf must not be stored, and later served, as a PDF. The name's extension only
 * has to agree with what the content is; the stored type is the detected one.
 */
import { fileTypeFromBuffer } from 'file-type';

/** Extensions a report may carry, by what the content must be detected as (file-type's `ext`). */
const ACCEPTED: Record<string, { detected: string[]; label: string }> = {
  pdf: { detected: ['pdf'], label: 'PDF' },
  docx: { detected: ['docx'], label: 'Word (.docx)' },
  xlsx: { detected: ['xlsx'], label: 'Excel (.xlsx)' },
  pptx: { detected: ['pptx'], label: 'PowerPoint (.pptx)' },
  // The old Office formats are OLE compound files: file-type names them all "cfb".
  doc: { detected: ['cfb'], label: 'Word (.doc)' },
  xls: { detected: ['cfb'], label: 'Excel (.xls)' },
  ppt: { detected: ['cfb'], label: 'PowerPoint (.ppt)' },
  odt: { detected: ['odt'], label: 'OpenDocument (.odt)' },
  ods: { detected: ['ods'], label: 'OpenDocument (.ods)' },
  jpg: { detected: ['jpg'], label: 'ảnh JPEG' },
  jpeg: { detected: ['jpg'], label: 'ảnh JPEG' },
  png: { detected: ['png'], label: 'ảnh PNG' },
  gif: { detected: ['gif'], label: 'ảnh GIF' },
  webp: { detected: ['webp'], label: 'ảnh WebP' },
  tif: { detected: ['tif'], label: 'ảnh TIFF' },
  tiff: { detected: ['tif'], label: 'ảnh TIFF' },
  zip: { detected: ['zip'], label: 'tệp nén ZIP' },
  rar: { detected: ['rar'], label: 'tệp nén RAR' },
  '7z': { detected: ['7z'], label: 'tệp nén 7z' },
  txt: { detected: [], label: 'văn bản thuần (.txt)' },
  csv: { detected: [], label: 'bảng CSV (.csv)' },
};

const TEXT_MIME: Record<string, string> = { txt: 'text/plain; charset=utf-8', csv: 'text/csv; charset=utf-8' };

export const ACCEPTED_EXTENSIONS = Object.keys(ACCEPTED);
export const ACCEPTED_SUMMARY_VI = 'PDF, Word, Excel, PowerPoint, OpenDocument, ảnh (JPG, PNG, GIF, WebP, TIFF), tệp nén (ZIP, RAR, 7z), .txt, .csv';

export type FileKind = { ok: true; mime: string } | { ok: false; reason: string };

/** "ảnh JPEG" rather than "JPG" when the content is a kind we know by name. */
const labelOf = (detectedExt: string) => Object.values(ACCEPTED).find((a) => a.detected.includes(detectedExt))?.label ?? detectedExt.toUpperCase();

const extOf = (name: string) => /\.([A-Za-z0-9]{1,8})$/.exec(name.trim())?.[1].toLowerCase() ?? '';

/** Plain text has no magic number: it must at least decode as UTF-8 and hold no control bytes. */
function looksLikeText(bytes: Uint8Array): boolean {
  try {
    const s = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
    // A cut in the middle of a multi-byte character at the 64 KiB edge is not an error of the file.
    return !/[\u0000-\u0008\u000e-\u001f]/.test(s);
  } catch {
    return bytes.length > 64 * 1024 && !/[\u0000-\u0008\u000e-\u001f]/.test(new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024 - 4)));
  }
}

/** Decides whether `bytes` named `name` is an accepted attachment, and its real MIME type. */
export async function detectFileKind(name: string, bytes: Uint8Array): Promise<FileKind> {
  const ext = extOf(name);
  const accepted = ACCEPTED[ext];
  if (!accepted) {
    return { ok: false, reason: `Tệp "${name}": không nhận loại tệp ${ext ? `.${ext}` : 'không có đuôi'}. Chấp nhận: ${ACCEPTED_SUMMARY_VI}.` };
  }
  const found = await fileTypeFromBuffer(bytes);
  if (accepted.detected.length === 0) {
    if (found || !looksLikeText(bytes)) {
      return { ok: false, reason: `Tệp "${name}" có đuôi .${ext} nhưng nội dung ${found ? `là ${labelOf(found.ext)}` : 'không phải văn bản'} (tệp hỏng hoặc đổi đuôi).` };
    }
    return { ok: true, mime: TEXT_MIME[ext] };
  }
  if (!found || !accepted.detected.includes(found.ext)) {
    return {
      ok: false,
      reason: `Tệp "${name}" có đuôi .${ext} nhưng nội dung ${found ? `là ${labelOf(found.ext)}` : `không phải ${accepted.label}`} (tệp hỏng hoặc đổi đuôi).`,
    };
  }
  if (found.ext === 'cfb') {
    const mime = { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' }[ext];
    return { ok: true, mime: mime ?? 'application/x-cfb' };
  }
  return { ok: true, mime: found.mime };
}
