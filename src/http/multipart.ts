/**
 * Uploads arrive either as multipart/form-data (browsers) or as JSON with base64 files (other
 * systems). This hook turns the first into the second, so one schema validates both.
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';

export const FileJson = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 255 }), mime: Type.Optional(Type.String()), contentBase64: Type.String() },
  { additionalProperties: false },
);
export interface FileJsonValue {
  name: string;
  mime?: string;
  contentBase64: string;
}

export async function multipartToJson(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const body: Record<string, unknown> = {};
  const files: FileJsonValue[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const buf = await part.toBuffer();
      if (buf.length) files.push({ name: part.filename, mime: part.mimetype, contentBase64: buf.toString('base64') });
    } else if (typeof part.value === 'string' && part.value !== '') {
      body[part.fieldname] = part.value;
    }
  }
  if (files.length) body.files = files;
  request.body = body;
}

export const fileBytes = (f: FileJsonValue) => ({ name: f.name, mime: f.mime ?? 'application/octet-stream', bytes: new Uint8Array(Buffer.from(f.contentBase64, 'base64')) });
