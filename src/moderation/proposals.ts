/**
 * Proposed facts: validated like a pack fact, stored as pending, approved or rejected by a
 * moderator. An approved proposal becomes a `Fact` the live engine adds at once.
 *
 *   const result = await propose(store, engine.pack, input, proposer, { tenant: 'slack:T1' });   // { ok, proposal } or { ok: false, problems }
 *   await approve(store, engine.pack, 'slack:T1', id, reviewer, { onApproved: (a) => addToEngine(engine, a) });
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Engine } from '../core/engine.js';
import type { CommunityMark } from '../core/model.js';
import type { LoadedDocument, Pack } from '../knowledge/load.js';
import { FactKind, FactSchema, PartialDate, type Fact } from '../knowledge/schema.js';
import { QuoteChecker } from '../knowledge/quotes.js';
import { normalizeForQuote, wordMatcher } from '../knowledge/text.js';
import { cleanText, defuseUrls, inContext, isWebUrl, quoteSpan, unbackedWords } from './smuggling.js';
import type { Actor, ProposalRecord, ProposalSource, Store } from '../store/index.js';

// Every text is cleaned first (smuggling.ts): what is stored, checked and said is what shows.
const oneLine = (max: number) =>
  z
    .string()
    .transform((s) => cleanText(s).replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max, `is at most ${max} characters`));
const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), oneLine(max).nullish());
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const ExistingSourceSchema = z.object({
  document: oneLine(120).pipe(z.string().min(1, 'names a document')),
  post: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
});
const NewSourceSchema = z.object({
  title: oneLine(200).pipe(z.string().min(1, 'is needed for a new document')),
  author: optionalText(120),
  date: z.preprocess(blankToUndefined, PartialDate.nullish()),
  url: z.preprocess(
    blankToUndefined,
    z.string().trim().refine(isWebUrl, 'must be a web address (http:// or https://)').nullish(),
  ),
});

/** What a proposer fills in, checked field by field. Strings are trimmed. */
export const ProposalInputSchema = z.object({
  statement: oneLine(500),
  /** Copied from the source; whitespace, quote marks and dashes may differ from the text. */
  quote: z.string().transform((s) => cleanText(s).trim()),
  topic: oneLine(80),
  /** report (default), opinion, proposal or forum_claim. */
  kind: z.preprocess(blankToUndefined, FactKind.default('report')),
  /** The date the fact is about: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: z.preprocess(blankToUndefined, PartialDate.optional()),
  source: z.unknown(),
});

type ParsedInput = Omit<z.output<typeof ProposalInputSchema>, 'source'> & { source: ProposalSource };

/**
 * One thing wrong with a proposal or a decision, and the field it is about: a proposal
 * field (statement, quote, topic, kind, date), source or source.<part>, reason, or
 * "proposal" for the proposal as a whole. Forms show it next to its field.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

/** "quote: not found word for word in …", as a problem reads in a list. */
export const problemText = (p: FieldProblem): string =>
  p.field === 'proposal' ? p.message : `${p.field}: ${p.message}`;

const problem = (field: string, message: string): FieldProblem => ({ field, message });

const issueProblem = (prefix: string, i: z.core.$ZodIssue): FieldProblem => {
  const field = [prefix, ...i.path.map(String)].filter(Boolean).join('.') || 'proposal';
  const message = i.message.replace(/^Invalid input: /, '');
  return problem(field, /received undefined$/.test(message) ? 'is missing' : message);
};

/** Each problem once, in the order first found. */
const distinct = (problems: FieldProblem[]): FieldProblem[] => [
  ...new Map(problems.map((p) => [problemText(p), p])).values(),
];

/** Parses the fields. A bad source is reported, and the other fields are still checked. */
function parseInput(raw: unknown): {
  input: ParsedInput | null;
  base: z.output<typeof ProposalInputSchema> | null;
  problems: FieldProblem[];
} {
  const base = ProposalInputSchema.safeParse(raw);
  if (!base.success) return { input: null, base: null, problems: base.error.issues.map((i) => issueProblem('', i)) };
  const src = base.data.source;
  const isExisting = typeof src === 'object' && src !== null && 'document' in src;
  const isNew = typeof src === 'object' && src !== null && 'title' in src;
  if (!isExisting && !isNew) {
    return {
      input: null,
      base: base.data,
      problems: [
        problem(
          'source',
          "give a document id from /sources (with the post number for a forum thread), or a new document's title, author, date and URL",
        ),
      ],
    };
  }
  const source = isExisting ? ExistingSourceSchema.safeParse(src) : NewSourceSchema.safeParse(src);
  if (!source.success)
    return { input: null, base: base.data, problems: source.error.issues.map((i) => issueProblem('source', i)) };
  return { input: { ...base.data, source: source.data }, base: base.data, problems: [] };
}

/** The fields of a proposal as an adapter's form gives them (`ProposalInputSchema` checks them). */
export interface ProposalInput {
  statement: string;
  quote: string;
  /** A topic id of the pack, e.g. "su-35". */
  topic: string;
  kind?: string;
  date?: string;
  /** `{ document, post? }` for a document of the pack; `{ title, author?, date?, url? }` for a new one. */
  source: ProposalSource | { document: string; post?: number | string };
}

/** The document a new-document proposal describes, shaped as the pack's documents are. */
export interface CommunityDocument extends LoadedDocument {
  community: true;
}

export type Validation =
  | { ok: true; fact: Fact; document: CommunityDocument | null; input: ParsedInput; notes: string[] }
  | { ok: false; problems: FieldProblem[] };

/** What approving yields: the fact for the engine, who approved it, and its new document if any. */
export interface ApprovedFact {
  fact: Fact;
  mark: CommunityMark;
  document: CommunityDocument | null;
  proposal: ProposalRecord;
}

export type Decision =
  | { ok: true; proposal: ProposalRecord; approved: ApprovedFact | null }
  | { ok: false; problems: FieldProblem[] };

/** A stable id for a new document: its title as a slug, and a short hash of title and URL. */
export function communityDocumentId(title: string, url?: string | null): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const hash = createHash('sha256')
    .update(`${title}\n${url ?? ''}`)
    .digest('hex')
    .slice(0, 6);
  return `community-${slug || 'doc'}-${hash}`;
}

/** The fact id of an approved proposal. */
export const communityFactId = (proposalId: number): string => `community-${proposalId}`;

function communityDocument(s: {
  title: string;
  author?: string | null;
  date?: string | null;
  url?: string | null;
}): CommunityDocument {
  return {
    id: communityDocumentId(s.title, s.url),
    title: s.title,
    author: s.author ?? null,
    publisher: null,
    date: s.date ?? null,
    kind: 'article',
    ...(s.url ? { url: s.url } : {}),
    reliability: 'Proposed by a community member and approved by a moderator; the full text is not in the pack.',
    // No text: the quote could not be checked against it, and later proposals citing it are not either.
    text: '',
    normalized: '',
    community: true,
  };
}

/**
 * Validates a proposal as the pack loader validates a fact: the fact's shape (quote at most
 * 300 characters), the denylist, a topic that exists, a document that exists, and where
 * the document's text is in the pack, a quote that stands verbatim in it (or in the post).
 */
export function validateProposal(pack: Pack, raw: ProposalInput | unknown): Validation {
  const parsed = parseInput(raw);
  const input = parsed.base;
  if (!input) return { ok: false, problems: parsed.problems };
  const problems = [...parsed.problems];
  const notes: string[] = [];
  const s = parsed.input?.source;
  let document: CommunityDocument | null = null;
  // With a bad source, a stand-in lets the other fields be checked all the same.
  let factSource: Fact['source'] = { document: 'unknown' };
  // Who the statement may name besides what the quote names: the source's author, publisher, title, poster.
  let known: (string | null | undefined)[] = [];

  if (!s) {
    // Already reported.
  } else if ('document' in s) {
    factSource = { document: s.document, ...(s.post !== undefined ? { post: s.post } : {}) };
    const doc = pack.documents.get(s.document);
    if (!doc) {
      problems.push(
        problem(
          'source',
          `there is no document "${s.document}" in the pack; give its id from /sources, or describe a new document (title, author, date, URL)`,
        ),
      );
    } else if (!doc.text) {
      notes.push(`the quote was not checked: the text of "${doc.title}" is not in the pack`);
    } else {
      const post = doc.posts?.find((x) => x.n === s.post);
      known = [doc.author, doc.publisher, doc.title, post?.poster, post?.author];
      const checker = new QuoteChecker();
      const quoted = checker.check(doc, s.post, input.quote);
      const span = quoted.ok ? quoteSpan(checker.textOf(doc, s.post)!, normalizeForQuote(input.quote)) : null;
      if (span && 'cuts' in span) {
        problems.push(
          problem('quote', `cuts the word “${span.cuts}” in the source; start and end the quote on whole words`),
        );
      } else if (quoted.ok || !input.quote) {
        // Verbatim, or no quote at all (reported with the fact's shape below).
      } else if (quoted.problem === 'post-needed') {
        problems.push(
          problem('source', `"${doc.id}" is a forum thread; give the number of the post quoted (1-${quoted.posts})`),
        );
      } else if (quoted.problem === 'no-posts') {
        problems.push(problem('source', `"${doc.id}" has no posts; leave the post number out`));
      } else {
        const where = s.post !== undefined ? `post ${s.post} of "${doc.title}"` : `"${doc.title}"`;
        problems.push(problem('quote', `not found word for word in ${where}; copy it exactly from the source`));
      }
    }
  } else {
    document = communityDocument(s);
    factSource = { document: document.id };
    known = [s.title, s.author];
    notes.push('the quote was not checked: the document is new and its text is not in the pack');
  }

  if (!pack.topics.has(input.topic)) {
    const known = [...pack.topics.keys()].slice(0, 8).join(', ');
    problems.push(problem('topic', `there is no topic "${input.topic}"; use a topic id such as ${known}`));
  }
  // Without a source there is no telling who the statement may name: the source's problem is told first.
  const unbacked = s
    ? unbackedWords(
        pack,
        input.statement,
        input.quote,
        known.filter((k): k is string => !!k),
      )
    : [];
  for (const word of unbacked) {
    problems.push(
      problem('statement', `“${word}” is not in the quote; the statement may say only what its quote says`),
    );
  }
  const denied = wordMatcher(pack.meta.denylist);
  if (denied?.test(input.statement)) problems.push(problem('statement', 'contains a term the pack never repeats'));
  if (denied?.test(input.quote)) problems.push(problem('quote', 'contains a term the pack never repeats'));
  if (
    pack.facts.some(
      (f) => f.source.document === factSource.document && normalizeForQuote(f.quote) === normalizeForQuote(input.quote),
    )
  ) {
    problems.push(problem('quote', 'the pack already has a fact with this quote from this source'));
  }

  const candidate = {
    id: communityFactId(0),
    // A link in what the bot says would be live on every platform; an unchecked quote may carry one too.
    statement: defuseUrls(input.statement),
    quote: document ? defuseUrls(input.quote) : input.quote,
    source: factSource,
    ...(input.date ? { date: input.date } : {}),
    kind: input.kind,
    topic: input.topic,
    tags: [],
  };
  const shape = FactSchema.safeParse(candidate);
  if (!shape.success) {
    for (const i of shape.error.issues) {
      const field = String(i.path[0] ?? 'fact');
      const message =
        i.code === 'too_small' && 'minimum' in i
          ? `is too short (at least ${String(i.minimum)} characters)`
          : i.message;
      if (!(field === 'topic' && problems.some((p) => p.field === 'topic'))) problems.push(problem(field, message));
    }
  }
  if (problems.length || !parsed.input) return { ok: false, problems: distinct(problems) };
  return {
    ok: true,
    fact: shape.data!,
    document,
    input: { ...parsed.input, statement: candidate.statement, quote: candidate.quote },
    notes,
  };
}

/**
 * The quote as it stands in its source, with the words around it («…»), so a reviewer can see
 * that it means what the statement says; null where the source's text is not in the pack.
 */
export function quoteInSource(pack: Pack, p: Pick<ProposalRecord, 'quote' | 'source'>): string | null {
  if (!('document' in p.source)) return null;
  const doc = pack.documents.get(p.source.document);
  const text = doc?.text ? new QuoteChecker().textOf(doc, p.source.post) : null;
  const quote = normalizeForQuote(p.quote);
  const span = text ? quoteSpan(text, quote) : null;
  return span && 'at' in span ? inContext(text!, span.at, quote) : null;
}

/** The input a stored proposal was made from, to validate it again at review. */
export function proposalInput(p: ProposalRecord): ProposalInput {
  return {
    statement: p.statement,
    quote: p.quote,
    topic: p.topic,
    kind: p.kind as Fact['kind'],
    date: p.date ?? undefined,
    source: p.source,
  };
}

/** The fact an approved proposal stands for, and its new document if it describes one. */
export function approvedFact(p: ProposalRecord): ApprovedFact {
  const s = p.source;
  const document = 'document' in s ? null : communityDocument(s);
  const fact: Fact = {
    id: communityFactId(p.id),
    statement: p.statement,
    quote: p.quote,
    source:
      'document' in s
        ? { document: s.document, ...(s.post !== undefined ? { post: s.post } : {}) }
        : { document: document!.id },
    ...(p.date ? { date: p.date } : {}),
    kind: p.kind as Fact['kind'],
    topic: p.topic,
    tags: [],
  };
  return {
    fact,
    mark: {
      approvedBy: p.reviewer ?? 'a moderator',
      approvedAt: p.reviewedAt ?? p.createdAt,
      ...(p.tenant !== null ? { tenant: p.tenant } : {}),
    },
    document,
    proposal: p,
  };
}

/**
 * Puts an approved fact into the live engine: its new document joins the pack's documents
 * (so citations name its title and author), then the fact joins the index, marked as
 * community-added.
 */
export function addToEngine(engine: Engine, a: Pick<ApprovedFact, 'fact' | 'mark' | 'document'>): void {
  if (a.document) engine.addDocument(a.document);
  engine.addCommunityFact(a.fact, a.mark);
}

/** Where a proposal is made: its community, and the key that makes a resubmission find the first. */
export interface ProposalPlace {
  tenant: string;
  idempotencyKey?: string | null;
}

/** Validates and stores a proposal as pending in its community; the same key again returns the saved one. */
export async function propose(
  store: Store,
  pack: Pack,
  raw: ProposalInput | unknown,
  proposer: Actor,
  place: ProposalPlace,
): Promise<{ ok: true; proposal: ProposalRecord; notes: string[] } | { ok: false; problems: FieldProblem[] }> {
  const v = validateProposal(pack, raw);
  if (!v.ok) return v;
  const { proposal } = await store.addProposal({
    tenant: place.tenant,
    idempotencyKey: place.idempotencyKey ?? null,
    statement: v.input.statement,
    quote: v.input.quote,
    topic: v.input.topic,
    kind: v.input.kind,
    date: v.input.date ?? null,
    source: v.input.source,
    proposer,
  });
  return { ok: true, proposal, notes: v.notes };
}

async function pendingProposal(store: Store, tenant: string, id: number): Promise<ProposalRecord | FieldProblem> {
  // Another community's proposal is not found: its id says nothing about it.
  const p = await store.getProposal(tenant, id);
  if (!p) return problem('proposal', `there is no proposal #${id}`);
  if (p.status !== 'pending') {
    return problem('proposal', `proposal #${id} was already ${p.status}${p.reviewer ? ` by ${p.reviewer}` : ''}`);
  }
  return p;
}

const decidedElsewhere = (id: number) => problem('proposal', `proposal #${id} was decided by someone else just now`);

/**
 * Approves a pending proposal after validating it again against the pack as it is now.
 * `onApproved` receives the fact at once, for this process's engine (`addToEngine`);
 * other processes learn of it through the store's change notification.
 */
export async function approve(
  store: Store,
  pack: Pack,
  tenant: string,
  id: number,
  reviewer: Actor,
  options: { reason?: string | null; onApproved?: (approved: ApprovedFact) => void } = {},
): Promise<Decision> {
  const p = await pendingProposal(store, tenant, id);
  if ('message' in p) return { ok: false, problems: [p] };
  const v = validateProposal(pack, proposalInput(p));
  if (!v.ok)
    return { ok: false, problems: v.problems.map((x) => ({ ...x, message: `no longer valid: ${x.message}` })) };
  const decided = await store.decideProposal(tenant, id, 'approved', reviewer, options.reason);
  if (!decided) return { ok: false, problems: [decidedElsewhere(id)] };
  const approved = approvedFact(decided);
  options.onApproved?.(approved);
  return { ok: true, proposal: decided, approved };
}

/** Rejects a pending proposal; a reason is required, so the proposer learns why. */
export async function reject(
  store: Store,
  tenant: string,
  id: number,
  reviewer: Actor,
  reason: string,
): Promise<Decision> {
  if (!reason?.trim()) return { ok: false, problems: [problem('reason', 'say why the proposal is rejected')] };
  const p = await pendingProposal(store, tenant, id);
  if ('message' in p) return { ok: false, problems: [p] };
  const decided = await store.decideProposal(tenant, id, 'rejected', reviewer, reason);
  if (!decided) return { ok: false, problems: [decidedElsewhere(id)] };
  return { ok: true, proposal: decided, approved: null };
}
