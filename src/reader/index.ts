/**
 * The document reader's public API: decode a file, then extract the directive's tasks.
 * The extraction core (./extract) is pure; this module only wires the decoder and the calendar.
 */
import { decodeDocument } from './input/index';
import { extract } from './extract/extract';
import { addWorkingDays } from '../calendar/index';
import type { DirectoryIndex, ExtractOptions, Extraction } from './extract/types';

export type { DirectoryIndex, ExtractOptions, Extraction, ExtractedTask, DocumentMeta, MissedParagraph, Recurrence } from './extract/types';

/** Working days count by the calendar (Civil Code rules, the province's holidays) unless given. */
const withCalendar = (opts: ExtractOptions): ExtractOptions => (opts.addWorkingDays ? opts : { ...opts, addWorkingDays });

export function extractDirective(text: string, opts: ExtractOptions = {}): Extraction {
  return extract(text, withCalendar(opts));
}

export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  opts: ExtractOptions = {},
): Promise<Extraction & { text: string; format: string }> {
  const decoded = await decodeDocument(bytes, fileName);
  const result = extract(decoded.text, withCalendar(opts));
  return { ...result, text: decoded.text, format: decoded.format };
}

export type { DirectoryIndex as ReaderDirectory };
