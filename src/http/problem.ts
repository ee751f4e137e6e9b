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

const FIELD_MESSAGES: Record<string, (e: AjvError) => string> = {
  required: (e) => `thiếu trường bắt buộc "${e.params.missingProperty}"`,
  additionalProperties: (e) => `trường "${e.params.additionalProperty}" không được hỗ trợ`,
  type: (e) => `phải có kiểu ${e.params.type}`,
  format: (e) => `sai định dạng (${e.params.format})`,
  pattern: (e) =>
    e.params.pattern === DATE_PATTERN_SOURCE
      ? 'phải là ngày có thật, dạng YYYY-MM-DD, năm từ 1900 đến 2199'
      : e.params.pattern === SEARCH_TEXT_PATTERN
        ? 'không được chứa ký tự điều khiển'
        : 'sai định dạng',
  minLength: (e) => `phải có ít nhất ${e.params.limit} ký tự`,
  maxLength: (e) => `dài quá ${e.params.limit} ký tự`,
  minimum: (e) => `phải lớn hơn hoặc bằng ${e.params.limit}`,
  maximum: (e) => `phải nhỏ hơn hoặc bằng ${e.params.limit}`,
  enum: (e) => `phải là một trong: ${(e.params.allowedValues as unknown[]).join(', ')}`,
  minItems: (e) => `cần ít nhất ${e.params.limit} phần tử`,
  maxItems: (e) => `nhiều nhất ${e.params.limit} phần tử`,
};

/** How many validation problems an answer lists (the rest are counted). */
export const MAX_LISTED = 20;

function describe(e: AjvError, context: string): { field: string; message: string } {
  const field = `${context}${e.instancePath.replace(/\//g, '.')}` || context;
  const msg = FIELD_MESSAGES[e.keyword]?.(e) ?? e.message ?? 'không hợp lệ';
  return { field, message: msg };
}

/** The SQLSTATE of a database error, whether the driver's error or drizzle's wrapper around it. */
function pgCodeOf(error: unknown): string | null {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return null;
}

export function problemHandler(error: FastifyError & { validation?: AjvError[]; validationContext?: string }, request: FastifyRequest, reply: FastifyReply) {
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
    const all = error.validation.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
    // At most MAX_LISTED problems are described: a body with 90,000 unknown fields must not
    // get a 90,000-line answer. The count says how many there were.
    const errors = all.slice(0, MAX_LISTED).map((e) => describe(e, error.validationContext ?? 'body'));
    const more = all.length - errors.length;
    status = 400;
    code = 'VALIDATION';
    detail = `Dữ liệu không hợp lệ: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}${more > 0 ? `; và ${more} lỗi khác` : ''}.`;
    extra = { errors, errorCount: all.length };
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
  } else if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) {
    status = 413;
    code = 'FILE_TOO_LARGE';
    detail = 'Tệp quá lớn.';
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
