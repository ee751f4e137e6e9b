/**
 * The longest value of every text field, in characters. One list for the three places that
 * enforce it: the request schemas (a clear 400), the web forms (`maxLength`, so nobody types past
 * it), and the database's CHECK constraints (migration 0011), which hold even for a code path that
 * forgets. Limits are generous for real documents and tight enough that no field can carry
 * megabytes into lists, events and exports.
 *
 * Pure data: the web app imports it too.
 */
export const FIELD = {
  /** agency, group and indicator codes (room for QCVN 102:2016 identifiers) */
  code: 64,
  username: 64,
  /** a password as typed (the same ceiling as PASSWORD_MAX, which sign-in accepts too) */
  password: 200,
  /** a person's or an agency's name, an alias, a group name */
  name: 300,
  /** how a user is shown (also copied into every event they cause) */
  displayName: 200,
  shortName: 100,
  email: 254,
  /** sectors a leader oversees */
  sectors: 1_000,
  /** a document's number, kind, signing form */
  docLabel: 200,
  /** a document's subject (trích yếu) */
  subject: 2_000,
  recipient: 300,
  recipientsCount: 500,
  fileName: 255,
  mime: 255,
  /** a task's reference (1., 2.a, II.3) */
  ref: 60,
  /** a task's text as the office edits it */
  itemText: 20_000,
  /** a deadline as written, a recurrence, to whom results are reported */
  dueText: 500,
  expectedResult: 5_000,
  /** reasons, notes, review notes, decision notes */
  note: 5_000,
  /** a progress or completion report */
  reportText: 20_000,
  /** the whole text of a document (the reader's own ceiling) */
  documentText: 5_000_000,
  url: 2_000,
  tokenName: 200,
  indicatorUnit: 60,
  indicatorPeriod: 16,
  /** a sentence quoted from a notice (indicator proposals and values) */
  sourceText: 5_000,
} as const;

/** Longest event payload (`before` or `after`), as JSON. Longer strings inside are clipped first. */
export const EVENT_PAYLOAD_MAX_BYTES = 64 * 1024;
/** Longest string kept inside an event payload. */
export const EVENT_STRING_MAX = 2_000;
