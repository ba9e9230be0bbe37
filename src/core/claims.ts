/**
 * Compares a claim with one fact: do their figures, actors and polarity agree? This is the
 * part of checking that reads numbers as numbers and notices a deed given to the wrong party.
 */
import { figures, overlaps, type Figure } from './figures.js';
import type { Fact } from '../knowledge/schema.js';
import { escapeRegExp } from '../knowledge/text.js';
import { canonical, terms } from './tokens.js';

type ReadFigure = Figure & { party?: string; nounTerms?: string[] };

interface Reading {
  figures: ReadFigure[];
  parties: Set<string>;
  negated: boolean;
}

/** Reads a text's figures, parties and polarity, using the pack's party and negation words. */
export class ClaimReader {
  private readonly partyWords: { party: string; re: RegExp }[];
  private readonly negation: RegExp | null;
  /** Proper names by their first word, so a text is only searched for names it may hold. */
  private readonly namesByWord = new Map<string, { name: string; order: number }[]>();

  constructor(
    parties: Record<string, string[]>,
    negations: string[],
    properNames: string[] = [],
    /** Terms of a phrase, aliases included, so "kilometres" and "km" count the same things. */
    private readonly termsOf: (text: string) => string[] = terms,
  ) {
    this.partyWords = Object.entries(parties).map(([party, ws]) => ({
      party,
      re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${ws.map((w) => escapeRegExp(canonical(w))).join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
    }));
    this.negation = negations.length
      ? new RegExp(`(?<![\\p{L}])(?:${negations.map((w) => escapeRegExp(w)).join('|')})(?![\\p{L}])`, 'u')
      : null;
    properNames.forEach((name, order) => {
      const first = name.split(' ')[0]!;
      this.namesByWord.set(first, [...(this.namesByWord.get(first) ?? []), { name, order }]);
    });
  }

  /**
   * A fact's reading. Years come from its quote and its date only: the statement names the
   * year of the source ("Butt (2019)"), which is not a year of the event.
   */
  readFact(fact: Fact): Reading {
    const body = this.read(`${fact.statement} ${fact.quote}`);
    const dated = this.read(`${fact.quote} ${fact.date ?? ''}`);
    return { ...body, figures: [...body.figures.filter((f) => f.kind !== 'year'), ...dated.figures.filter((f) => f.kind === 'year')] };
  }

  read(text: string): Reading {
    // Names like "Pakistan Stream" contain a party's name but are not that party.
    let plain = canonical(text);
    const names = [...new Set(plain.split(/[^\p{L}\p{N}]+/u).flatMap((w) => this.namesByWord.get(w) ?? []))];
    for (const { name } of names.sort((a, b) => a.order - b.order)) plain = plain.split(name).join(' '.repeat(name.length));
    const mentions: { party: string; at: number }[] = [];
    for (const { party, re } of this.partyWords) {
      for (const m of plain.matchAll(re)) mentions.push({ party, at: m.index! });
    }
    const figs = figures(plain).map((f) => {
      if (f.kind !== 'percent' && f.kind !== 'money') return f;
      let best: { party: string; at: number } | undefined;
      for (const m of mentions) if (!best || Math.abs(m.at - f.at) < Math.abs(best.at - f.at)) best = m;
      return best && Math.abs(best.at - f.at) < 40 ? { ...f, party: best.party } : f;
    });
    const withNouns = figs.map((f) => (f.kind === 'count' ? { ...f, nounTerms: this.termsOf(f.noun ?? '') } : f));
    return { figures: withNouns, parties: new Set(mentions.map((m) => m.party)), negated: this.negation?.test(plain) ?? false };
  }
}

/** How one fact bears on a claim, judged separately for figures, actors and polarity. */
export interface Comparison {
  /** Figures: 'agree' when a like figure fits, 'conflict' when like figures all differ. */
  figures: 'agree' | 'conflict' | 'none';
  /** The agreement rests only on a vague range ("the 1980s") against an exact claim. */
  vague: boolean;
  /** The fact gives the deed to a party the claim does not name, and not to the claim's. */
  actorConflict: boolean;
  /** One of them says it did not happen (denied, cancelled, never), the other does not. */
  polarityConflict: boolean;
  /** Plain words for the reason line. */
  detail: string;
}

/** Compares a claim's reading with a fact's reading. */
export function compare(claim: Reading, fact: Reading): Comparison {
  let figuresOutcome: Comparison['figures'] = 'none';
  let vague = false;
  let detail = '';
  for (const c of claim.figures) {
    const like = fact.figures.filter((f) => f.kind === c.kind && comparable(c, f));
    if (like.length === 0) continue;
    const sameParty = c.party ? like.filter((f) => f.party === c.party) : like;
    const fitting = sameParty.filter((f) => overlaps(c, f));
    if (fitting.length) {
      if (figuresOutcome === 'none') {
        figuresOutcome = 'agree';
        vague = c.kind === 'year' && c.low === c.high && fitting.every((f) => f.high > f.low);
        detail = `sources give ${describe(c)}`;
      }
      continue;
    }
    const otherParty = c.party && sameParty.length === 0 ? like.find((f) => overlaps(c, f) && f.party && f.party !== c.party) : undefined;
    const pool = sameParty.length ? sameParty : like;
    figuresOutcome = 'conflict';
    detail = otherParty ? `${describe(c)} belongs to ${otherParty.party}` : `sources give ${[...new Set(pool.map(describe))].join(' or ')}, not ${describe(c)}`;
    break;
  }
  const onlyClaim = [...claim.parties].filter((p) => !fact.parties.has(p));
  const onlyFact = [...fact.parties].filter((p) => !claim.parties.has(p));
  const actorConflict = onlyClaim.length > 0 && onlyFact.length > 0;
  const polarityConflict = claim.negated !== fact.negated;
  if (!detail && actorConflict) detail = `sources name ${onlyFact.join(' and ')}, not ${onlyClaim.join(' and ')}`;
  if (!detail && polarityConflict) detail = claim.negated ? 'sources say it did happen' : 'sources say it did not happen';
  return { figures: figuresOutcome, vague, actorConflict, polarityConflict, detail };
}

/** Counts are compared only when they count the same things. */
function comparable(a: ReadFigure, b: ReadFigure): boolean {
  if (a.kind !== 'count') return true;
  const an = new Set(a.nounTerms ?? []);
  return (b.nounTerms ?? []).some((t) => an.has(t));
}

function describe(f: Figure & { party?: string }): string {
  return f.party && f.kind === 'percent' ? `${f.text} for ${f.party}` : f.text;
}
