/**
 * Vietnamese message templates, editable by the province (setting REMINDER_TEMPLATES_KEY), and
 * the pure renderer that turns one planned message into a subject and a plain-text body.
 * Placeholders are written {{name}}; unknown ones are left as they are.
 */
import { AppError } from '../shared/errors';
import { formatDateVi } from '../shared/dates';
import { workingDaysLateVi } from '../assignments/buckets';

export const REMINDER_TEMPLATES_KEY = 'reminders.templates';

export const SECTION_ORDER = ['escalate_leader', 'escalate_office', 'escalate_agency', 'overdue', 'due_day', 'before', 'digest_daily', 'digest_weekly'] as const;
export type SectionId = (typeof SECTION_ORDER)[number];

export interface MessageTemplates {
  /** {{count}} {{date}} {{name}} */
  subject: string;
  /** {{name}} {{date}} */
  greeting: string;
  /** {{title}} {{document}} {{agency}} {{due}} {{status}} {{link}} */
  line: string;
  footer: string;
  sections: Record<SectionId, string>;
}

export const DEFAULT_TEMPLATES: MessageTemplates = {
  subject: '[dondoc] Đôn đốc {{count}} nhiệm vụ — ngày {{date}}',
  greeting: 'Kính gửi: {{name}}.\n\nHệ thống theo dõi, đôn đốc nhiệm vụ của UBND tỉnh xin thông báo (ngày {{date}}):',
  line: '- {{title}} ({{document}}; cơ quan chủ trì: {{agency}}) — hạn xử lý {{due}}, {{status}}.\n  Xem và báo cáo: {{link}}',
  footer: 'Đây là thư tự động của hệ thống dondoc, Văn phòng UBND tỉnh. Vui lòng không trả lời thư này; đề nghị báo cáo kết quả trên hệ thống.',
  sections: {
    escalate_leader: 'Nhiệm vụ quá hạn thuộc lĩnh vực đồng chí phụ trách:',
    escalate_office: 'Nhiệm vụ vừa quá hạn, đề nghị Văn phòng theo dõi, đôn đốc:',
    escalate_agency: 'Nhiệm vụ của cơ quan đã quá hạn, kính báo Thủ trưởng cơ quan:',
    overdue: 'Nhiệm vụ đã quá hạn, đề nghị khẩn trương thực hiện và báo cáo:',
    due_day: 'Nhiệm vụ đến hạn hôm nay:',
    before: 'Nhiệm vụ sắp đến hạn:',
    digest_daily: 'Tổng hợp hằng ngày: nhiệm vụ quá hạn và sắp đến hạn:',
    digest_weekly: 'Tổng hợp hằng tuần: nhiệm vụ đang thực hiện của cơ quan:',
  },
};

export function parseTemplates(value: unknown): MessageTemplates {
  const bad = (d: string) => new AppError('VALIDATION', `Mẫu thông báo không hợp lệ: ${d}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('phải là một đối tượng JSON.');
  const v = value as Record<string, unknown>;
  const out: MessageTemplates = { ...DEFAULT_TEMPLATES, sections: { ...DEFAULT_TEMPLATES.sections } };
  for (const [k, x] of Object.entries(v)) {
    if (k === 'sections') {
      if (typeof x !== 'object' || x === null) throw bad('"sections" phải là một đối tượng.');
      for (const [s, t] of Object.entries(x as Record<string, unknown>)) {
        if (!(SECTION_ORDER as readonly string[]).includes(s)) throw bad(`mục "${s}" không tồn tại.`);
        if (typeof t !== 'string' || !t.trim()) throw bad(`mục "${s}" phải là chuỗi văn bản.`);
        out.sections[s as SectionId] = t;
      }
    } else if (k === 'subject' || k === 'greeting' || k === 'line' || k === 'footer') {
      if (typeof x !== 'string' || !x.trim()) throw bad(`"${k}" phải là chuỗi văn bản.`);
      out[k] = x;
    } else throw bad(`khóa "${k}" không được hỗ trợ.`);
  }
  return out;
}

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export interface MessageLine {
  assignmentId: string;
  rule: string;
  title: string;
  document: string;
  agency: string;
  due: string;
  /** Working days left (≥ 0) or overdue (< 0) on the pass date. */
  workingDaysLeft: number;
  /** Days overdue on the pass date, by the one definition (buckets.ts `workingDaysLate`). */
  daysOverdue: number;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  /** For in-app notifications: the list of the tasks named when several, else the one task. */
  link: string;
}

export function sectionOf(rule: string): SectionId {
  return rule.startsWith('before_') ? 'before' : (rule as SectionId);
}

export function assignmentLink(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/assignments/${id}`;
}

function statusText(n: number, daysOverdue: number, due: string, date: string): string {
  if (due === date) return 'đến hạn hôm nay';
  if (n > 0) return `còn ${n} ngày làm việc`;
  // A deadline on a day off (weekend, Tết): today is the last working day before it.
  if (n === 0 && due > date) return 'hạn rơi vào ngày nghỉ, hôm nay là ngày làm việc cuối cùng trước hạn';
  return workingDaysLateVi(daysOverdue);
}

/** One message: the greeting, then each section with its lines (a task once per section), then the footer. */
/** The list of exactly the tasks one message named (resolved by the assignment list, scoped to the reader). */
export function deliveryListLink(publicUrl: string, deliveryId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/nhiem-vu?delivery=${deliveryId}`;
}

export function renderMessage(
  t: MessageTemplates,
  opts: { name: string; date: string; publicUrl: string; lines: MessageLine[]; /** Gives a message naming several tasks a link to their list. */ deliveryId?: string },
): RenderedMessage {
  const date = formatDateVi(opts.date);
  const bySection = new Map<SectionId, MessageLine[]>();
  for (const l of opts.lines) {
    const s = sectionOf(l.rule);
    const list = bySection.get(s) ?? [];
    if (!list.some((x) => x.assignmentId === l.assignmentId)) list.push(l);
    bySection.set(s, list);
  }
  const tasks = new Set(opts.lines.map((l) => l.assignmentId));
  const parts = [fill(t.greeting, { name: opts.name, date })];
  for (const s of SECTION_ORDER) {
    const list = bySection.get(s);
    if (!list?.length) continue;
    list.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.title.localeCompare(b.title, 'vi')));
    parts.push(
      [
        t.sections[s],
        ...list.map((l) =>
          fill(t.line, {
            title: l.title,
            document: l.document,
            agency: l.agency,
            due: formatDateVi(l.due),
            status: statusText(l.workingDaysLeft, l.daysOverdue, l.due, opts.date),
            link: assignmentLink(opts.publicUrl, l.assignmentId),
          }),
        ),
      ].join('\n'),
    );
  }
  const first = opts.lines[0];
  const list = opts.deliveryId && tasks.size > 1 ? deliveryListLink(opts.publicUrl, opts.deliveryId) : null;
  if (list) parts.push(`Danh sách ${tasks.size} nhiệm vụ nêu trong thông báo này: ${list}`);
  parts.push(t.footer);
  return {
    subject: fill(t.subject, { count: tasks.size, date, name: opts.name }),
    text: parts.join('\n\n'),
    link: list ?? (first ? assignmentLink(opts.publicUrl, first.assignmentId) : opts.publicUrl),
  };
}
