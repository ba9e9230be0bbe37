/**
 * The forms (Discord modals, Slack modals) as platform-neutral specs, and reading what was
 * typed into them back into core inputs. Each platform renders a `FormSpec` its own way;
 * the fields, their limits and their meaning are decided here once.
 *
 *   const form = proposeForm(engine);                  // 5 fields, within both platforms' limits
 *   const { input, problems } = proposalFromForm(values, engine.pack);
 */
import type { Engine } from '../../../src/core/engine.js';
import type { Pack } from '../../../src/knowledge/load.js';
import { type FieldProblem, type ProposalInput, problemText } from '../../../src/moderation/proposals.js';
import { cutEnd } from '../cut.js';
import { encodeId } from './ids.js';
import { NOT_HELPFUL_REASON, REJECT_REASON } from './texts.js';

export interface FieldSpec {
  /** The field's id in the submitted values. */
  id: string;
  /** At most 45 characters (Discord). */
  label: string;
  /** A line under the label; at most 100 characters (Discord). */
  hint?: string;
  /** At most 100 characters (Discord). */
  placeholder?: string;
  multiline: boolean;
  required: boolean;
  maxLength: number;
}

export interface FormSpec {
  /** The form's id (custom_id / callback_id), from `encodeId`. */
  id: string;
  /** At most 24 characters (Slack). */
  title: string;
  /** At most 5 fields (Discord). */
  fields: FieldSpec[];
}

/** Slack's and Discord's smaller limits, which every form here keeps. */
export const FORM_LIMITS = { title: 24, fields: 5, label: 45, hint: 100, placeholder: 100 } as const;

export const PROPOSE_FIELDS = {
  statement: 'statement',
  quote: 'quote',
  topic: 'topic',
  document: 'document',
  newDocument: 'new_document',
} as const;
export const REASON_FIELD = 'reason';

/** "e.g. a, b, c, …": whole items only, within `max` characters. */
function examples(items: string[], max: number): string {
  let out = 'e.g.';
  for (const [i, item] of items.entries()) {
    const next = `${out}${i ? ',' : ''} ${item}`;
    if (next.length + (i < items.length - 1 ? 3 : 0) > max) return `${out}, …`;
    out = next;
  }
  return out;
}

/** The propose form: statement, verbatim quote, topic, and the source, known or new. */
export function proposeForm(engine: Engine): FormSpec {
  const topics = examples([...engine.pack.topics.keys()], FORM_LIMITS.placeholder);
  const example = engine.sources().find((s) => s.posts.length) ?? engine.sources()[0];
  const short = example ? example.document.split('_')[0]! : 'doc-id';
  // A statement as the pack's own sources would give one: a named author and a year.
  const dated = engine.sources().find((s) => s.author && s.date);
  const statement = dated
    ? `e.g. ${dated.author} wrote in ${dated.date!.slice(0, 4)} that …`
    : 'e.g. The author wrote that …';
  return {
    id: encodeId({ kind: 'propose' }),
    title: 'Propose a fact',
    fields: [
      {
        id: PROPOSE_FIELDS.statement,
        label: 'Statement',
        hint: 'One sentence for the bot to say, naming who said it',
        placeholder: cutEnd(statement, FORM_LIMITS.placeholder),
        multiline: true,
        required: true,
        maxLength: 500,
      },
      {
        id: PROPOSE_FIELDS.quote,
        label: 'Verbatim quote',
        hint: 'Copied word for word from the source, at most 300 characters',
        multiline: true,
        required: true,
        maxLength: 300,
      },
      {
        id: PROPOSE_FIELDS.topic,
        label: 'Topic, and kind if not a report',
        hint: 'A topic id, then opinion, proposal or forum claim if the fact is one',
        placeholder: topics,
        multiline: false,
        required: true,
        maxLength: 100,
      },
      {
        id: PROPOSE_FIELDS.document,
        label: 'Source: a document from /sources',
        hint: 'Its id, and for a forum thread the post number',
        placeholder: `e.g. ${short}, or ${short} post 5`,
        multiline: false,
        required: false,
        maxLength: 120,
      },
      {
        id: PROPOSE_FIELDS.newDocument,
        label: 'Or a new document',
        hint: 'One per line: title, author, date (YYYY-MM-DD), URL',
        placeholder: 'Title\nAuthor\n2024-05-01\nhttps://…',
        multiline: true,
        required: false,
        maxLength: 700,
      },
    ],
  };
}

/** A form asking for one line of reason: why an answer was not helpful (optional), why a proposal is rejected (required). */
function reasonOnly(id: string, texts: { title: string; label: string; hint: string }, required: boolean): FormSpec {
  const field = { id: REASON_FIELD, label: texts.label, hint: texts.hint, multiline: false, required, maxLength: 300 };
  return { id, title: texts.title, fields: [field] };
}

export const reasonForm = (record: number): FormSpec =>
  reasonOnly(encodeId({ kind: 'reason', record }), NOT_HELPFUL_REASON, false);

export const rejectForm = (proposal: number): FormSpec =>
  reasonOnly(
    encodeId({ kind: 'reject_reason', proposal }),
    { ...REJECT_REASON, title: REJECT_REASON.title(proposal) },
    true,
  );

export type FormValues = Record<string, string | null | undefined>;

const text = (v: string | null | undefined) => (v ?? '').trim();

/** A document id as typed: the full id, or the short id /sources shows (the part before "_"). */
function resolveDocument(pack: Pack, typed: string): string {
  if (pack.documents.has(typed)) return typed;
  const matches = [...pack.documents.keys()].filter((id) => id.startsWith(`${typed}_`));
  return matches.length === 1 ? matches[0]! : typed;
}

/** "004", "004 post 5", "004#5", "004, 5" → the document and the post. */
function existingSource(pack: Pack, typed: string): { document: string; post?: string } {
  const [id = '', post] = typed
    .replace(/[#,]/g, ' ')
    .split(/\s+/)
    .filter((t) => t && t.toLowerCase() !== 'post');
  return { document: resolveDocument(pack, id), ...(post !== undefined ? { post } : {}) };
}

/** One line each, in any order: lines that look like a URL or a date are those; the rest are title, then author. Labels ("author: …") are allowed. */
function newSource(typed: string): { title: string; author?: string; date?: string; url?: string } {
  const out: { title: string; author?: string; date?: string; url?: string } = { title: '' };
  const unlabelled: string[] = [];
  for (const line of typed
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^(title|author|date|url)\s*:\s*(.+)$/i.exec(line);
    if (m) out[m[1]!.toLowerCase() as 'title' | 'author' | 'date' | 'url'] = m[2]!.trim();
    else if (/^https?:\/\//i.test(line)) out.url = line;
    else if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(line)) out.date = line;
    else unlabelled.push(line);
  }
  if (!out.title && unlabelled.length) out.title = unlabelled.shift()!;
  if (!out.author && unlabelled.length) out.author = unlabelled.shift()!;
  return out;
}

/** The kinds a proposer may name after the topic, as they would say them. */
const KINDS: Record<string, string> = {
  report: 'report',
  opinion: 'opinion',
  proposal: 'proposal',
  'forum claim': 'forum_claim',
  claim: 'forum_claim',
};

/** "su-35" or "su-35 opinion" / "su-35, forum claim": the topic, and the kind when named. */
function topicAndKind(typed: string): { topic: string; kind?: string; problem?: FieldProblem } {
  const [topic = '', ...rest] = typed.split(/[\s,;]+/).filter(Boolean);
  const said = rest.join(' ').toLowerCase().replace(/_/g, ' ');
  if (!said) return { topic };
  const kind = KINDS[said];
  return kind
    ? { topic, kind }
    : {
        topic,
        problem: {
          field: 'kind',
          message: 'after the topic, write opinion, proposal or forum claim, or nothing for a report',
        },
      };
}

/** A forum member's claim or question is a forum claim, an opinion post or opinion piece an opinion; otherwise a report. */
function kindOf(pack: Pack, documentId: string, post: string | undefined): string | undefined {
  const doc = pack.documents.get(documentId);
  if (!doc) return undefined;
  const p = doc.posts?.find((x) => String(x.n) === post);
  const kind = p?.kind ?? doc.kind;
  if (kind === 'claim' || kind === 'question') return 'forum_claim';
  if (kind === 'opinion') return 'opinion';
  return doc.posts?.length && !p ? 'forum_claim' : undefined;
}

/**
 * What the propose form's fields mean as a `ProposalInput` (which the core then validates).
 * The fact's kind is what the proposer named after the topic, else what its source is (a
 * forum member's claim, an opinion piece), so the bot says it as such; the reviewer sees it. Problems that only
 * the form can see (a source given twice) come back as well.
 */
export function proposalFromForm(values: FormValues, pack: Pack): { input: ProposalInput; problems: FieldProblem[] } {
  const document = text(values[PROPOSE_FIELDS.document]);
  const described = text(values[PROPOSE_FIELDS.newDocument]);
  const problems: FieldProblem[] = [];
  if (document && described) {
    problems.push({ field: 'source', message: 'give either a document from /sources or a new document, not both' });
  }
  const existing = document ? existingSource(pack, document) : null;
  const source = existing ?? (described ? newSource(described) : {});
  const topic = topicAndKind(text(values[PROPOSE_FIELDS.topic]));
  if (topic.problem) problems.push(topic.problem);
  const kind = topic.kind ?? (existing ? kindOf(pack, existing.document, existing.post) : undefined);
  const input = {
    statement: text(values[PROPOSE_FIELDS.statement]),
    quote: text(values[PROPOSE_FIELDS.quote]),
    topic: topic.topic,
    ...(kind ? { kind } : {}),
    source,
  } as ProposalInput;
  return { input, problems };
}

/** Which field of the propose form a proposal's field is typed in, so a form can show a problem next to it. */
export function formFieldOf(field: string, usedNewDocument: boolean): string {
  if (field === 'statement' || field === 'quote' || field === 'topic') return field;
  if (field === 'kind') return PROPOSE_FIELDS.topic;
  if (field.startsWith('source.')) return PROPOSE_FIELDS.newDocument;
  if (field === 'source') return usedNewDocument ? PROPOSE_FIELDS.newDocument : PROPOSE_FIELDS.document;
  return PROPOSE_FIELDS.statement;
}

/** The problems as errors of the propose form: each under the field it was typed in, saying what it is about. */
export function formErrors(problems: FieldProblem[], values: FormValues): FieldProblem[] {
  const usedNew = !text(values[PROPOSE_FIELDS.document]) && Boolean(text(values[PROPOSE_FIELDS.newDocument]));
  return problems.map((p) => ({ field: formFieldOf(p.field, usedNew), message: problemText(p) }));
}
