/**
 * Disagreements found in the sources, not only written in topics.yaml. Two units (curated
 * facts or passages) from different sources that are about the same subject disagree when
 * (a) they give that subject a different year, amount, percentage or count, (b) one says it
 * and the other denies, disputes or doubts it ("no … happened", "denied", "disputes that
 * account as inaccurate", "seems unlikely", "remains speculation"), (c) they judge it with
 * adjectives WordNet sets against each other ("strong" and "weak"), or (d) one says it is done
 * or under way and the other that it is still pending ("inked a deal" and "close to
 * finalizing a deal"; see stages.ts).
 *
 *   const found = findDisagreements([...pack.facts, ...passageFacts], pack);
 *   found[0].summary;   // 'Sources give different years for “privatize Pakistan Steel Mills”.'
 *   disagreementsByUnit(found).get('passage:002_…:11222');   // the found disagreements it is a side of
 *
 * - Different sources: another document, or another post of a forum thread. One document
 *   counts against itself only where one sentence disputes another ("disputes that account
 *   as inaccurate"), never for a figure.
 * - The same subject: two clauses whose shared content words are most of the weight of one of
 *   them and a fair part of the other's, each word weighed by its rarity in the pack and by
 *   what it is (a name or a noun more than an adverb). The pack's parties, figures and words
 *   of denial are left out; a name from the pack's aliases counts as that name. Two clauses
 *   that each name a party the other does not, or whose sentences each name a person, place
 *   or thing the other's does not, are about different things; so are two that share only
 *   names and titles ("Prime Minister Imran Khan" in two different meetings).
 * - A figure counts only where it stands in the clause that carries the shared words, so a
 *   year of another event in the same sentence is not compared; a year that opens a sentence
 *   ("In 2014, …") is the year of all of it.
 * - Figures differ only when their ranges do not overlap: "$2 billion" and "$2–2.5 billion"
 *   can both be right, and "more than $1 billion" does not contradict "$2 billion". A figure
 *   is a range where the source makes it one ("about", "several", "2000s").
 * - "This year", "last year" and "that year" are read as the years they stand for: from the
 *   source's date, or from the last year the text named before.
 *
 * Deterministic: the same units give the same disagreements, with ids made from their sides.
 * Candidates, not verdicts: a moderator confirms one as a curated topic
 * (`npm run knowledge:disagreements`).
 */
import { createHash } from 'node:crypto';
import type { Fact, Topic } from '../knowledge/schema.js';
import { isAliasKey } from './analyzer.js';
import { resolveBackReferences } from './back-references.js';
import {
  ClauseReader,
  stanceOn,
  type Clause,
  type Reading,
  type ReadingPack,
  type Stance,
  type StanceKind,
} from './clauses.js';
import { overlaps, type Figure, type FigureKind } from './figures.js';
import { Lexicon } from './lexicon.js';
import { stageOf } from './stages.js';
import { stem, words } from './tokens.js';

export type DifferenceKind = FigureKind | 'denial' | 'judgement' | 'status';

export interface FoundPosition {
  /** Who takes it and what they say: "Arif Rafiq (2015): 2015". */
  label: string;
  /** What this side says, as written: a figure ("$2 billion", "this year (2015)"), "reports it", or its word of denial or judgement. */
  says: string;
  /** The units (fact ids and passage ids) that take this position. */
  units: string[];
  /** The clauses of theirs that take it, as written: what the disagreement is about, where a unit says more. */
  clauses: string[];
}

export interface FoundDisagreement {
  /** Made from the units on its sides: the same sides give the same id. */
  id: string;
  kind: DifferenceKind;
  /** The subject, in one source's own words. */
  subject: string;
  /** One plain sentence: "Sources give different years for “…”." */
  summary: string;
  positions: FoundPosition[];
}

/** The area of a found disagreement in the shape of a topic (see asTopic): no curator has confirmed it. */
export const FOUND_AREA = 'found';

/** What the detector reads of a pack besides the units. */
export type FindingPack = ReadingPack;

/** The shared words must be at least this share of one clause's weighted words… */
const MIN_SIMILARITY = 0.5;
/** …or this share, where they hold a name (a weapon, a project, a person) and more: a name says what the subject is. */
const MIN_NAMED_SIMILARITY = 0.35;
/** …and this share of the other's… */
const MIN_OTHER_SIMILARITY = 0.15;
/** …or for figures, this share: a figure in a long clause the shared words are a small part of may be another thing's. */
const MIN_OTHER_SIMILARITY_FIGURES = 0.25;
/** …and weigh at least this share of a word only one unit has: two fairly rare words, or one rare name and a word… */
const MIN_SHARED_RARITY = 0.6;
/** …and be at least this many words: one shared name alone is a mention, not a subject. */
const MIN_SHARED_TERMS = 2;
/** A word WordNet relates to one of the other clause's counts this much of a shared word. */
const RELATED_SHARE = 0.5;
/** A word in more than this share of the units is left out of the search for pairs (it still counts when weighing one). */
const MAX_KEY_SHARE = 0.1;
/** …but a word in this many units is always a key: in a pack of a few articles every word of its subject is in a tenth of them. */
const MIN_KEY_UNITS = 30;
/** How many content words after a negation it reaches: "no SU-35 talks", "not in any way suggest … partnership". */
const NEGATION_REACH = 4;
/** Most words the subject is quoted with. */
const MAX_SUBJECT_WORDS = 12;
/** A dispute of "that account", "this claim", "these reports": about the passage before it. */
const DISPUTED_ACCOUNT =
  /\b(?:that|this|the|these|those|such)\s+(?:account|story|claim|claims|report|reports|version|narrative|anecdote|assertion|allegation|allegations|statement|figure|figures)\b/i;

/** What a side that denies, disputes or doubts a thing does, by its word's kind. */
const DENYING: Record<StanceKind, string> = { negation: 'denies', denial: 'disputes', doubt: 'doubts' };

interface Side {
  reading: Reading;
  clause: Clause;
  /** What the side says it in, where that is more than its clause: an account that another passage disputes as a whole. */
  about?: string;
  says: string;
  /** Sides with the same value are one position. */
  value: string;
}

interface Edge {
  kind: DifferenceKind;
  a: Side;
  b: Side;
  shared: string[];
  /** For a denial: the kind of the denying side's word, which the summary names. */
  stance?: StanceKind;
}

/** Finds candidate disagreements among units (curated facts and passages) of one pack. */
export function findDisagreements(units: readonly Fact[], pack: FindingPack): FoundDisagreement[] {
  const reader = new ClauseReader(pack);
  const readings = units.map((u) => reader.read(u));
  const idf = inverseFrequencies(readings);
  // After the rarities: a word a clause takes from the passage before is no more common for it.
  resolveBackReferences(readings, (unit) => pack.documents.get(unit.source.document)?.title ?? '');
  for (const r of readings) for (const c of r.clauses) weigh(c, idf);
  const leastShared = MIN_SHARED_RARITY * Math.log(Math.max(readings.length, 2));
  const edges: Edge[] = [];
  for (const [i, j] of candidatePairs(readings, idf, leastShared)) {
    const edge = compare(readings[i]!, readings[j]!, leastShared);
    if (edge) edges.push(edge);
  }
  edges.push(...disputedAccounts(readings));
  const who = (unit: Fact) => whoSays(pack, unit);
  return cluster(edges)
    .map((group) => disagreementOf(group, idf, who))
    .sort((x, y) => x.id.localeCompare(y.id));
}

/** For each unit id, the found disagreements it is a side of. */
export function disagreementsByUnit(found: readonly FoundDisagreement[]): Map<string, FoundDisagreement[]> {
  const byUnit = new Map<string, FoundDisagreement[]>();
  for (const d of found)
    for (const p of d.positions) for (const id of p.units) byUnit.set(id, [...(byUnit.get(id) ?? []), d]);
  return byUnit;
}

/**
 * A found disagreement in the shape of a curated topic, so that whatever shows topics'
 * disagreements can show it too. Its positions name passages as well as facts.
 */
export function asTopic(found: FoundDisagreement): Topic {
  return {
    id: found.id,
    name: found.subject,
    area: FOUND_AREA,
    disagreement: {
      summary: found.summary,
      positions: found.positions.map((p) => ({ label: p.label, facts: p.units })),
    },
  };
}

/** How rare each term is among the units: ln(N / units holding it). */
function inverseFrequencies(readings: readonly Reading[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const r of readings) for (const t of r.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(readings.length, 2);
  return new Map([...df].map(([t, d]) => [t, Math.log(n / d)]));
}

/** A clause's terms weighed by rarity as well as salience, and its whole weight. */
function weigh(clause: Clause, idf: ReadonlyMap<string, number>): void {
  clause.weight = 0;
  for (const [t, term] of clause.terms) {
    term.weight *= idf.get(t) ?? 0;
    clause.weight += term.weight;
  }
}

/**
 * Pairs of units that share at least one fairly rare word and, over all their words, as
 * many and as rare as two clauses about one subject share: each pair once, in order.
 */
function candidatePairs(
  readings: readonly Reading[],
  idf: ReadonlyMap<string, number>,
  leastShared: number,
): [number, number][] {
  // A word two units share is always a key, however small the pack.
  const minIdf = Math.log(readings.length / Math.max(2, readings.length * MAX_KEY_SHARE, MIN_KEY_UNITS));
  const postings = new Map<string, number[]>();
  const keys: string[][] = readings.map((r, i) => {
    const own: string[] = [];
    for (const t of r.terms) {
      if ((idf.get(t) ?? 0) < minIdf) continue;
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
      own.push(t);
    }
    return own;
  });
  // Each unit is paired with the later units sharing a key, each once: a mark per unit says
  // which unit last saw it (a set of all pairs outgrows what a Set may hold on big packs).
  const seenBy = new Int32Array(readings.length).fill(-1);
  const pairs: [number, number][] = [];
  keys.forEach((own, i) => {
    for (const t of own) {
      const list = postings.get(t)!;
      for (let at = list.indexOf(i) + 1; at < list.length; at++) {
        const j = list[at]!;
        if (seenBy[j] === i) continue;
        seenBy[j] = i;
        if (mayShareSubject(readings[i]!, readings[j]!, idf, leastShared)) pairs.push([i, j]);
      }
    }
  });
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** The words two units share, weighed by rarity alone, can be enough for two of their clauses (a quick bound: WordNet's related words aside). */
function mayShareSubject(a: Reading, b: Reading, idf: ReadonlyMap<string, number>, leastShared: number): boolean {
  const [small, large] = a.terms.size < b.terms.size ? [a.terms, b.terms] : [b.terms, a.terms];
  let weight = 0;
  let count = 0;
  for (const t of small) {
    if (!large.has(t)) continue;
    weight += idf.get(t) ?? 0;
    count++;
  }
  return weight >= leastShared && count >= MIN_SHARED_TERMS;
}

interface Match {
  /** The shared terms, each side's own. */
  terms: string[];
  /** A shared name is among them. */
  named: boolean;
  /** How many different things they share: a name and its words are one. */
  count: number;
  weightA: number;
  weightB: number;
}

/**
 * The clauses of two units that are about the same subject, the best pair first: the words
 * they share (a word WordNet relates to one of the other's counts half) are most of the
 * weight of one clause and a fair part of the other's, and neither clause is about another
 * particular thing (another party, another person or place by name).
 */
function sameSubject(
  a: Reading,
  b: Reading,
  leastShared: number,
): { ca: Clause; cb: Clause; shared: string[]; other: number } | null {
  let best: { ca: Clause; cb: Clause; shared: string[]; other: number; score: number } | null = null;
  for (const ca of a.clauses) {
    for (const cb of b.clauses) {
      // Clauses that share no word are not weighed further: related words alone are no subject.
      if (!sharesAny(ca, cb)) continue;
      const match = matchTerms(ca, cb);
      if (match.count < MIN_SHARED_TERMS) continue;
      const coverA = match.weightA / ca.weight;
      const coverB = match.weightB / cb.weight;
      const weight = Math.min(match.weightA, match.weightB);
      // A count of the same things ("200,000 people" and "3.2 lakh people" displaced) says what the subject is, as a name does.
      const least = match.named || countsAlike(ca, cb) ? MIN_NAMED_SIMILARITY : MIN_SIMILARITY;
      if (weight < leastShared || Math.max(coverA, coverB) < least || Math.min(coverA, coverB) < MIN_OTHER_SIMILARITY)
        continue;
      if (namesOnly(ca, cb, match.terms) || aboutOtherThings(ca, cb)) continue;
      const score = weight * Math.max(coverA, coverB);
      if (!best || score > best.score) best = { ca, cb, shared: match.terms, other: Math.min(coverA, coverB), score };
    }
  }
  return best;
}

const countsAlike = (ca: Clause, cb: Clause): boolean =>
  ca.figures.some((f) => f.kind === 'count' && cb.figures.some((g) => g.kind === 'count' && comparable(f, g)));

function sharesAny(ca: Clause, cb: Clause): boolean {
  for (const t of ca.terms.keys()) if (cb.terms.has(t)) return true;
  return false;
}

/** The terms two clauses share, with the weight they carry on either side. */
function matchTerms(ca: Clause, cb: Clause): Match {
  const match: Match = { terms: [], named: false, count: 0, weightA: 0, weightB: 0 };
  const taken = new Set<string>();
  for (const [t, term] of ca.terms) {
    const other = cb.terms.has(t) ? t : term.related.find((r) => cb.terms.has(r) && !taken.has(r));
    if (other === undefined || taken.has(other)) continue;
    const share = other === t ? 1 : RELATED_SHARE;
    taken.add(other);
    match.terms.push(t, other);
    if (!term.partOfName) match.count++;
    if (term.name && other === t) match.named = true;
    match.weightA += term.weight * share;
    match.weightB += cb.terms.get(other)!.weight * share;
  }
  return match;
}

/**
 * Two clauses that each name a party the other does not, or whose sentences each name a
 * person, place or thing the other's does not, are about different things: "the U.S. arms
 * embargoes of 1965" and "Russia lifted an arms embargo in 2014"; "Foreign Minister Khar
 * visited Moscow" and "Foreign Minister Asif visited Moscow".
 */
function aboutOtherThings(ca: Clause, cb: Clause): boolean {
  const eachOwn = (x: ReadonlySet<string>, y: ReadonlySet<string>) =>
    [...x].some((v) => !y.has(v)) && [...y].some((v) => !x.has(v));
  return eachOwn(ca.parties, cb.parties) || eachOwn(ca.sentence.names, cb.sentence.names);
}

/**
 * The shared terms say only who or where, not what: each is a name or a title on one side
 * ("Prime Minister Imran Khan" in two meetings; "the Supreme Court" in two rulings).
 */
const namesOnly = (ca: Clause, cb: Clause, terms: readonly string[]): boolean =>
  terms.every((t) => [ca.terms.get(t), cb.terms.get(t)].some((term) => term && (term.name || term.proper)));

/** What two units disagree on, if they are about the same subject and differ. */
function compare(a: Reading, b: Reading, leastShared: number): Edge | null {
  const sameSource = a.source === b.source;
  const subject = sameSubject(a, b, leastShared);
  if (!subject) return null;
  const { ca, cb, shared, other } = subject;
  if (ca.question || cb.question) return null;
  // A rank says what it ranks beside it ("the third highest concrete dam"): it is that thing's however long its clause.
  const kinds = other >= MIN_OTHER_SIMILARITY_FIGURES ? FIGURE_KINDS : RANKS;
  if (!sameSource) {
    const figure = differentFigures(ca, cb, kinds);
    if (figure)
      return {
        kind: figure.kind,
        a: { reading: a, clause: ca, ...figure.a },
        b: { reading: b, clause: cb, ...figure.b },
        shared,
      };
  }
  const sa = stanceOn(ca, shared, NEGATION_REACH);
  const sb = stanceOn(cb, shared, NEGATION_REACH);
  if (!!sa !== !!sb) {
    const stance = (sa ?? sb)!;
    // One document against itself only where one sentence disputes another.
    if (sameSource && stance.kind !== 'denial') return null;
    const side = (r: Reading, c: Clause, s: Stance | null): Side => ({
      reading: r,
      clause: c,
      says: s ? `${DENYING[s.kind]} it (“${s.word.toLowerCase()}”)` : 'reports it',
      value: s ? 'denies' : 'asserts',
    });
    return { kind: 'denial', a: side(a, ca, sa), b: side(b, cb, sb), shared, stance: stance.kind };
  }
  if (!sameSource && !sa) {
    const staged = differentStages(ca, cb);
    if (staged)
      return {
        kind: 'status',
        a: { reading: a, clause: ca, ...staged[0] },
        b: { reading: b, clause: cb, ...staged[1] },
        shared,
      };
    const judged = opposedJudgement(ca, cb);
    if (judged)
      return {
        kind: 'judgement',
        a: { reading: a, clause: ca, says: judged[0], value: judged[0] },
        b: { reading: b, clause: cb, says: judged[1], value: judged[1] },
        shared,
      };
  }
  return null;
}

const FIGURE_KINDS: FigureKind[] = ['year', 'money', 'percent', 'count', 'rank'];
const RANKS: FigureKind[] = ['rank'];

type Said = Pick<Side, 'says' | 'value'>;

/** Figures of one kind in both clauses, none of which can describe the same quantity. */
function differentFigures(
  ca: Clause,
  cb: Clause,
  kinds: readonly FigureKind[],
): { kind: FigureKind; a: Said; b: Said } | null {
  for (const kind of kinds) {
    const fa = ca.figures.filter((f) => f.kind === kind);
    const fb = cb.figures.filter((f) => f.kind === kind && fa.some((g) => comparable(f, g)));
    if (!fb.length) continue;
    const ga = fa.filter((f) => fb.some((g) => comparable(f, g)));
    if (ga.every((x) => fb.every((y) => !overlaps(x, y)))) return { kind, a: said(ga), b: said(fb) };
  }
  return null;
}

/** Figures as a side says them; sides whose figures are the same values are one position. */
function said(list: readonly Figure[]): Said {
  const unique = [...new Map(list.map((f) => [`${f.low}-${f.high}-${f.currency ?? ''}`, f])).entries()].sort(
    ([x], [y]) => x.localeCompare(y),
  );
  return { says: unique.map(([, f]) => f.text).join(', '), value: unique.map(([key]) => key).join(' ') };
}

/**
 * Money in one currency; counts of the same thing ("helicopters" and "helicopter"); ranks by
 * one measure ("biggest" and "largest", not "highest") of things one of them names or both name.
 */
function comparable(f: Figure, g: Figure): boolean {
  if (f.kind === 'money') return f.currency === g.currency;
  if (f.kind === 'count') return !!f.noun && !!g.noun && stem(words(f.noun)[0] ?? '') === stem(words(g.noun)[0] ?? '');
  if (f.kind === 'rank') return sameMeasure(f, g) && (!f.noun || !g.noun || sharesWord(f.noun, g.noun));
  return true;
}

const sameMeasure = (f: Figure, g: Figure): boolean =>
  f.adjective === g.adjective || Lexicon.shared().synonymAdjectives(f.adjective!).includes(g.adjective!);

const sharesWord = (x: string, y: string): boolean => {
  const ys = new Set(words(y).map(stem));
  return words(x).some((w) => ys.has(stem(w)));
};

/** One clause says the thing is done or under way, the other that it is still pending: "inked a deal" and "close to finalizing a deal". */
function differentStages(ca: Clause, cb: Clause): [Said, Said] | null {
  const [x, y] = [stageOf(ca.text), stageOf(cb.text)];
  if (!x || !y || x.stage === y.stage) return null;
  const side = (s: NonNullable<typeof x>): Said => ({ says: `${STAGED[s.stage]} (“${s.word}”)`, value: s.stage });
  return [side(x), side(y)];
}

/** What a side that gives a stage says. */
const STAGED = { done: 'done', pending: 'still pending' } as const;

/** Adjectives WordNet sets against each other, one in each clause. */
function opposedJudgement(ca: Clause, cb: Clause): [string, string] | null {
  const lexicon = Lexicon.shared();
  for (const w of ca.words) {
    if (cb.words.has(w)) continue;
    for (const opposite of lexicon.antonyms(w, 'a')) {
      if (cb.words.has(opposite) && !ca.words.has(opposite)) return [w, opposite];
    }
  }
  return null;
}

/** A passage that disputes "that account" disputes the passage before it, in the same document and post. */
function disputedAccounts(readings: readonly Reading[]): Edge[] {
  const byId = new Map(readings.map((r) => [r.unit.id, r]));
  const edges: Edge[] = [];
  for (const r of readings) {
    const clause = r.clauses.find((c) => c.stance?.kind === 'denial' && DISPUTED_ACCOUNT.test(c.text));
    const account = r.before === null ? undefined : byId.get(r.before);
    if (!clause || !account?.clauses.length) continue;
    const told = account.clauses[0]!;
    edges.push({
      kind: 'denial',
      a: { reading: account, clause: told, about: account.unit.quote, says: 'reports it', value: 'asserts' },
      b: { reading: r, clause, says: `disputes it (“${clause.stance!.word}”)`, value: 'denies' },
      shared: [...told.terms.keys()],
      stance: 'denial',
    });
  }
  return edges;
}

/**
 * Groups the pairs into disagreements: two pairs are one disagreement when they share a unit
 * that says the same thing in both and are about mostly the same words.
 */
function cluster(edges: readonly Edge[]): Edge[][] {
  const parent = edges.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const bySide = new Map<string, number[]>();
  edges.forEach((e, i) => {
    for (const side of [e.a, e.b]) {
      const key = `${e.kind}|${side.reading.unit.id}|${side.value}`;
      for (const j of bySide.get(key) ?? [])
        if (overlapShare(edges[j]!.shared, e.shared) >= 0.5) parent[find(i)] = find(j);
      bySide.set(key, [...(bySide.get(key) ?? []), i]);
    }
  });
  const groups = new Map<number, Edge[]>();
  edges.forEach((e, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), e]));
  return [...groups.values()];
}

const overlapShare = (x: readonly string[], y: readonly string[]): number =>
  x.filter((t) => y.includes(t)).length / Math.min(x.length, y.length);

/** A group of pairs as a disagreement: its units grouped by what they say. */
function disagreementOf(
  group: readonly Edge[],
  idf: ReadonlyMap<string, number>,
  who: (unit: Fact) => string,
): FoundDisagreement {
  const kind = group[0]!.kind;
  const byValue = new Map<string, Map<string, Side>>();
  for (const e of group) {
    for (const side of [e.a, e.b]) {
      const sides = byValue.get(side.value) ?? new Map<string, Side>();
      if (!sides.has(side.reading.unit.id)) sides.set(side.reading.unit.id, side);
      byValue.set(side.value, sides);
    }
  }
  const positions = [...byValue.values()].map((sides) => {
    const list = [...sides.values()];
    const whom = [...new Set(list.map((s) => who(s.reading.unit)))].join('; ');
    const says = saying(list.map((s) => s.says));
    return {
      label: `${whom}: ${says}`,
      says,
      units: list.map((s) => s.reading.unit.id).sort(),
      clauses: [...new Set(list.map((s) => s.about ?? s.clause.text))].sort(),
    };
  });
  positions.sort((p, q) => p.units[0]!.localeCompare(q.units[0]!));
  // The subject is said in words both sides write themselves, not those one takes from the passage before.
  const own = (e: Edge, t: string) => !e.a.clause.terms.get(t)?.borrowed && !e.b.clause.terms.get(t)?.borrowed;
  const weight = (e: Edge) => e.shared.reduce((sum, t) => sum + (own(e, t) ? (idf.get(t) ?? 0) : 0), 0);
  const best = [...group].sort((x, y) => weight(y) - weight(x))[0]!;
  const subject = subjectWords(best, idf);
  const id = `found-${createHash('sha256')
    .update(
      positions
        .flatMap((p) => p.units)
        .sort()
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 12)}`;
  return { id, kind, subject, summary: summaryOf(kind, subject, group), positions };
}

/**
 * What a position says, from what its units say: the same figure written two ways is said
 * once, as most of them write it ("this year (2015)"); words of denial are listed together
 * ("denies or disputes it (“no”, “denied”)").
 */
function saying(all: readonly string[]): string {
  const denials = all.map((s) => /^(\w+) it \((.+)\)$/.exec(s)).filter((m): m is RegExpExecArray => !!m);
  if (denials.length === all.length) {
    const verbs = [...new Set(denials.map((m) => m[1]))].join(' or ');
    return `${verbs} it (${[...new Set(denials.map((m) => m[2]))].join(', ')})`;
  }
  const stages = all.map((s) => /^(done|still pending) \((.+)\)$/.exec(s)).filter((m): m is RegExpExecArray => !!m);
  if (stages.length === all.length) return `${stages[0]![1]} (${[...new Set(stages.map((m) => m[2]))].join(', ')})`;
  const counts = new Map<string, number>();
  for (const s of all) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort(([x, m], [y, n]) => n - m || y.length - x.length || x.localeCompare(y))[0]![0];
}

function summaryOf(kind: DifferenceKind, subject: string, group: readonly Edge[]): string {
  const quoted = `“${subject}”`;
  switch (kind) {
    case 'year':
      return `Sources give different years for ${quoted}.`;
    case 'money':
    case 'percent':
    case 'count':
      return `Sources give different figures for ${quoted}.`;
    case 'rank':
      return `Sources rank ${quoted} differently.`;
    case 'judgement':
      return `Sources judge ${quoted} differently.`;
    case 'status':
      return `Sources differ on whether ${quoted} is done or still pending.`;
    case 'denial': {
      const stance = group.find((e) => e.stance)?.stance ?? 'negation';
      return `One source reports ${quoted}; another ${DENYING[stance]} it.`;
    }
  }
}

/**
 * The subject in a source's words: the shortest run of words of one side's clause that holds
 * the shared words (the heaviest ones where all would be too many).
 */
function subjectWords(edge: Edge, idf: ReadonlyMap<string, number>): string {
  const sides = [edge.a, edge.b].filter((s) => s.value !== 'denies');
  const heaviest = [...new Set(edge.shared)]
    .filter((t) => !isAliasKey(t))
    .sort((x, y) => (idf.get(y) ?? 0) - (idf.get(x) ?? 0));
  let best: string | null = null;
  for (const { clause } of sides.length ? sides : [edge.a]) {
    const text = clause.text;
    const tokens = [...text.matchAll(/[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu)].map((m) => ({
      at: m.index,
      end: m.index + m[0].length,
      stems: new Set(words(m[0]).map(stem)),
    }));
    for (let take = heaviest.length; take >= 1; take--) {
      const span = shortestSpan(tokens, heaviest.slice(0, take));
      if (span && span.words <= MAX_SUBJECT_WORDS) {
        const found = text.slice(span.start, span.end);
        if (!best || found.length < best.length) best = found;
        break;
      }
    }
  }
  return best ?? edge.a.clause.text;
}

/** The shortest run of tokens whose words hold every wanted term. */
function shortestSpan(
  tokens: { at: number; end: number; stems: Set<string> }[],
  wanted: readonly string[],
): { start: number; end: number; words: number } | null {
  let best: { start: number; end: number; words: number } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const missing = new Set(wanted);
    for (let j = i; j < tokens.length && (!best || j - i + 1 < best.words); j++) {
      for (const term of tokens[j]!.stems) missing.delete(term);
      if (!missing.size) {
        best = { start: tokens[i]!.at, end: tokens[j]!.end, words: j - i + 1 };
        break;
      }
    }
  }
  return best;
}

/** Who says a unit, as a position names them: the post's author or the document's, and the year. */
function whoSays(pack: FindingPack, unit: Fact): string {
  const doc = pack.documents.get(unit.source.document);
  const post = doc?.posts?.find((p) => p.n === unit.source.post);
  const author = post
    ? post.author === post.poster
      ? `forum member ${post.poster}`
      : post.author
    : (doc?.author ?? doc?.publisher?.replace(/\s*[(,].*$/, '') ?? `“${doc?.title ?? unit.source.document}”`);
  const date = post ? post.date : doc?.date;
  return date ? `${author} (${date.slice(0, 4)})` : author;
}
