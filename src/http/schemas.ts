/** Schema pieces shared by the routes. */
import { Type, type TSchema } from 'typebox';
import { DATE_PATTERN_SOURCE } from '../shared/dates';

/** A date from 1900 to 2199: the format checks the day exists, the pattern the year's range. */
export const IsoDate = Type.String({ format: 'date', pattern: DATE_PATTERN_SOURCE, description: 'YYYY-MM-DD (năm 1900–2199)' });
/** Free text typed in a search box: no control characters (PostgreSQL refuses a NUL byte). */
export const SEARCH_TEXT_PATTERN = '^[^\\u0000-\\u001f]*$';
export const SearchText = (maxLength = 200, description?: string) => Type.String({ maxLength, pattern: SEARCH_TEXT_PATTERN, ...(description ? { description } : {}) });
export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
/** One of a list of strings (typed as that union, which a Union of mapped Literals is not). */
export const StringEnum = <T extends string>(values: readonly T[], opts: { description?: string } = {}) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...opts });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Problem = Type.Object(
  { type: Type.String(), title: Type.String(), status: Type.Integer(), code: Type.String(), detail: Type.String() },
  { additionalProperties: true, description: 'RFC 9457 problem+json' },
);
/** A moment, sent as ISO 8601: the serializer turns the Date a row carries into that string. */
export const Timestamp = Type.Unsafe<string | Date>({ type: 'string', format: 'date-time' });
export const Ok = Type.Object({ ok: Type.Literal(true) });
/** Error answers documented in OpenAPI. */
export const problemResponses = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
/**
 * A route's answers: its success body (serialized by this schema, so a field missing from it is
 * not sent) and the errors. `status` is the success code (201 for creations).
 */
export const responses = <T extends TSchema, S extends 200 | 201 = 200>(body: T, status: S = 200 as S) =>
  ({ [status]: body, ...problemResponses }) as { [K in S]: T } & typeof problemResponses;
/** Success with no body (204). */
export const noContent = { 204: Type.Null({ description: 'Không có nội dung' }), ...problemResponses };
