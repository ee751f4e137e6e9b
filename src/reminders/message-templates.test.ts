import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, parseTemplates, renderMessage, type MessageLine } from './message-templates';
import { buildRawEmail, signWebhook } from './channels';

const line = (id: string, rule: string, due: string, left: number): MessageLine => ({ assignmentId: id, rule, title: `Nhiệm vụ ${id}`, document: '12/TB-VPUBND', agency: 'Sở Y tế', due, workingDaysLeft: left, daysOverdue: Math.max(-left, 1) });

describe('renderMessage', () => {
  it('one message: sections by kind, each task once per section, dd/mm/yyyy and links', () => {
    const m = renderMessage(DEFAULT_TEMPLATES, {
      name: 'Thủ trưởng Sở Y tế',
      date: '2025-07-24',
      publicUrl: 'https://dondoc.caobang.gov.vn/',
      lines: [line('a', 'before_1', '2025-07-25', 1), line('b', 'overdue', '2025-07-01', -17), line('a', 'digest_weekly', '2025-07-25', 1), line('c', 'due_day', '2025-07-24', 0)],
    });
    expect(m.subject).toBe('[dondoc] Đôn đốc 3 nhiệm vụ — ngày 24/07/2025');
    expect(m.text).toContain('Kính gửi: Thủ trưởng Sở Y tế.');
    expect(m.text.indexOf('đã quá hạn')).toBeLessThan(m.text.indexOf('đến hạn hôm nay:'));
    expect(m.text).toContain('hạn xử lý 25/07/2025, còn 1 ngày làm việc');
    expect(m.text).toContain('quá hạn 17 ngày làm việc');
    expect(m.text).toContain('https://dondoc.caobang.gov.vn/assignments/a');
    expect(m.link).toBe('https://dondoc.caobang.gov.vn/assignments/a');
  });
  it('a message naming several tasks links to the list of exactly them; one task links to that task', () => {
    const lines = [line('a', 'digest_daily', '2025-07-25', 1), line('b', 'digest_daily', '2025-07-28', 2), line('a', 'overdue', '2025-07-25', 1)];
    const m = renderMessage(DEFAULT_TEMPLATES, { name: 'Văn phòng', date: '2025-07-24', publicUrl: 'https://dondoc.test/', lines, deliveryId: 'd-1' });
    expect(m.link).toBe('https://dondoc.test/nhiem-vu?delivery=d-1');
    expect(m.text).toContain('Danh sách 2 nhiệm vụ nêu trong thông báo này: https://dondoc.test/nhiem-vu?delivery=d-1');
    const one = renderMessage(DEFAULT_TEMPLATES, { name: 'X', date: '2025-07-24', publicUrl: 'https://dondoc.test', lines: [lines[0], lines[2]], deliveryId: 'd-2' });
    expect(one.link).toBe('https://dondoc.test/assignments/a');
    expect(one.text).not.toContain('delivery=');
  });
  it('a deadline on a day off says today is the last working day before it', () => {
    const m = renderMessage(DEFAULT_TEMPLATES, { name: 'X', date: '2026-02-13', publicUrl: 'http://x', lines: [line('t', 'due_day', '2026-02-18', 0)] });
    expect(m.text).toContain('18/02/2026, hạn rơi vào ngày nghỉ, hôm nay là ngày làm việc cuối cùng trước hạn');
  });
  it('templates are editable and validated', () => {
    const t = parseTemplates({ subject: 'Nhắc {{count}} việc', sections: { before: 'Sắp tới hạn:' } });
    expect(t.subject).toBe('Nhắc {{count}} việc');
    expect(t.sections.before).toBe('Sắp tới hạn:');
    expect(t.sections.overdue).toBe(DEFAULT_TEMPLATES.sections.overdue);
    expect(() => parseTemplates({ sections: { nope: 'x' } })).toThrow(/không tồn tại/);
    expect(() => parseTemplates({ subject: '' })).toThrow(/chuỗi/);
  });
});

describe('channels', () => {
  it('a raw e-mail: UTF-8 subject as encoded words, base64 body, the deterministic Message-ID', () => {
    const raw = buildRawEmail({ from: 'Văn phòng UBND tỉnh <no-reply@caobang.gov.vn>', to: 'syt@caobang.gov.vn', subject: 'Đôn đốc 35 nhiệm vụ — ngày 24/07/2025', text: 'Kính gửi:\nSở Y tế', messageId: '<x.reminder@h>', deliveryId: 'x' });
    expect(raw).toMatch(/^From: =\?UTF-8\?B\?[^?]+\?= <no-reply@caobang\.gov\.vn>\r\n/);
    expect(raw).toContain('Message-ID: <x.reminder@h>\r\n');
    const subject = /Subject: (.*(?:\r\n .*)*)/.exec(raw)![1];
    const decoded = subject.split('\r\n ').map((w) => Buffer.from(/=\?UTF-8\?B\?(.*)\?=/.exec(w)![1], 'base64').toString('utf8')).join('');
    expect(decoded).toBe('Đôn đốc 35 nhiệm vụ — ngày 24/07/2025');
    const body = raw.split('\r\n\r\n')[1];
    expect(Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe('Kính gửi:\r\nSở Y tế');
  });
  it('webhook signature: HMAC-SHA256 of the raw body', () => {
    expect(signWebhook('secret', '{"a":1}')).toBe(`sha256=${createHmac('sha256', 'secret').update('{"a":1}').digest('hex')}`);
  });
});
