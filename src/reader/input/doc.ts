/**
 * Legacy Word 97–2003 (.doc). No maintained JavaScript library that reads .doc is installed, so the
 * reader asks for a .docx instead. An OLE file may also be an encrypted .docx (Word wraps password
 * protected Office 2007+ files in OLE), which gets its own message.
 */
import { AppError } from '../../shared/errors.ts';
import { containsName } from './guards.ts';

export function decodeDoc(bytes: Uint8Array): never {
  if (containsName(bytes, 'EncryptedPackage') || containsName(bytes, 'EncryptionInfo')) {
    throw new AppError(
      'BAD_FILE',
      'Tệp Word được đặt mật khẩu (mã hóa) nên không đọc được. Vui lòng bỏ mật khẩu rồi tải lên lại.',
    );
  }
  if (containsName(bytes, 'WordDocument')) {
    throw new AppError(
      'UNSUPPORTED_FILE',
      'Tệp Word cũ (.doc, Word 97–2003) chưa được hỗ trợ. Vui lòng mở tệp bằng Word hoặc LibreOffice, chọn "Lưu thành" định dạng .docx rồi tải lên lại.',
      { format: 'doc' },
    );
  }
  throw new AppError(
    'UNSUPPORTED_FILE',
    'Tệp Office cũ (không phải văn bản Word) không được hỗ trợ. Hãy tải lên văn bản dạng .docx, .pdf hoặc .txt.',
  );
}
