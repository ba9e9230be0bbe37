/**
 * Scores the engine on the labelled evaluation set in this folder: retrieval
 * (success@1, success@3, MRR), disagreement recall, verdict accuracy and no-answer accuracy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Engine } from '../../src/core/engine.js';
import type { Citation } from '../../src/core/model.js';
import { normalizeForQuote } from '../../src/knowledge/text.js';

const QuestionSchema = z.object({
  q: z.string(),
  expect: z.object({ documents: z.array(z.string()).min(1), words: z.array(z.coerce.string()).min(1) }),
  disputed: z.string().nullable().optional(),
});
const ClaimSchema = z.object({ claim: z.string(), verdict: z.enum(['supported', 'contradicted', 'disputed', 'unverified']), why: z.string().optional() });

const load = <T>(file: string, key: string, schema: z.ZodType<T>): T[] =>
  z.object({ [key]: z.array(schema) }).parse(parse(readFileSync(join(import.meta.dirname, file), 'utf8')))[key] as T[];

export const evalSet = () => ({
  questions: load('questions.yaml', 'questions', QuestionSchema),
  claims: load('claims.yaml', 'claims', ClaimSchema),
  offtopic: load('offtopic.yaml', 'offtopic', z.string()),
});

export interface Report {
  questions: number;
  successAt1: number;
  successAt3: number;
  mrr: number;
  disagreementRecall: number;
  disputedQuestions: number;
  verdictAccuracy: number;
  claims: number;
  noAnswerAccuracy: number;
  offtopic: number;
  misses: string[];
}

const norm = (s: string) => normalizeForQuote(s).toLowerCase();

function correct(c: Citation, expected: { documents: string[]; words: string[] }): boolean {
  const text = norm(`${c.quote} ${c.statement}`);
  return expected.documents.includes(c.source.document) && expected.words.every((w) => text.includes(norm(w)));
}

export function evaluate(engine: Engine): Report {
  const set = evalSet();
  const misses: string[] = [];
  let at1 = 0;
  let at3 = 0;
  let rr = 0;
  let disputed = 0;
  let shown = 0;
  for (const item of set.questions) {
    const answer = engine.ask(item.q);
    const rank = answer.citations.findIndex((c) => correct(c, item.expect)) + 1;
    if (rank === 1) at1++;
    if (rank >= 1 && rank <= 3) at3++;
    if (rank >= 1) rr += 1 / rank;
    if (rank === 0 || rank > 3) {
      const got = answer.status === 'no_answer' ? 'no_answer' : answer.citations.slice(0, 3).map((c) => c.fact).join(', ');
      misses.push(`question${rank ? ` (rank ${rank})` : ''}: "${item.q}" wants ${item.expect.words.join('+')} in ${item.expect.documents.join('|')}; got ${got}`);
    }
    if (item.disputed) {
      disputed++;
      const d = answer.disagreements.find((x) => x.topic === item.disputed);
      if (d && d.positions.length >= 2 && d.positions.every((p) => p.citations.length > 0)) shown++;
      else misses.push(`disagreement: "${item.q}" should show both sides of ${item.disputed}; got [${answer.disagreements.map((x) => x.topic).join(', ')}]`);
    }
  }
  let verdictsRight = 0;
  for (const c of set.claims) {
    const v = engine.check(c.claim);
    if (v.verdict === c.verdict) verdictsRight++;
    else misses.push(`verdict: "${c.claim}" should be ${c.verdict}; got ${v.verdict} (${v.reason})`);
  }
  let refused = 0;
  for (const q of set.offtopic) {
    const a = engine.ask(q);
    if (a.status === 'no_answer') refused++;
    else misses.push(`off-topic: "${q}" was answered with ${a.citations.map((c) => c.fact).join(', ')}`);
  }
  const n = set.questions.length;
  return {
    questions: n,
    successAt1: at1 / n,
    successAt3: at3 / n,
    mrr: rr / n,
    disagreementRecall: disputed ? shown / disputed : 1,
    disputedQuestions: disputed,
    verdictAccuracy: verdictsRight / set.claims.length,
    claims: set.claims.length,
    noAnswerAccuracy: refused / set.offtopic.length,
    offtopic: set.offtopic.length,
    misses,
  };
}

/** The floors `npm test` holds the engine to. Raise them; never lower them. */
export const FLOORS = { successAt3: 0.95, disagreementRecall: 1, verdictAccuracy: 0.9, noAnswerAccuracy: 1 };
