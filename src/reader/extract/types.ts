/** Shapes produced by the extraction core. Pure data, no behaviour. */

export interface DocumentMeta {
  kind: string | null;
  number: string | null;
  issuer: string | null;
  place: string | null;
  date: string | null;
  subject: string | null;
  meetingDate: string | null;
  chair: string | null;
  signer: string | null;
  signerTitle: string | null;
  signingForm: string | null;
  recipients: string[];
  /** whom a letter is addressed to ("Kính gửi:"), as printed */
  addressedTo: string[];
}

export interface Addressee {
  name: string;
  /** directory id when a directory resolved it */
  agencyId?: string;
  /** as printed in the source */
  raw: string;
}

export interface Recurrence {
  freq: 'weekly' | 'monthly' | 'quarterly' | 'yearly';
  /** day of the month, or for a weekly duty the ISO weekday (1 = Monday … 7 = Sunday) */
  day?: number;
  month?: number;
  text: string;
}

export interface ExtractedTask {
  ref: string;
  text: string;
  start: number;
  end: number;
  lead: string[];
  support: string[];
  leadAgencyIds: (string | null)[];
  due: string | null;
  dueText: string | null;
  recurrence: Recurrence | null;
  milestones: { date: string; text: string }[];
  reportTo: string | null;
  product: string | null;
  confidence: number;
  needsReview: string[];
}

/**
 * A paragraph of the directive part that reads like an instruction (an action verb, an
 * addressee) but belongs to no task: the review screen marks it "có thể bị bỏ sót".
 */
export interface MissedParagraph {
  text: string;
  start: number;
  end: number;
  /** the addressees the paragraph names, as printed: the lead of the task made from it */
  lead: string[];
}

export interface Extraction {
  document: DocumentMeta;
  tasks: ExtractedTask[];
  missed: MissedParagraph[];
}

export interface DirectoryIndex {
  resolve(name: string): { id: string; name: string } | null;
}

export interface ExtractOptions {
  directory?: DirectoryIndex;
  /** ISO date used when the document's own date is blank */
  documentDate?: string;
  /**
   * The calendar's working-day adder ("trong 5 ngày làm việc"), given per call so that the pure
   * core keeps no calendar of its own; the reader's entry point passes the province's calendar.
   */
  addWorkingDays?: (iso: string, n: number) => string;
}
