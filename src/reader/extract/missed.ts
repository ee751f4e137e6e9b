/**
 * Whether a paragraph reads like an instruction: an action verb and an addressee. The outline
 * walk (extract.ts) asks it of the directive part's paragraphs that became no task, so that the
 * review screen can show the clerk what the reader may have missed.
 */
import { clauseAt, clauseStartsTyped, lateLead, midGiao, type ScannerTable } from './addressees';
import { parseLabel } from './labels';

/** Openers of assessments and praise: such a paragraph states, it does not instruct. */
const STATES = /^(?:đánh giá|ghi nhận|tán thành|nhất trí|biểu dương|thống nhất|cơ bản|đã|được|là|có)(?![\p{L}\p{N}])/iu;

/**
 * The addressees an instruction-like paragraph names, or null when it does not read like an
 * instruction: a clause that gives someone something to do ("Giao X …", "Đề nghị X …",
 * "X khẩn trương …", "… do X chủ trì"). An agency merely mentioned ("tuyên truyền cho các tổ
 * chức …", "của Bộ Chính trị") is an object, not an addressee: such a paragraph is not marked.
 * `scanners` is the extraction's table of scanners (see ScannerTable).
 */
export function instructionAddressees(scanners: ScannerTable, paragraph: string): string[] | null {
  const label = parseLabel(paragraph);
  const text = (label ? paragraph.slice(label.length) : paragraph).trim();
  if (text.length < 12 || STATES.test(text)) return null;
  const sc = scanners.of(text);
  for (const cs of clauseStartsTyped(scanners, text)) {
    const r = clauseAt(sc, cs.pos);
    if (!r) continue;
    // an assessment clause ("Sở Y tế đã …", "ghi nhận …") at the start makes the whole paragraph one
    if (r.nonTask) {
      if (cs.kind === 'start') return null;
      continue;
    }
    if (r.kind !== 'heading' && r.lead.length) return r.lead;
  }
  const late = lateLead(sc) ?? midGiao(sc);
  if (late?.lead.length) return late.lead;
  return null;
}
