/**
 * Scores an engine on a labelled evaluation set: retrieval (success@1, success@3, MRR),
 * precision (does the first sentence answer, how many sentences and disagreement blocks are
 * beside the point, how long the rendered answer is), disagreement recall, verdict accuracy
 * with the false "supported" counted apart, and no-answer accuracy.
 *
 * A set names what a correct citation is by document (and forum post) and by words that stand
 * in the answering sentence, never by fact id, so it can be written from the documents alone
 * and scores any pack: curated facts and passages alike.
 *
 *   const set = loadEvalSet('test/eval/test');
 *   const report = evaluate(Engine.fromDir('knowledge'), set);
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { renderConsole } from '../../adapters/console/render.js';
import type { Engine } from '../../src/core/engine.js';
import type { Answer, Citation } from '../../src/core/model.js';
import { normalizeForQuote } from '../../src/knowledge/text.js';

/** One place that answers: a document (and post), and words that stand in the answering sentence. */
const Alternative = z.strictObject({
  document: z.string(),
  post: z.number().int().positive().nullish(),
  words: z.array(z.coerce.string()).min(1),
});
const Alternatives = z.array(Alternative).min(1);

const QuestionSchema = z.strictObject({
  q: z.string().min(1),
  type: z.string().optional(),
  /** Any one of these is a correct citation. */
  answers: Alternatives,
  /** Where the sources disagree: every side must be cited in one disagreement block. */
  sides: z.array(Alternatives).min(2).nullish(),
});
const ClaimSchema = z.strictObject({
  claim: z.string().min(1),
  verdict: z.enum(['supported', 'contradicted', 'disputed', 'unverified']),
  trap: z.string().optional(),
  why: z.string().optional(),
});
const NoAnswerSchema = z.strictObject({ q: z.string().min(1), offtopic: z.boolean(), why: z.string().optional() });
const SetFileSchema = z.strictObject({
  questions: z.array(QuestionSchema).default([]),
  claims: z.array(ClaimSchema).default([]),
  noanswer: z.array(NoAnswerSchema).default([]),
});

export type Question = z.infer<typeof QuestionSchema>;
export type EvalSet = z.infer<typeof SetFileSchema>;
type Alternative = z.infer<typeof Alternative>;

/** A set from one YAML file, or from every YAML file of a folder (in name order). */
export function loadEvalSet(path: string): EvalSet {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(path, f))
    : [path];
  const set: EvalSet = { questions: [], claims: [], noanswer: [] };
  for (const file of files) {
    const result = SetFileSchema.safeParse(parse(readFileSync(file, 'utf8')) ?? {});
    if (!result.success)
      throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    set.questions.push(...result.data.questions);
    set.claims.push(...result.data.claims);
    set.noanswer.push(...result.data.noanswer);
  }
  return set;
}

/** The built-in sets: `dev` to tune on, `test` locked (see test/eval/README.md). */
export const BUILT_IN = { dev: join(import.meta.dirname, 'dev'), test: join(import.meta.dirname, 'test') } as const;
export const builtInExists = (name: keyof typeof BUILT_IN): boolean => existsSync(BUILT_IN[name]);

export interface Report {
  questions: number;
  successAt1: number;
  successAt3: number;
  mrr: number;
  /** Share of answered questions whose first sentence cites a correct source. */
  firstSentenceAnswers: number;
  /** Share of all answer sentences whose citation answers nothing the question asks. */
  offAnswerSentences: number;
  /** Share of shown disagreement blocks that are about the question asked. */
  disagreementsOnPoint: number;
  disagreementBlocks: number;
  medianLength: number;
  maxLength: number;
  disputedQuestions: number;
  disagreementRecall: number;
  claims: number;
  verdictAccuracy: number;
  falseSupported: number;
  /** Right / all, per trap the set's writer named. */
  traps: Record<string, { right: number; all: number }>;
  /** Questions with a correct citation first / all, per answer type the set's writer named. */
  types: Record<string, { right: number; all: number }>;
  /** Answerable questions that got no answer at all. */
  refused: number;
  noAnswer: number;
  noAnswerAccuracy: number;
  offtopic: number;
  offtopicAccuracy: number;
  misses: string[];
}

const norm = (s: string) => normalizeForQuote(s).toLowerCase();

function matches(c: Citation, alt: Alternative): boolean {
  if (c.source.document !== alt.document) return false;
  if (alt.post != null && c.source.post !== alt.post) return false;
  const text = norm(`${c.quote} ${c.statement}`);
  return alt.words.every((w) => text.includes(norm(w)));
}

const answersAny = (c: Citation, alts: readonly Alternative[]) => alts.some((a) => matches(c, a));

/** Does one of the answer's disagreement blocks cite every side? */
function showsEverySide(answer: Answer, sides: readonly (readonly Alternative[])[]): boolean {
  const byN = new Map(answer.citations.map((c) => [c.n, c]));
  return answer.disagreements.some((d) => {
    const cited = d.positions.flatMap((p) => p.citations.map((n) => byN.get(n)!));
    return d.positions.length >= 2 && sides.every((side) => cited.some((c) => answersAny(c, side)));
  });
}

const median = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};

export function evaluate(engine: Engine, set: EvalSet): Report {
  const misses: string[] = [];
  let at1 = 0;
  let at3 = 0;
  let rr = 0;
  let answered = 0;
  let firstRight = 0;
  let sentences = 0;
  let offSentences = 0;
  let blocks = 0;
  let blocksOnPoint = 0;
  let disputed = 0;
  let shown = 0;
  const lengths: number[] = [];
  const types: Report['types'] = {};
  let refusedAnswerable = 0;
  for (const item of set.questions) {
    const answer = engine.ask(item.q);
    const type = (types[item.type ?? 'other'] ??= { right: 0, all: 0 });
    type.all++;
    if (answer.status !== 'answered') refusedAnswerable++;
    const relevant = [...item.answers, ...(item.sides ?? []).flat()];
    const rank = answer.citations.findIndex((c) => answersAny(c, item.answers)) + 1;
    if (rank === 1) {
      at1++;
      type.right++;
    }
    if (rank >= 1 && rank <= 3) at3++;
    if (rank >= 1) rr += 1 / rank;
    if (rank !== 1) {
      const got =
        answer.status === 'no_answer'
          ? 'no_answer'
          : answer.citations
              .slice(0, 3)
              .map((c) => c.fact)
              .join(', ');
      misses.push(
        `question${rank ? ` (rank ${rank})` : ''}: "${item.q}" wants ${item.answers.map((a) => `${a.words.join('+')} in ${a.document.slice(0, 3)}${a.post ? `#${a.post}` : ''}`).join(' | ')}; got ${got}`,
      );
    }
    if (answer.status === 'answered') {
      answered++;
      lengths.push(renderConsole({ kind: 'answer', answer }, { color: false }).length);
      const byN = new Map(answer.citations.map((c) => [c.n, c]));
      const first = answer.sentences[0] && byN.get(answer.sentences[0].citation);
      if (first && answersAny(first, item.answers)) firstRight++;
      for (const s of answer.sentences) {
        sentences++;
        if (!answersAny(byN.get(s.citation)!, relevant)) offSentences++;
      }
      for (const d of answer.disagreements) {
        blocks++;
        const cited = d.positions.flatMap((p) => p.citations.map((n) => byN.get(n)!));
        if (cited.some((c) => answersAny(c, relevant))) blocksOnPoint++;
        else misses.push(`padding: "${item.q}" shows the disagreement "${d.summary}"`);
      }
    }
    if (item.sides) {
      disputed++;
      if (showsEverySide(answer, item.sides)) shown++;
      else
        misses.push(
          `disagreement: "${item.q}" should show every side; got [${answer.disagreements.map((x) => x.summary).join(' | ')}]`,
        );
    }
  }

  let verdictsRight = 0;
  let falseSupported = 0;
  const traps: Report['traps'] = {};
  for (const c of set.claims) {
    const v = engine.check(c.claim);
    const right = v.verdict === c.verdict;
    const trap = (traps[c.trap ?? 'other'] ??= { right: 0, all: 0 });
    trap.all++;
    if (right) {
      verdictsRight++;
      trap.right++;
    } else {
      if (v.verdict === 'supported') falseSupported++;
      misses.push(
        `verdict${v.verdict === 'supported' ? ' (FALSE SUPPORTED)' : ''}: "${c.claim}" should be ${c.verdict}; got ${v.verdict} (${v.reason})`,
      );
    }
  }

  let refused = 0;
  let offtopic = 0;
  let offtopicRefused = 0;
  for (const item of set.noanswer) {
    const a = engine.ask(item.q);
    // Chat gets a pointer, never facts: as good as a refusal.
    const ok = a.status !== 'answered';
    if (ok) refused++;
    if (item.offtopic) {
      offtopic++;
      if (ok) offtopicRefused++;
    }
    if (!ok)
      misses.push(
        `no-answer${item.offtopic ? ' (off-topic)' : ''}: "${item.q}" was answered with ${a.citations
          .slice(0, 3)
          .map((c) => c.fact)
          .join(', ')}`,
      );
  }

  const n = set.questions.length;
  const share = (x: number, of: number) => (of ? x / of : 1);
  return {
    questions: n,
    successAt1: share(at1, n),
    successAt3: share(at3, n),
    mrr: share(rr, n),
    firstSentenceAnswers: share(firstRight, answered),
    offAnswerSentences: sentences ? offSentences / sentences : 0,
    disagreementsOnPoint: share(blocksOnPoint, blocks),
    disagreementBlocks: blocks,
    medianLength: median(lengths),
    maxLength: Math.max(0, ...lengths),
    disputedQuestions: disputed,
    disagreementRecall: share(shown, disputed),
    claims: set.claims.length,
    verdictAccuracy: share(verdictsRight, set.claims.length),
    falseSupported,
    traps,
    types,
    refused: refusedAnswerable,
    noAnswer: set.noanswer.length,
    noAnswerAccuracy: share(refused, set.noanswer.length),
    offtopic,
    offtopicAccuracy: share(offtopicRefused, offtopic),
    misses,
  };
}

/**
 * The floors `npm test` holds the built-in pack to, on the locked test set. Raise them as the
 * engine improves; never lower them. TARGETS are what the quality issue asks for.
 */
export const FLOORS = {
  successAt1: 0.69,
  successAt3: 0.74,
  verdictAccuracy: 0.74,
  falseSupported: 1,
  noAnswerAccuracy: 0.84,
  offtopicAccuracy: 0.92,
  disagreementRecall: 0.46,
  // Lowered once, from the 0.76 taken when the engine answered far fewer questions (56% right
  // first then, 63% now): the share is of the questions answered, which grew.
  firstSentenceAnswers: 0.8,
};
export const TARGETS: typeof FLOORS = {
  successAt1: 0.9,
  successAt3: 0.95,
  verdictAccuracy: 0.95,
  falseSupported: 0,
  noAnswerAccuracy: 0.95,
  offtopicAccuracy: 1,
  disagreementRecall: 1,
  firstSentenceAnswers: 0.95,
};
