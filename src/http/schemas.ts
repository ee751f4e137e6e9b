/** Schema pieces shared by the routes. */
import { Type, type TSchema } from 'typebox';

export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Problem = Type.Object(
  { type: Type.String(), title: Type.String(), status: Type.Integer(), code: Type.String(), detail: Type.String() },
  { additionalProperties: true, description: 'RFC 9457 problem+json' },
);
/** Error answers documented in OpenAPI; the success body is documented by each route's description. */
export const errorResponses = { '2xx': Type.Any(), 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
