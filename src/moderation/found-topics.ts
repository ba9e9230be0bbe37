/**
 * A found disagreement as a moderator confirms it: a topic to paste into topics.yaml, and,
 * for each side that only passages take, a fact to paste into a fact file (a topic's
 * positions name facts, and a passage is not one yet).
 *
 *   const snippet = topicSnippet(found, unitsById, new Set(pack.topics.keys()));
 *   snippet.topic;   // "- id: privatize-the-company\n  name: …\n  disagreement: …"
 *   snippet.facts;   // "- id: privatize-the-company-2\n  statement: …\n  quote: …" or ''
 */
import { stringify } from 'yaml';
import type { Fact } from '../knowledge/schema.js';
import { plainText } from '../knowledge/passages.js';
import { sentenceSpans } from '../knowledge/sentences.js';
import type { FoundDisagreement } from '../core/found-disagreements.js';
import { isPassage } from '../core/passage-facts.js';
import { words } from '../core/tokens.js';
import { factEntry } from './export.js';

/** A quote is at most this long (schema.ts). */
const MAX_QUOTE = 300;
/** A topic id made from the subject keeps at most this many characters. */
const MAX_ID = 48;

export interface TopicSnippet {
  topicId: string;
  /** One entry of `topics:` in topics.yaml. */
  topic: string;
  /** Entries of `facts:` for a fact file, one per side no curated fact takes; empty when every side has one. */
  facts: string;
}

export function topicSnippet(
  found: FoundDisagreement,
  units: ReadonlyMap<string, Fact>,
  taken: ReadonlySet<string>,
): TopicSnippet {
  const slug =
    words(found.subject)
      .join('-')
      .slice(0, MAX_ID)
      .replace(/-[^-]*$|-$/, '') || 'found';
  const topicId =
    taken.has(slug) || !/^[a-z0-9]/.test(slug) ? `${slug}-${found.id.slice(-6)}`.replace(/^[^a-z0-9]+/, '') : slug;
  const newFacts: Fact[] = [];
  const positions = found.positions.map((p, i) => {
    const facts = p.units.map((id) => units.get(id)).filter((u): u is Fact => !!u && !isPassage(u));
    if (facts.length) return { label: p.label, facts: facts.map((f) => f.id) };
    const passage = p.units.map((id) => units.get(id)).find((u): u is Fact => !!u);
    if (!passage) return { label: p.label, facts: [] };
    const quote = excerpt(passage.quote, found.subject);
    // Said as the passage is said, with its source, but only the words quoted.
    const statement = `${passage.statement.slice(0, passage.statement.indexOf(': “'))}: “${plainText(quote).replace(/\s+/g, ' ').trim()}”`;
    const fact: Fact = { ...passage, id: `${topicId}-${i + 1}`, statement, quote, topic: topicId, tags: [] };
    newFacts.push(fact);
    return { label: p.label, facts: [fact.id] };
  });
  const topic = {
    id: topicId,
    name: found.subject,
    area: 'found',
    disagreement: { summary: found.summary, positions },
  };
  return {
    topicId,
    topic: stringify([topic], { lineWidth: 0 }).trimEnd(),
    facts: newFacts.length ? stringify(newFacts.map(factEntry), { lineWidth: 0 }).trimEnd() : '',
  };
}

/**
 * A verbatim excerpt of a passage short enough for a quote: the passage, or the sentence of it
 * with most of the subject's words, cut at a word if it is still too long.
 */
function excerpt(text: string, subject: string): string {
  if (text.length <= MAX_QUOTE) return text;
  const wanted = new Set(words(subject));
  const sentences = sentenceSpans(text).map((s) => text.slice(s.start, s.end));
  const score = (s: string) => words(s).filter((w) => wanted.has(w)).length;
  const best = sentences.reduce((a, b) => (score(b) > score(a) ? b : a), sentences[0] ?? text);
  if (best.length <= MAX_QUOTE) return best;
  // Cut at the last comma that leaves most of it, else at a word.
  const comma = best.lastIndexOf(',', MAX_QUOTE);
  return best.slice(0, comma > MAX_QUOTE / 2 ? comma : best.lastIndexOf(' ', MAX_QUOTE)).trimEnd();
}
