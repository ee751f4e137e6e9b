/**
 * Errors as RFC 9457 problem+json with a stable `code` and a Vietnamese `detail`. Validation
 * errors list the first 20 problems (not only the first), each with its field, and count them all.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors';
import { DATE_PATTERN_SOURCE } from '../shared/dates';
import { SEARCH_TEXT_PATTERN } from './schemas';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/**
 * Fields named as the forms label them, so that a person reads "Hạn đề nghị: phải là một ngày
 * hợp lệ", not "body.requestedDue sai định dạng (date)". Keyed by the property name; programs
 * still get the exact path in `errors[].field`.
 */
export const FIELD_LABELS: Record<string, string> = {
  text: 'Nội dung',
  percent: 'Tỷ lệ hoàn thành (%)',
  outlook: 'Dự báo',
  outlookReason: 'Lý do (nếu có nguy cơ chậm)',
  files: 'Tệp đính kèm',
  file: 'Tệp',
  note: 'Ghi chú',
  decision: 'Quyết định',
  requestedDue: 'Hạn đề nghị',
  reason: 'Lý do',
  due: 'Hạn',
  newDue: 'Hạn mới',
  dueFrom: 'Hạn từ ngày',
  dueTo: 'Hạn đến ngày',
  from: 'Từ ngày',
  to: 'Đến ngày',
  month: 'Tháng',
  months: 'Số tháng',
  agencyId: 'Cơ quan',
  groupId: 'Nhóm',
  leaderId: 'Lãnh đạo phụ trách',
  userId: 'Người dùng',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  displayName: 'Họ tên',
  email: 'Thư điện tử',
  role: 'Vai trò',
  channels: 'Kênh nhận thông báo',
  name: 'Tên',
  code: 'Mã',
  kind: 'Loại',
  number: 'Số hiệu',
  docDate: 'Ngày văn bản',
  subject: 'Trích yếu',
  signer: 'Người ký',
  meetingDate: 'Ngày họp',
  ref: 'Số mục',
  leads: 'Cơ quan chủ trì',
  supports: 'Cơ quan phối hợp',
  expectedResult: 'Sản phẩm',
  reportTo: 'Báo cáo về',
  dueText: 'Thời hạn (nguyên văn)',
  bucket: 'Tình trạng',
  state: 'Trạng thái',
  q: 'Từ khóa tìm kiếm',
  limit: 'Số dòng',
  url: 'Địa chỉ webhook',
  id: 'Mã',
};

const FORMAT_VI: Record<string, string> = {
  date: 'phải là một ngày hợp lệ (ngày/tháng/năm)',
  'date-time': 'phải là thời điểm hợp lệ',
  email: 'phải là địa chỉ thư điện tử hợp lệ',
  uuid: 'không phải mã hợp lệ',
  uri: 'phải là địa chỉ web hợp lệ (https://…)',
};
const TYPE_VI: Record<string, string> = {
  integer: 'phải là số nguyên',
  number: 'phải là số',
  string: 'phải là chữ',
  boolean: 'phải là có/không',
  array: 'phải là danh sách',
  object: 'phải là một bản ghi',
  null: 'phải để trống',
};

const labelOf = (prop: string) => FIELD_LABELS[prop] ?? prop;

const FIELD_MESSAGES: Record<string, (e: AjvError) => string> = {
  required: (e) => `"${labelOf(String(e.params.missingProperty))}" là bắt buộc`,
  additionalProperties: (e) => `trường "${e.params.additionalProperty}" không được hỗ trợ`,
  type: (e) => TYPE_VI[String(e.params.type)] ?? `phải có kiểu ${e.params.type}`,
  format: (e) => FORMAT_VI[String(e.params.format)] ?? 'sai định dạng',
  pattern: (e) =>
    e.params.pattern === DATE_PATTERN_SOURCE
      ? 'phải là ngày có thật, dạng YYYY-MM-DD, năm từ 1900 đến 2199'
      : e.params.pattern === SEARCH_TEXT_PATTERN
        ? 'không được chứa ký tự điều khiển'
        : 'sai định dạng',
  minLength: (e) => (e.params.limit === 1 ? 'không được để trống' : `phải có ít nhất ${e.params.limit} ký tự`),
  maxLength: (e) => `dài quá ${e.params.limit} ký tự`,
  minimum: (e) => `phải lớn hơn hoặc bằng ${e.params.limit}`,
  maximum: (e) => `phải nhỏ hơn hoặc bằng ${e.params.limit}`,
  enum: (e) => `phải là một trong: ${(e.params.allowedValues as unknown[]).join(', ')}`,
  const: (e) => `phải là ${String(e.params.allowedValue)}`,
  minItems: (e) => `cần ít nhất ${e.params.limit} mục`,
  maxItems: (e) => `nhiều nhất ${e.params.limit} mục`,
};

/** How many validation problems an answer lists (the rest are counted). */
export const MAX_LISTED = 20;

function describe(e: AjvError, context: string): { field: string; label: string | null; message: string } {
  const field = `${context}${e.instancePath.replace(/\//g, '.')}` || context;
  const msg = FIELD_MESSAGES[e.keyword]?.(e) ?? e.message ?? 'không hợp lệ';
  // The label of the nearest named property (items/3/due → "Hạn"); none for the body as a whole.
  const prop = e.instancePath.split('/').filter((p) => p && !/^\d+$/.test(p)).at(-1);
  return { field, label: prop ? labelOf(prop) : null, message: msg };
}

/** The SQLSTATE of a database error, whether the driver's error or drizzle's wrapper around it. */
function pgCodeOf(error: unknown): string | null {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return null;
}

export function problemHandler(
  error: FastifyError & { validation?: AjvError[]; validationContext?: string },
  request: FastifyRequest,
  reply: FastifyReply,
  limits: { uploadMaxMb?: number; bodyLimitMb?: number } = {},
) {
  let status = 500;
  let code = 'INTERNAL';
  let detail = 'Đã có lỗi trong hệ thống. Vui lòng thử lại sau.';
  let extra: Record<string, unknown> = {};
  if (error instanceof AppError) {
    status = error.status;
    code = error.code;
    detail = error.detail;
    extra = error.extra;
  } else if (error.validation) {
    // anyOf/oneOf wrappers repeat what their branches say
    const valid = error.validation.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
    // One problem per field: a date that is not a date fails both its format and the year-range
    // pattern, and the person filling the form needs to hear it once.
    const formatted = new Set(valid.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
    const all = valid.filter((e) => !(e.keyword === 'pattern' && formatted.has(e.instancePath)));
    // At most MAX_LISTED problems are described: a body with 90,000 unknown fields must not
    // get a 90,000-line answer. The count says how many there were.
    const errors = all.slice(0, MAX_LISTED).map((e) => describe(e, error.validationContext ?? 'body'));
    const more = all.length - errors.length;
    status = 400;
    code = 'VALIDATION';
    detail = `Dữ liệu không hợp lệ: ${errors.map((e) => (e.label ? `${e.label}: ${e.message}` : `${e.field} ${e.message}`)).join('; ')}${more > 0 ? `; và ${more} lỗi khác` : ''}.`;
    extra = { errors: errors.map((e) => (e.label ? e : { field: e.field, message: e.message })), errorCount: all.length };
  } else if (pgCodeOf(error) === '23505') {
    // A unique constraint: the same code, name or key already exists.
    status = 409;
    code = 'CONFLICT';
    detail = 'Đã có bản ghi trùng (mã hoặc tên này đã tồn tại).';
  } else if (pgCodeOf(error)?.startsWith('22')) {
    // A data exception (a NUL byte in text, a date PostgreSQL cannot hold, a malformed number):
    // the value came from the caller, so it is their 400, never a 500. Schemas and use cases
    // refuse these first; this is the net under them.
    status = 400;
    code = 'VALIDATION';
    detail = 'Dữ liệu không hợp lệ: có giá trị không được chấp nhận (ví dụ ký tự rỗng hoặc ngày không tồn tại).';
  } else if (pgCodeOf(error) === '23503') {
    status = 400;
    code = 'VALIDATION';
    detail = 'Dữ liệu tham chiếu đến một bản ghi không tồn tại (ví dụ: cơ quan hoặc người dùng đã bị xóa).';
  } else if (error.statusCode === 429) {
    status = 429;
    code = 'RATE_LIMITED';
    detail = 'Bạn đã thử quá nhiều lần. Vui lòng đợi một phút rồi thử lại.';
  } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    status = 413;
    code = 'FILE_TOO_LARGE';
    detail = `Dữ liệu gửi lên quá lớn: tối đa ${limits.bodyLimitMb ?? 2} MB mỗi yêu cầu JSON; tệp lớn hơn hãy gửi dạng multipart/form-data.`;
    extra = { maxBytes: (limits.bodyLimitMb ?? 2) * 1024 * 1024 };
  } else if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) {
    status = 413;
    code = 'FILE_TOO_LARGE';
    detail = limits.uploadMaxMb ? `Tệp quá lớn: mỗi tệp tối đa ${limits.uploadMaxMb} MB.` : 'Tệp quá lớn.';
    if (limits.uploadMaxMb) extra = { maxBytes: limits.uploadMaxMb * 1024 * 1024 };
  } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    status = error.statusCode;
    code = status === 404 ? 'NOT_FOUND' : status === 415 ? 'UNSUPPORTED_FILE' : 'VALIDATION';
    detail = status === 404 ? 'Không tìm thấy.' : status === 415 ? 'Định dạng nội dung không được hỗ trợ.' : `Yêu cầu không hợp lệ: ${error.message}`;
  }
  if (status >= 500) request.log.error({ err: error }, 'unhandled error');
  reply
    .status(status)
    .type('application/problem+json')
    .send({ type: `https://dondoc.vn/problems/${code.toLowerCase()}`, title: code, status, code, detail, instance: request.url, ...extra });
}
