import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policy';
import { AppError } from '../shared/errors';
import { normalizeText } from '../shared/text';
import { recordEvent } from '../events/record-event';
import { loadDirectoryIndex } from '../directory/load-directory-index';
import { extractDirective, readDocument } from '../reader';
import { sharedReaderPool } from '../reader/read-pool';
import { FIELD } from '../shared/field-limits';
import { documents, directiveItems, type MissedParagraph } from './documents.schema';
import { resolveAddressees, reviewFlags, type ItemDraft } from './draft-items';
import { presentDocument } from './document-queries';

export interface DocumentMeta {
  kind?: string | null;
  number?: string | null;
  docDate?: string | null;
  issuer?: string | null;
  place?: string | null;
  subject?: string | null;
  signer?: string | null;
  signerTitle?: string | null;
  signingForm?: string | null;
  recipients?: string[];
  meetingDate?: string | null;
  chair?: string | null;
}

export interface CreateDocumentInput {
  text?: string;
  file?: { bytes: Uint8Array; name: string; mime?: string };
  meta?: DocumentMeta;
  /** Tasks given by the caller; when absent the reader extracts them from the text. */
  items?: ItemDraft[];
}

const FORMAT_MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  // Text may be in TCVN3/VNI/UTF-16: no charset is claimed for the original bytes.
  txt: 'text/plain',
};

type Extraction = Awaited<ReturnType<typeof readDocument>> | ReturnType<typeof extractDirective>;

/**
 * What the reader found is cut to each field's limit (field-limits.ts): a document whose subject
 * or task the reader took too long is still stored, with the whole text kept in `text`.
 */
function clip(v: string, max: number): string;
function clip(v: string | null | undefined, max: number): string | null;
function clip(v: string | null | undefined, max: number): string | null {
  if (v == null) return null;
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
}

function metaFrom(x: Extraction): DocumentMeta {
  const d = (x.document ?? {}) as unknown as Record<string, unknown>;
  const s = (k: string, max: number) => (typeof d[k] === 'string' && d[k] ? clip(d[k] as string, max) : null);
  return {
    kind: s('kind', FIELD.docLabel),
    number: s('number', FIELD.docLabel),
    docDate: s('date', 10),
    issuer: s('issuer', FIELD.name),
    place: s('place', FIELD.docLabel),
    subject: s('subject', FIELD.subject),
    signer: s('signer', FIELD.name),
    signerTitle: s('signerTitle', FIELD.docLabel),
    signingForm: s('signingForm', FIELD.docLabel),
    recipients: Array.isArray(d.recipients) ? (d.recipients as unknown[]).slice(0, FIELD.recipientsCount).map((r) => clip(String(r), FIELD.recipient)) : [],
    meetingDate: s('meetingDate', 10),
    chair: s('chair', FIELD.name),
  };
}

const names = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => clip(typeof x === 'string' ? x : String((x as { name?: string })?.name ?? ''), FIELD.name)).filter(Boolean) : [];

function itemsFrom(x: Extraction): ItemDraft[] {
  return (x.tasks as unknown as Record<string, unknown>[]).map((t) => ({
    ref: clip(t.ref as string | null, FIELD.ref),
    text: clip(String(t.text ?? ''), FIELD.itemText),
    startOffset: typeof t.start === 'number' ? t.start : null,
    endOffset: typeof t.end === 'number' ? t.end : null,
    leads: names(t.lead).map((name) => ({ name })),
    supports: names(t.support).map((name) => ({ name })),
    due: (t.due as string) ?? null,
    dueText: clip(t.dueText as string | null, FIELD.dueText),
    recurrence: clip(typeof t.recurrence === 'string' ? t.recurrence : t.recurrence ? JSON.stringify(t.recurrence) : null, FIELD.dueText),
    expectedResult: clip(t.product as string | null, FIELD.expectedResult),
    reportTo: clip(t.reportTo as string | null, FIELD.dueText),
    review: Array.isArray(t.needsReview) ? (t.needsReview as string[]) : [],
  }));
}

function missedFrom(x: Extraction): MissedParagraph[] {
  return (x.missed ?? []).map((m) => ({ start: m.start, end: m.end, text: m.text, lead: [...m.lead] }));
}

/** Stores a draft document with its items, extracted by the reader unless given. One transaction. */
export async function createDocument(db: Db, actor: Actor, input: CreateDocumentInput) {
  authorize(actor, 'manage_documents');
  let text: string;
  let extraction: Extraction | null = null;
  let fileMime: string | null = null;
  if (input.file) {
    // Off the request thread: a pathological file costs a reader thread, not the server.
    const read = await sharedReaderPool().read(input.file.bytes, input.file.name);
    extraction = read;
    text = read.text;
    // The type the content was read as, not the one the client claimed: served back as such.
    fileMime = FORMAT_MIME[read.format] ?? 'application/octet-stream';
  } else if (input.text && input.text.trim()) {
    text = normalizeText(input.text);
    if (!input.items) extraction = extractDirective(text);
  } else {
    throw new AppError('VALIDATION', 'Cần nội dung văn bản (text) hoặc tệp đính kèm (file).');
  }
  const meta = { ...(extraction ? metaFrom(extraction) : {}), ...stripUndefined(input.meta ?? {}) };
  const drafts = input.items ?? (extraction ? itemsFrom(extraction) : []);
  // What the reader may have missed only means something beside the tasks it found itself.
  const missed = !input.items && extraction ? missedFrom(extraction) : [];

  return db.transaction(async (tx) => {
    const index = await loadDirectoryIndex(tx);
    const [doc] = await tx
      .insert(documents)
      .values({
        ...meta,
        recipients: meta.recipients ?? [],
        text,
        fileName: clip(input.file?.name, FIELD.fileName),
        fileMime,
        fileData: input.file ? Buffer.from(input.file.bytes) : null,
        status: 'draft',
        missed,
        createdBy: actor.id,
      })
      .returning();
    const items = drafts.length
      ? await tx
          .insert(directiveItems)
          .values(
            drafts.map((d, position) => {
              const leads = resolveAddressees(d.leads, index);
              const supports = resolveAddressees(d.supports, index);
              return {
                documentId: doc.id,
                position,
                ref: d.ref ?? null,
                text: d.text,
                startOffset: d.startOffset ?? null,
                endOffset: d.endOffset ?? null,
                leads,
                supports,
                due: d.due ?? null,
                dueText: d.dueText ?? null,
                recurrence: d.recurrence ?? null,
                leaderId: d.leaderId ?? null,
                expectedResult: d.expectedResult ?? null,
                reportTo: d.reportTo ?? null,
                review: reviewFlags({ ...d, leads, supports }),
              };
            }),
          )
          .returning()
      : [];
    await recordEvent(tx, actor, {
      action: 'document.created',
      entity: 'document',
      entityId: doc.id,
      documentId: doc.id,
      after: { number: doc.number, subject: doc.subject, items: items.length },
    });
    return { document: presentDocument(doc, { withText: true }), items };
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
