/**
 * Where the facts that answer a question asking for a figure give figures that cannot be the
 * same, from different sources: "how many families will the dam displace" is answered 40,000
 * by one source and 18,386 by another. The question says what the figures are of, so two
 * facts need nothing more in common than answering it as well as each other: the answer then
 * shows them as a disagreement, every side cited (a disputed point is never shown from one
 * side), though no one found the disagreement beforehand.
 *
 *   figureSides(hits, 'count', (noun) => noun === 'families');
 *   // [{ hits: [guardian], figures: [40,000 families] }, { hits: [ndtv], figures: [18,386 families] }]
 */
import { clauseSpans } from './claims.js';
import { type Figure, type FigureKind, figures, overlaps } from './figures.js';
import type { Hit } from './fact-index.js';
import type { AnswerType } from './question.js';
import { tellsDeed } from './told-deed.js';
import { stem, words } from './tokens.js';

/** The kind of figure that answers each type of question that asks for one. */
const KIND: Partial<Record<AnswerType, FigureKind>> = {
  date: 'year',
  money: 'money',
  percent: 'percent',
  count: 'count',
  amount: 'count',
};

/** True for a question answered by a figure: a count, an amount, a sum, a share or a year. */
export const asksFigure = (type: AnswerType | null): boolean => !!type && !!KIND[type];

/** Types of question answered by a name, never by a figure: who, where. */
const NAMED: ReadonlySet<AnswerType> = new Set<AnswerType>(['person', 'place']);
/** Every kind of figure, to tell a difference of figures from a denial or a judgement. */
const FIGURE_KINDS: ReadonlySet<string> = new Set<FigureKind>(['year', 'money', 'percent', 'count', 'rank']);

/**
 * True when a difference of `kind` between the sources may bear on the answer to a question of
 * `type`: a denial or a judgement may; different figures do not when it asks who or where.
 * Its answer's passage may give figures beside the name ("who was the governor" beside the
 * storm's toll, "where is the dam" beside its height), and their difference is not the name's.
 */
export const differenceBearsOn = (kind: string, type: AnswerType | null): boolean =>
  !FIGURE_KINDS.has(kind) || type === null || !NAMED.has(type);

/**
 * What a question that asks for no figure is about when it gives one itself: "did 3000 people
 * really die" is about a count of people, as "how many people died" is, and sources that give
 * other counts of them disagree with it and with each other. A count must say what it counts.
 *
 *   figureGiven('did 3000 people really die');   // { type: 'count', noun: 'people' }
 */
export function figureGiven(question: string): { type: AnswerType; noun?: string } | null {
  for (const f of figures(question.toLowerCase())) {
    if (f.kind === 'money') return { type: 'money' };
    const noun = f.kind === 'count' ? words(f.noun ?? '')[0] : undefined;
    if (noun) return { type: 'count', noun };
  }
  return null;
}

/** True for a question answered by a count, whose sides facts ranked below its answer may add (see FurtherFacts). */
export const asksCount = (type: AnswerType | null): boolean => !!type && KIND[type] === 'count';

/**
 * True if a further fact gives the kind of figure that the first gives in answer to a question
 * of `type`: beside a pipeline's "1100 km", a length, not its cost or shares. A year from a
 * source other than the first's must be able to be the first's ("the 1980s" beside "1989"):
 * another year there dates another event, and where it dates the same one the two sources
 * disagree, which figureSides shows. A first fact without such a figure sets no kind.
 */
export function givesLike(first: Hit, further: Hit, type: AnswerType | null): boolean {
  if (!asksFigure(type)) return true;
  const answer = figures(first.fact.quote.toLowerCase()).filter((f) =>
    type === 'date' ? f.kind === 'year' : f.kind !== 'year' && f.kind !== 'rank',
  );
  if (answer.length === 0) return true;
  const given = figures(further.fact.quote.toLowerCase());
  const otherSource = sourceOf(first) !== sourceOf(further);
  return given.some((g) =>
    answer.some(
      (f) =>
        g.kind === f.kind &&
        (f.kind !== 'money' || f.currency === g.currency) &&
        (f.kind !== 'year' || !otherSource || overlaps(f, g)),
    ),
  );
}

/** How a summary names the sides after the first, in order. */
const OTHERS = ['another', 'a third', 'a fourth', 'a fifth'];

/**
 * One plain sentence for sides that give different figures, each side's first figure as
 * written: "Sources give different figures: one gives 40,000 families, another 18,386
 * families." Said side by side, not "A against B against C", which reads as a contest.
 */
export function figuresSummary(sides: readonly FigureSide[]): string {
  const said = sides.map(
    (side, i) => `${i === 0 ? 'one gives' : (OTHERS[i - 1] ?? 'another')} ${side.figures[0]!.text}`,
  );
  return `Sources give different figures: ${said.join(', ')}.`;
}

/** A fact answers as well as the best when it covers this share of what the best covers. */
const AS_WELL = 0.75;

export interface FigureSide {
  /** The facts of this side, best first: one source or several that agree. */
  hits: Hit[];
  /** The figures they give, as written. */
  figures: Figure[];
}

const sourceOf = (h: Hit): string => `${h.fact.source.document}#${h.fact.source.post ?? ''}`;

/** Counts of the same thing ("families" and "family"), or of what the question counts (`alike`); money in one currency. */
function comparable(f: Figure, g: Figure, alike: boolean): boolean {
  if (f.kind === 'money') return f.currency === g.currency;
  if (f.kind === 'count')
    return alike || (!!f.noun && !!g.noun && stem(words(f.noun)[0] ?? '') === stem(words(g.noun)[0] ?? ''));
  return true;
}

/** Two lists of figures that cannot say the same: some pair is comparable, and no comparable pair overlaps. */
function differ(a: readonly Figure[], b: readonly Figure[], alike: boolean): boolean {
  const pairs = a.flatMap((f) => b.filter((g) => comparable(f, g, alike)).map((g) => [f, g] as const));
  return pairs.length > 0 && pairs.every(([f, g]) => !overlaps(f, g));
}

/**
 * Facts ranked too low to answer, read for a side only where the clause of their figure tells
 * the question's deed ("316,000 people killed" for "how many people died"): what else shares
 * the question's words there may count other people ("9 million people were crowded").
 */
export interface FurtherFacts {
  hits: readonly Hit[];
  /** The question's verbs, base forms. */
  deeds: readonly string[];
}

/** A count's noun that only points at what is counted ("others", "those of them"). */
const PRONOUN = /^(?:others|those|them|these|many)\b/;

/**
 * The words of `text` (lower case) that tell what a figure counts: its clause, up to the
 * figures beside it there ("caused the death of 5,295 people and left 568,292 others with
 * injuries": the deaths are the first figure's, the injuries the second's).
 */
function stretchOf(text: string, all: readonly Figure[], f: Figure): string {
  const [start, end] = clauseSpans(text).find(([a, b]) => f.at >= a && f.at < b) ?? [0, text.length];
  const before = all.filter((g) => g.at < f.at && g.at >= start).at(-1);
  const after = all.find((g) => g.at > f.at && g.at < end);
  return text.slice(before ? before.at + before.text.length : start, after ? after.at : end);
}

/** The years a fact names. */
const yearsOf = (h: Hit): number[] =>
  figures(h.fact.quote.toLowerCase())
    .filter((f) => f.kind === 'year')
    .map((f) => f.low);

/**
 * True if a fact names no year that the facts before it from its source do not: "another 7,250
 * deaths between 1994 and 2001" beside "9,667 died between 1985 and 1993" counts another time.
 */
function sameTimes(before: readonly Hit[], h: Hit): boolean {
  const known = new Set(before.flatMap(yearsOf));
  return yearsOf(h).every((y) => known.has(y));
}

/** A number of times another ("46 times the previous tally", "five-fold"): a multiplier, no count. */
const MULTIPLIER = /^(?:times|fold)\b/;

/**
 * The words of its clause before a figure, back to the figure before it there: what a count
 * that names nothing after it counts ("the official death toll had stood at" for "64").
 */
function leadOf(text: string, all: readonly Figure[], f: Figure, quote: string): string | undefined {
  const [start] = clauseSpans(text).find(([a, b]) => f.at >= a && f.at < b) ?? [0];
  const before = all.filter((g) => g.at < f.at && g.at >= start).at(-1);
  const from = before ? before.at + before.text.length : start;
  const lead = text.slice(from, f.at);
  // Only where the words set the figure as the measure's value: "stood at", "raised it to", "a toll of", "was".
  if (!LINKED.test(lead)) return undefined;
  // As written, so that the names in it stand out ("the death toll from Hurricane Katrina is").
  const written = quote.length === text.length ? quote.slice(from, f.at) : lead;
  return written.slice(0, lead.search(LINKED)).trim();
}

/** The words that end a measure's naming before its value ("the toll stood at 64", "a toll of 64", "the toll is 64"). */
const LINKED =
  /\b(?:at|to|of|is|was|were|are|reached|hit|topped|totall?ed|stands at|stood at)\s+(?:(?:more than|over|above|at least|less than|under|about|around|nearly|almost|approximately|roughly|some|just|only)\s+)?$/;

/**
 * The sides, two or more, where `hits` (the question's relevant facts, best first) answer a
 * question of `type` with figures from different sources that cannot be the same; else
 * null. `counts` says whether a count's noun is what the question counts: counts of it are
 * alike, whatever each calls it ("deaths", "people died"). `further` facts may add sides.
 * `names` says whether the words before a count that names nothing after it ("the death toll
 * had stood at 64") name what the question counts.
 */
export function figureSides(
  hits: readonly Hit[],
  type: AnswerType | null,
  counts?: (noun: string) => boolean,
  further?: FurtherFacts,
  names?: (lead: string) => boolean,
): FigureSide[] | null {
  const kind = type && KIND[type];
  if (!kind) return null;
  const alike = counts !== undefined;
  const asked = (f: Figure, text: string, all: readonly Figure[], quote: string) => {
    if (f.kind !== kind) return false;
    if (kind !== 'count') return true;
    if (MULTIPLIER.test(f.noun ?? '')) return false;
    if (f.noun) return counts?.(f.noun) ?? true;
    // "the death toll had stood at 64": a count that names nothing counts what its clause names before it.
    const lead = names && leadOf(text, all, f, quote);
    return !!lead && names(lead);
  };
  const given = (h: Hit): Figure[] => {
    const text = h.fact.quote.toLowerCase();
    const all = figures(text);
    return all.filter((f) => asked(f, text, all, h.fact.quote));
  };
  // "left 568,292 others with injuries": a count of "others" or "those" counts whoever its clause's deed befell.
  const standsFor = (f: Figure) => f.kind === 'count' && kind === 'count' && PRONOUN.test(f.noun ?? '');
  const deeper = (h: Hit): Figure[] => {
    const text = h.fact.quote.toLowerCase();
    const all = figures(text);
    return all.filter(
      (f) => (asked(f, text, all, h.fact.quote) || standsFor(f)) && tellsDeed(stretchOf(text, all, f), further!.deeds),
    );
  };
  // As well as the best fact that gives such a figure: one that gives none answers nothing here.
  const giving = hits.map((h) => [h, given(h)] as const).filter(([, figs]) => figs.length > 0);
  const best = giving[0]?.[0].coverage ?? 0;
  const answering = giving.filter(([h]) => h.coverage >= best * AS_WELL);
  const read = [
    ...answering,
    // Only counts: a year in a clause telling the deed ("signed") may date another time it was done.
    ...(further?.deeds.length && asksCount(type) ? further.hits.map((h) => [h, deeper(h)] as const) : []),
  ];
  const sides: (FigureSide & { sources: Set<string> })[] = [];
  for (const [h, figs] of read) {
    if (figs.length === 0) continue;
    // A source that says more than one of these figures is weighing them, not taking a side;
    // but a count it gives in another sentence answering as well, that cannot be the one it
    // gave first, for no other year, is another account it reports ("the official toll had
    // stood at 64" beside "an estimated 2,975 excess deaths").
    const source = sourceOf(h);
    const own = sides.find((s) => s.sources.has(source));
    const another =
      !!own &&
      kind === 'count' &&
      answering.some(([a]) => a === h) &&
      differ(own.figures, figs, alike) &&
      sameTimes(own.hits, h);
    if (own && !another) {
      own.hits.push(h);
      continue;
    }
    const agreeing = sides.find((s) => !differ(s.figures, figs, alike));
    if (agreeing) {
      agreeing.hits.push(h);
      agreeing.sources.add(source);
    } else sides.push({ hits: [h], figures: figs, sources: new Set([source]) });
  }
  return sides.length >= 2 ? sides.map(({ hits: h, figures: f }) => ({ hits: h, figures: f })) : null;
}
