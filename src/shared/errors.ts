/**
 * The one error type of dondoc. `code` is stable for programs; `detail` is Vietnamese for people.
 * The HTTP adapter turns it into an RFC 9457 problem+json answer.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'EXTENSION_LIMIT'
  | 'EXTENSION_WINDOW_CLOSED'
  | 'RATE_LIMITED'
  | 'UNSUPPORTED_FILE'
  | 'BAD_FILE'
  | 'FILE_TOO_LARGE'
  | 'TOO_MANY_PARAGRAPHS'
  | 'READ_TIMEOUT'
  | 'READ_OUT_OF_MEMORY'
  | 'READER_BUSY'
  | 'DATA_DIR_LOCKED'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  EXTENSION_LIMIT: 409,
  EXTENSION_WINDOW_CLOSED: 409,
  RATE_LIMITED: 429,
  UNSUPPORTED_FILE: 415,
  BAD_FILE: 422,
  FILE_TOO_LARGE: 413,
  TOO_MANY_PARAGRAPHS: 413,
  READ_TIMEOUT: 422,
  READ_OUT_OF_MEMORY: 422,
  READER_BUSY: 503,
  DATA_DIR_LOCKED: 503,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${code}: ${detail}`);
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `Không tìm thấy ${what}.`);
export const forbidden = (detail = 'Bạn không có quyền thực hiện thao tác này.') => new AppError('FORBIDDEN', detail);
