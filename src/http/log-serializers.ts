/**
 * What an error may write to the log. Database errors from drizzle carry the SQL *and its
 * parameter values* (a password hash, a person's text, a token hash); driver errors may carry a
 * connection URL with its password; a failed request may echo a cookie or a bearer token. The
 * log keeps the kind of error, its SQLSTATE and where it happened — enough to find the bug —
 * and never those values.
 */
const MAX_DEPTH = 3;

/** Masks secrets that may appear in any text: URL passwords, API tokens, cookies, bearer tokens. */
export function maskSecrets(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]*@/gi, '$1***@')
    .replace(/\bddk_[A-Za-z0-9_-]+/g, 'ddk_***')
    .replace(/\b(bearer\s+)[^\s,;]+/gi, '$1***')
    .replace(/\b(dondoc_session=)[^;\s]+/g, '$1***')
    .replace(/\b(password|passwd|pwd|token|secret)(["']?\s*[:=]\s*["']?)[^"'\s,&;}]+/gi, '$1$2***');
}

/** A drizzle "Failed query: … params: …" message, without the parameter values. */
function withoutParams(message: string): string {
  return message.replace(/\n?params:[\s\S]*$/, '\nparams: [không ghi vào nhật ký]');
}

export interface SafeError {
  type: string;
  message: string;
  code?: string;
  statusCode?: number;
  stack: string;
  cause?: SafeError;
}

export function safeErrorSerializer(err: unknown, depth = 0): SafeError {
  if (!(err instanceof Error)) return { type: typeof err, message: maskSecrets(withoutParams(String(err))), stack: '' };
  const e = err as Error & { code?: unknown; statusCode?: unknown };
  // Only the frames: the first line of a stack repeats the message (with the parameters).
  const stack = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).join('\n');
  const out: SafeError = { type: e.constructor?.name ?? 'Error', message: maskSecrets(withoutParams(e.message)), stack };
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  if (e.cause !== undefined && depth < MAX_DEPTH) out.cause = safeErrorSerializer(e.cause, depth + 1);
  return out;
}
