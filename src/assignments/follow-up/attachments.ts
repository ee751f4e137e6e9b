import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { AppError } from '../../shared/errors';
import { attachments } from '../assignments.schema';
import { detectFileKind } from './file-kind';

export interface FileInput {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export const MAX_ATTACHMENT_MB = 10;
export const MAX_ATTACHMENT_BYTES = MAX_ATTACHMENT_MB * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

/**
 * Refuses what cannot be a useful attachment — too many, empty, too large, or not what its name
 * says — and returns the files with the MIME type their content shows (the client's is ignored).
 */
export async function checkFiles(files: FileInput[]): Promise<FileInput[]> {
  if (files.length > MAX_ATTACHMENTS) throw new AppError('VALIDATION', `Tối đa ${MAX_ATTACHMENTS} tệp đính kèm mỗi báo cáo.`, { field: 'files' });
  const checked: FileInput[] = [];
  for (const f of files) {
    if (!f.bytes.length) throw new AppError('VALIDATION', `Tệp "${f.name}" rỗng (0 byte): hãy chọn lại tệp có nội dung.`, { field: 'files' });
    if (f.bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new AppError('FILE_TOO_LARGE', `Tệp "${f.name}" quá lớn: mỗi tệp đính kèm tối đa ${MAX_ATTACHMENT_MB} MB.`, { field: 'files', maxBytes: MAX_ATTACHMENT_BYTES });
    }
    const kind = await detectFileKind(f.name, f.bytes);
    if (!kind.ok) throw new AppError('UNSUPPORTED_FILE', kind.reason, { field: 'files' });
    checked.push({ ...f, mime: kind.mime });
  }
  return checked;
}

/** Stores checked files with the report, or the contribution, they came with. */
export async function storeAttachments(
  tx: DbOrTx,
  actor: Actor,
  assignmentId: string,
  owner: { reportId: string } | { contributionId: string },
  files: FileInput[],
) {
  if (!files.length) return [];
  return tx
    .insert(attachments)
    .values(
      files.map((f) => ({
        assignmentId,
        reportId: 'reportId' in owner ? owner.reportId : null,
        contributionId: 'contributionId' in owner ? owner.contributionId : null,
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
