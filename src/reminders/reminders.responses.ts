/** What the reminder engine's routes send, as response schemas (they also serialize: keep them whole). */
import { Type } from 'typebox';
import type { ReminderRules } from './reminder-rules';
import type { MessageTemplates } from './message-templates';
import type { CalendarOverrides } from '../calendar';
import { IsoDate, Nullable, StringEnum, Timestamp, Uuid } from '../http/schemas';
import { DELIVERY_STATUSES } from './reminders.schema';

/** An object sent whole, as checked by its parser (its shape is documented with the parser). */
const Checked = <T>(description: string) => Type.Unsafe<T>({ type: 'object', additionalProperties: true, description });

export const NotificationOut = Type.Object({
  id: Uuid,
  kind: Type.String({ description: "'reminder', 'escalation' (nhắc việc), hoặc sự kiện: 'assignment.created', 'completion.accepted', 'completion.returned', 'extension.approved', 'extension.refused', 'contribution.posted'." }),
  title: Type.String(), body: Type.String(), link: Nullable(Type.String()), readAt: Nullable(Timestamp), createdAt: Timestamp });
export const NotificationList = Type.Object({ items: Type.Array(NotificationOut), unread: Type.Integer({ minimum: 0 }) });
export const NotificationRead = Type.Object({ id: Uuid, readAt: Nullable(Timestamp) });

const Rules = Checked<ReminderRules>('Quy tắc nhắc việc (xem reminder-rules.ts).');
const Templates = Checked<MessageTemplates>('Mẫu thông báo (xem message-templates.ts).');
export const ReminderRulesOut = Type.Object({ rules: Rules, templates: Templates, defaults: Type.Object({ rules: Rules, templates: Templates }) });
export const ReminderRulesSaved = Type.Object({ rules: Rules, templates: Templates });

const Overrides = Checked<CalendarOverrides>('Bản ghi đè lịch nghỉ lễ: { note?, years: { "2026": { holidays, removeHolidays, workingDays, daysOff } } }.');
export const CalendarOverridesOut = Type.Object({ overrides: Nullable(Overrides), defaults: Overrides });
export const CalendarOverridesSaved = Type.Object({ overrides: Overrides });

export const DeliveryList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      passDate: IsoDate,
      recipient: Type.String(),
      channel: Type.String(),
      channelLabel: Type.String({ description: 'Kênh gửi, bằng lời' }),
      address: Nullable(Type.String({ description: 'Địa chỉ e-mail; không có với kênh trong ứng dụng và webhook.' })),
      status: StringEnum(DELIVERY_STATUSES),
      statusLabel: Type.String({ description: 'Kết quả gửi, bằng lời' }),
      attempts: Type.Integer({ minimum: 0 }),
      sentAt: Nullable(Timestamp),
      lastError: Nullable(Type.String()),
      subject: Nullable(Type.String()),
      rules: Type.Array(Type.String()),
      ruleLabels: Type.Array(Type.String()),
      plannedDue: IsoDate,
    }),
  ),
});

export const WebhookOut = Type.Object({ id: Uuid, url: Type.String(), description: Nullable(Type.String()), active: Type.Boolean(), createdAt: Timestamp });
export const WebhookList = Type.Object({ items: Type.Array(WebhookOut) });
export const WebhookCreated = Type.Object({ ...WebhookOut.properties, secret: Type.String({ description: 'Khóa bí mật; chỉ trả về lần này.' }) });
