import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { AppError } from '../../shared/errors';
import { attachments } from '../assignments.schema';

export interface FileInput {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export function checkFiles(files: FileInput[]): void {
  if (files.length > MAX_ATTACHMENTS) throw new AppError('VALIDATION', `Tối đa ${MAX_ATTACHMENTS} tệp đính kèm mỗi báo cáo.`);
  for (const f of files) {
    if (!f.bytes.length) throw new AppError('VALIDATION', `Tệp "${f.name}" rỗng.`);
    if (f.bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('FILE_TOO_LARGE', `Tệp "${f.name}" vượt quá 10 MB.`);
  }
}

export async function storeAttachments(tx: DbOrTx, actor: Actor, assignmentId: string, reportId: string, files: FileInput[]) {
  if (!files.length) return [];
  return tx
    .insert(attachments)
    .values(
      files.map((f) => ({
        assignmentId,
        reportId,
        fileName: f.name.slice(0, 200),
        mime: f.mime || 'application/octet-stream',
        size: f.bytes.length,
        sha256: createHash('sha256').update(f.bytes).digest('hex'),
        data: Buffer.from(f.bytes),
        createdBy: actor.id,
      })),
    )
    .returning({ id: attachments.id, fileName: attachments.fileName, size: attachments.size, mime: attachments.mime });
}
