/**
 * An official report (Nghị định 30/2020/NĐ-CP) as plain data: the title, the subject, the body
 * as blocks (headings, paragraphs, tables) and the closing sentence. The .docx and the .pdf
 * renderers draw the same blocks, so both files always say the same thing.
 */
import type { Letterhead } from './letterhead';

export interface TableRowText {
  cells: string[];
  bold?: boolean;
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string; italic?: boolean; small?: boolean }
  | {
      kind: 'table';
      headers: string[];
      rows: TableRowText[];
      /** Relative column widths (any unit; scaled to the text width). */
      widths: number[];
      /** Columns aligned left (the others are centred). */
      leftCols: number[];
    };

export interface OfficialReport {
  letterhead: Letterhead;
  /** The signing date of the date line. */
  issuedOn: string;
  /** "BÁO CÁO". */
  title: string;
  subject: string;
  blocks: Block[];
  /** The last paragraph, kept on one page with the recipients and the signature. */
  closing: string;
  recipients: string[];
}

export const DEFAULT_RECIPIENTS = ['- Chủ tịch, các PCT UBND tỉnh (b/c);', '- Các sở, ban, ngành;', '- UBND các xã, phường;', '- Lưu: VT, TH.'];

/** The signer's name line: the configured name, or dots to be filled in by hand. */
export const signerNameText = (l: Letterhead) => l.signerName ?? '………………………';
