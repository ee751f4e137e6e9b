/**
 * One file through the reader, as `dondoc extract` prints it: shared by the command's main thread
 * and its worker threads so both give byte-identical lines.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../shared/errors';
import { readDocument } from '../reader/index';
import type { Extraction } from '../reader/index';

const MAX_BYTES = 50 * 1024 * 1024;

export type ExtractResult = Extraction & { text: string; format: string };

/** The corpus JSON object of one file's extraction (`file` is included for --jsonl). */
export function toJson(r: ExtractResult, file?: string): Record<string, unknown> {
  const d = r.document;
  return {
    ...(file ? { file } : {}),
    format: r.format,
    document: {
      kind: d.kind, number: d.number, issuer: d.issuer, place: d.place, date: d.date, subject: d.subject,
      meetingDate: d.meetingDate, chair: d.chair, signer: d.signer, signerTitle: d.signerTitle, signingForm: d.signingForm,
      recipients: d.recipients,
    },
    tasks: r.tasks.map((t) => ({
      ref: t.ref, text: t.text, start: t.start, end: t.end, lead: t.lead, support: t.support, due: t.due, dueText: t.dueText,
      recurrence: t.recurrence, milestones: t.milestones, reportTo: t.reportTo, product: t.product, confidence: t.confidence,
      needsReview: t.needsReview,
    })),
  };
}

/** A reading failure in words (Vietnamese), never a stack trace. */
export function failureMessage(e: unknown, file: string): string {
  if (e instanceof AppError) return `Lỗi: ${file}: ${e.detail}`;
  const code = (e as { code?: string })?.code;
  if (code === 'ENOENT') return `Lỗi: không tìm thấy tệp ${file}.`;
  if (code === 'EISDIR') return `Lỗi: ${file} là một thư mục, không phải tệp văn bản.`;
  if (code === 'EACCES') return `Lỗi: không có quyền đọc tệp ${file}.`;
  return `Lỗi: không đọc được tệp ${file} (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`;
}

/**
 * Reads and extracts one file. Synchronous file access on purpose: the command reads files one
 * after another, and awaiting each read left the CPU idle between documents.
 */
export async function extractFile(file: string): Promise<ExtractResult> {
  const st = statSync(file);
  if (st.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
  if (st.size > MAX_BYTES) throw new AppError('FILE_TOO_LARGE', `tệp quá lớn (${Math.round(st.size / 1048576)} MB, tối đa 50 MB).`);
  const buf = readFileSync(file);
  return readDocument(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), basename(file));
}

/** The --jsonl line of one file: its extraction, or its error, and whether it failed. */
export async function jsonlLine(file: string): Promise<{ line: string; error?: string }> {
  try {
    return { line: `${JSON.stringify(toJson(await extractFile(file), file))}\n` };
  } catch (e) {
    const error = failureMessage(e, file);
    return { line: `${JSON.stringify({ file, error })}\n`, error };
  }
}
