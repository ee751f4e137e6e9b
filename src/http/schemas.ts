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
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Problem = Type.Object(
  { type: Type.String(), title: Type.String(), status: Type.Integer(), code: Type.String(), detail: Type.String() },
  { additionalProperties: true, description: 'RFC 9457 problem+json' },
);
/** Error answers documented in OpenAPI; the success body is documented by each route's description. */
export const errorResponses = { '2xx': Type.Any(), 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
