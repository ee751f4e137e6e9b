/**
 * Uploads arrive either as multipart/form-data (browsers) or as JSON with base64 files (other
 * systems). This hook turns the first into the second, so one schema validates both.
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../shared/errors';
import { FIELD } from '../shared/field-limits';

export const FileJson = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 255 }), mime: Type.Optional(Type.String({ maxLength: FIELD.mime })), contentBase64: Type.String({ maxLength: 28 * 1024 * 1024 }) },
  { additionalProperties: false },
);
export interface FileJsonValue {
  name: string;
  mime?: string;
  contentBase64: string;
}

export async function multipartToJson(request: FastifyRequest): Promise<void> {
  return readMultipart(request);
}

/** The same hook with a tighter per-file limit than the server's, stated in the error message. */
export function multipartWithLimit(maxFileBytes: number) {
  return (request: FastifyRequest) => readMultipart(request, maxFileBytes);
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function readMultipart(request: FastifyRequest, maxFileBytes?: number): Promise<void> {
  if (!request.isMultipart()) return;
  const body: Record<string, unknown> = {};
  const files: FileJsonValue[] = [];
  for await (const part of request.parts(maxFileBytes ? { limits: { fileSize: maxFileBytes } } : undefined)) {
    if (part.type === 'file') {
      let buf: Buffer;
      try {
        buf = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' && maxFileBytes) {
          throw new AppError('FILE_TOO_LARGE', `Tệp "${part.filename}" quá lớn: mỗi tệp tối đa ${mb(maxFileBytes)} MB.`, { field: 'files', maxBytes: maxFileBytes });
        }
        throw e;
      }
      // A file input left empty sends a part with no name and no bytes: nothing was chosen. A named
      // empty file was chosen, and is passed on so that it is refused with a message, not dropped.
      if (buf.length || part.filename) files.push({ name: part.filename || 'tệp không tên', mime: part.mimetype, contentBase64: buf.toString('base64') });
    } else if (typeof part.value === 'string' && part.value !== '') {
      body[part.fieldname] = part.value;
    }
  }
  if (files.length) body.files = files;
  request.body = body;
}

export const fileBytes = (f: FileJsonValue) => ({ name: f.name, mime: f.mime ?? 'application/octet-stream', bytes: new Uint8Array(Buffer.from(f.contentBase64, 'base64')) });
