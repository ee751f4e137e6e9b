import { describe, expect, it } from 'vitest';
import { completionReviewedNotice, contributionPostedNotice, extensionDecidedNotice, newAssignmentsNotice, noticeEmail, taskTitle } from './notices';

const task = (id: string, ref: string | null, text: string) => ({ assignmentId: id, ref, text, document: '12/TB-VPUBND' });

describe('notices', () => {
  it('names a task by its reference and text, cut to a line', () => {
    expect(taskTitle(task('a', 'II.2', 'Đẩy nhanh  tiến độ\ngiải ngân.'))).toBe('II.2. Đẩy nhanh tiến độ giải ngân.');
    const long = taskTitle(task('a', null, 'x'.repeat(300)), 50);
    expect(long).toHaveLength(50);
    expect(long.endsWith('…')).toBe(true);
  });

  it('one notice per publication: a single task links to it, several to the document’s list, ten shown at most', () => {
    const one = newAssignmentsNotice({ documentId: 'doc', document: '12/TB', tasks: [{ ...task('a', '1', 'Việc một.'), due: '2025-07-31' }] });
    expect(one).toMatchObject({ kind: 'assignment.created', title: 'Nhiệm vụ mới: 1. Việc một.', link: '/nhiem-vu/a' });
    expect(one.body).toContain('hạn 31/07/2025');
    const many = newAssignmentsNotice({ documentId: 'doc', document: '12/TB', tasks: Array.from({ length: 13 }, (_, i) => ({ ...task(`t${i}`, `${i + 1}`, `Việc ${i + 1}.`), due: null })) });
    expect(many.title).toBe('13 nhiệm vụ mới theo 12/TB');
    expect(many.link).toBe('/nhiem-vu?documentId=doc');
    expect(many.body.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(10);
    expect(many.body).toContain('… và 3 nhiệm vụ khác.');
  });

  it('review and extension decisions carry the reason when there is one', () => {
    const t = task('a', 'A', 'Việc A.');
    expect(completionReviewedNotice(t, 'return', ' Thiếu số liệu. ').body).toContain('Lý do: Thiếu số liệu.');
    expect(completionReviewedNotice(t, 'accept', undefined).body).not.toContain('Ghi chú');
    expect(extensionDecidedNotice(t, 'approved', '2025-08-10', null).title).toBe('Đồng ý gia hạn đến 10/08/2025: A. Việc A.');
    expect(extensionDecidedNotice(t, 'refused', null, 'Không đủ căn cứ.')).toMatchObject({ kind: 'extension.refused', link: '/nhiem-vu/a' });
    expect(contributionPostedNotice(t, 'Sở Tài chính', 'Đã bố trí vốn.').title).toBe('Sở Tài chính gửi ý kiến phối hợp: A. Việc A.');
  });

  it('an e-mail holds the body and the absolute link', () => {
    const m = noticeEmail(completionReviewedNotice(task('a', 'A', 'Việc A.'), 'accept', null), 'Nguyễn Văn A', 'https://dondoc.test/');
    expect(m.subject).toBe('[dondoc] Đã công nhận hoàn thành: A. Việc A.');
    expect(m.text).toContain('Kính gửi: Nguyễn Văn A.');
    expect(m.text).toContain('Xem trên hệ thống: https://dondoc.test/nhiem-vu/a');
  });
});
