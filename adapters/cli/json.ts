/**
 * The CLI's JSON contract, used by evaluation tools: fixed keys in a fixed order, so
 * the output does not change when the internal model grows.
 */
import type { Answer, Citation, Disagreement, Verdict } from '../../src/core/model.js';

const citation = (c: Citation) => ({
  n: c.n,
  fact: c.fact,
  statement: c.statement,
  quote: c.quote,
  kind: c.kind,
  source: { ...c.source },
  ...(c.community ? { community: c.community } : {}),
});

const disagreement = (d: Disagreement) => ({
  topic: d.topic,
  summary: d.summary,
  positions: d.positions.map((p) => ({ label: p.label, citations: p.citations })),
});

export const answerJson = (a: Answer) => ({
  query: a.query,
  status: a.status,
  text: a.text,
  citations: a.citations.map(citation),
  disagreements: a.disagreements.map(disagreement),
});

export const verdictJson = (v: Verdict) => ({
  claim: v.claim,
  verdict: v.verdict,
  reason: v.reason,
  citations: v.citations.map(citation),
  disagreements: v.disagreements.map(disagreement),
});

/** One fact, as `facts --json` lists it. */
export const factJson = (c: Citation, date: string | null) => ({
  id: c.fact,
  statement: c.statement,
  quote: c.quote,
  kind: c.kind,
  topic: c.topic,
  date,
  source: { ...c.source },
});
