/**
 * `dondoc extract FILE... [--json | --jsonl]`: reads directive documents and prints their tasks —
 * a readable table by default, the corpus JSON object with --json (one file), one object per line
 * with --jsonl. Bad files get a Vietnamese message and a non-zero exit, never a stack trace.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../shared/errors';
import { readDocument } from '../reader/index';
import type { Extraction } from '../reader/index';

const MAX_BYTES = 50 * 1024 * 1024;

function toJson(r: Extraction & { text: string; format: string }, file?: string): Record<string, unknown> {
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

const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s).padEnd(n);

function printTable(file: string, r: Extraction): void {
  const d = r.document;
  console.log(`\n${file}`);
  console.log(`${d.kind ?? '(không rõ loại)'} ${d.number ?? ''} — ${d.place ?? ''} ${d.date ?? ''}`.trim());
  if (d.subject) console.log(`Trích yếu: ${d.subject}`);
  if (d.signer) console.log(`Người ký: ${d.signer}${d.signerTitle ? ` (${d.signerTitle})` : ''}`);
  console.log(`${r.tasks.length} nhiệm vụ\n`);
  console.log(`${cut('Mục', 12)} ${cut('Chủ trì', 34)} ${cut('Hạn', 10)} Nội dung`);
  for (const t of r.tasks) console.log(`${cut(t.ref, 12)} ${cut(t.lead.join('; ') || '—', 34)} ${cut(t.due ?? '—', 10)} ${cut(t.text, 70).trimEnd()}`);
}

function message(e: unknown, file: string): string {
  if (e instanceof AppError) return `Lỗi: ${file}: ${e.detail}`;
  const code = (e as { code?: string })?.code;
  if (code === 'ENOENT') return `Lỗi: không tìm thấy tệp ${file}.`;
  if (code === 'EISDIR') return `Lỗi: ${file} là một thư mục, không phải tệp văn bản.`;
  if (code === 'EACCES') return `Lỗi: không có quyền đọc tệp ${file}.`;
  return `Lỗi: không đọc được tệp ${file} (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`;
}

export async function run(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const jsonl = args.includes('--jsonl');
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--json' && a !== '--jsonl');
  if (unknown.length) {
    console.error(`Tham số không hợp lệ: ${unknown.join(' ')}. Cách dùng: dondoc extract TỆP... [--json | --jsonl]`);
    return 2;
  }
  if (!files.length) {
    console.error('Cách dùng: dondoc extract TỆP... [--json | --jsonl]');
    return 2;
  }
  if (json && files.length > 1) {
    console.error('--json chỉ dùng cho một tệp; với nhiều tệp hãy dùng --jsonl.');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    try {
      const st = await stat(file);
      if (st.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
      if (st.size > MAX_BYTES) throw new AppError('FILE_TOO_LARGE', `tệp quá lớn (${Math.round(st.size / 1048576)} MB, tối đa 50 MB).`);
      const bytes = new Uint8Array(await readFile(file));
      const r = await readDocument(bytes, basename(file));
      if (json) process.stdout.write(`${JSON.stringify(toJson(r), null, 1)}\n`);
      else if (jsonl) process.stdout.write(`${JSON.stringify(toJson(r, file))}\n`);
      else printTable(file, r);
    } catch (e) {
      failed++;
      console.error(message(e, file));
      if (jsonl) process.stdout.write(`${JSON.stringify({ file, error: message(e, file) })}\n`);
    }
  }
  return failed ? 1 : 0;
}
