/**
 * The words of each notice: pure functions from what happened to a title, a body and a link (a
 * path of the web app). notify.ts writes them; the tests read them.
 */
import { formatDateVi } from '../shared/dates';

export const NOTICE_KINDS = [
  'assignment.created',
  'completion.accepted',
  'completion.returned',
  'extension.approved',
  'extension.refused',
  'contribution.posted',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
/** Kinds written by the reminder engine (deliver-reminders.ts) rather than by notify(). */
export type ReminderNoticeKind = 'reminder' | 'escalation';

export interface Notice {
  kind: NoticeKind;
  title: string;
  body: string;
  /** A path of the web app ("/nhiem-vu/…"); e-mails prefix PUBLIC_URL. */
  link: string;
}

/** "II.2.a. Đẩy nhanh tiến độ …" cut to a line: how a notice names a task. */
export interface TaskLabel {
  assignmentId: string;
  ref: string | null;
  text: string;
  document: string;
}

export function taskTitle(t: TaskLabel, max = 120): string {
  const full = `${t.ref ? `${t.ref}. ` : ''}${t.text.replace(/\s+/g, ' ').trim()}`;
  return full.length > max ? `${full.slice(0, max - 1).trimEnd()}…` : full;
}

export const assignmentPath = (id: string) => `/nhiem-vu/${id}`;

/** One notice per lead agency for one publication, however many tasks it received. */
export function newAssignmentsNotice(opts: { documentId: string; document: string; tasks: (TaskLabel & { due: string | null })[] }): Notice {
  const n = opts.tasks.length;
  const shown = opts.tasks.slice(0, 10).map((t) => `- ${taskTitle(t)}${t.due ? ` — hạn ${formatDateVi(t.due)}` : ''}`);
  if (n > shown.length) shown.push(`… và ${n - shown.length} nhiệm vụ khác.`);
  return {
    kind: 'assignment.created',
    title: n === 1 ? `Nhiệm vụ mới: ${taskTitle(opts.tasks[0], 90)}` : `${n} nhiệm vụ mới theo ${opts.document}`,
    body: [`Cơ quan được giao chủ trì ${n} nhiệm vụ theo ${opts.document}:`, ...shown].join('\n'),
    link: n === 1 ? assignmentPath(opts.tasks[0].assignmentId) : `/nhiem-vu?documentId=${opts.documentId}`,
  };
}

export function completionReviewedNotice(t: TaskLabel, decision: 'accept' | 'return', note: string | null | undefined): Notice {
  const accepted = decision === 'accept';
  return {
    kind: accepted ? 'completion.accepted' : 'completion.returned',
    title: `${accepted ? 'Đã công nhận hoàn thành' : 'Báo cáo hoàn thành bị trả lại'}: ${taskTitle(t, 90)}`,
    body: [
      accepted ? `Văn phòng đã công nhận hoàn thành nhiệm vụ ${taskTitle(t)} (${t.document}).` : `Báo cáo hoàn thành nhiệm vụ ${taskTitle(t)} (${t.document}) bị trả lại; nhiệm vụ tiếp tục thực hiện.`,
      note?.trim() ? `${accepted ? 'Ghi chú' : 'Lý do'}: ${note.trim()}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    link: assignmentPath(t.assignmentId),
  };
}

export function extensionDecidedNotice(t: TaskLabel, decision: 'approved' | 'refused', newDue: string | null, note: string | null | undefined): Notice {
  const approved = decision === 'approved';
  return {
    kind: approved ? 'extension.approved' : 'extension.refused',
    title: `${approved ? `Đồng ý gia hạn đến ${formatDateVi(newDue)}` : 'Không đồng ý gia hạn'}: ${taskTitle(t, 90)}`,
    body: [
      approved
        ? `Đề nghị gia hạn nhiệm vụ ${taskTitle(t)} (${t.document}) được chấp thuận; hạn mới: ${formatDateVi(newDue)}.`
        : `Đề nghị gia hạn nhiệm vụ ${taskTitle(t)} (${t.document}) không được chấp thuận; hạn giữ nguyên.`,
      note?.trim() ? `${approved ? 'Ghi chú' : 'Lý do'}: ${note.trim()}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    link: assignmentPath(t.assignmentId),
  };
}

export function contributionPostedNotice(t: TaskLabel, contributor: string, excerpt: string): Notice {
  const text = excerpt.replace(/\s+/g, ' ').trim();
  return {
    kind: 'contribution.posted',
    title: `${contributor} gửi ý kiến phối hợp: ${taskTitle(t, 80)}`,
    body: [`${contributor} (cơ quan phối hợp) đã gửi ý kiến về nhiệm vụ ${taskTitle(t)} (${t.document}):`, text.length > 500 ? `${text.slice(0, 499)}…` : text].join('\n'),
    link: assignmentPath(t.assignmentId),
  };
}

/** The e-mail of a notice: the body, then the link, then the usual footer. */
export function noticeEmail(n: Notice, recipientName: string, publicUrl: string): { subject: string; text: string } {
  return {
    subject: `[dondoc] ${n.title}`,
    text: [
      `Kính gửi: ${recipientName}.`,
      n.body,
      `Xem trên hệ thống: ${publicUrl.replace(/\/+$/, '')}${n.link}`,
      'Đây là thư tự động của hệ thống dondoc, Văn phòng UBND tỉnh. Vui lòng không trả lời thư này. Có thể chọn chỉ nhận thông báo trong ứng dụng ở mục Tài khoản.',
    ].join('\n\n'),
  };
}
