/**
 * Compares a claim with one fact: do their figures, actors and polarity agree? This is the
 * part of checking that reads numbers as numbers and notices a deed given to the wrong party.
 */
import { figures, overlaps, type Figure } from './figures.js';
import { escapeRegExp } from '../knowledge/text.js';
import { canonical, stem, terms } from './tokens.js';

export type Comparison =
  | { outcome: 'agree'; detail: string }
  | { outcome: 'conflict'; detail: string }
  | { outcome: 'silent' };

interface Reading {
  figures: (Figure & { party?: string })[];
  parties: Set<string>;
  negated: boolean;
}

/** Reads a text's figures, parties and polarity, using the pack's party and negation words. */
export class ClaimReader {
  private readonly partyWords: { party: string; re: RegExp }[];
  private readonly negation: RegExp | null;

  constructor(parties: Record<string, string[]>, negations: string[], private readonly properNames: string[] = []) {
    this.partyWords = Object.entries(parties).map(([party, ws]) => ({
      party,
      re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${ws.map((w) => escapeRegExp(canonical(w))).join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
    }));
    this.negation = negations.length
      ? new RegExp(`(?<![\\p{L}])(?:${negations.map((w) => escapeRegExp(w)).join('|')})(?![\\p{L}])`, 'u')
      : null;
  }

  read(text: string): Reading {
    // Names like "Pakistan Stream" contain a party's name but are not that party.
    let plain = canonical(text);
    for (const name of this.properNames) plain = plain.split(name).join(' '.repeat(name.length));
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
    return { figures: figs, parties: new Set(mentions.map((m) => m.party)), negated: this.negation?.test(plain) ?? false };
  }
}

/** Compares a claim's reading with a fact's reading. */
export function compare(claim: Reading, fact: Reading, strongMatch: boolean): Comparison {
  // Figures: every figure the claim gives must fit a like figure in the fact.
  let agreed: string | null = null;
  for (const c of claim.figures) {
    const like = fact.figures.filter((f) => f.kind === c.kind && comparable(c, f));
    if (like.length === 0) continue;
    const sameParty = c.party ? like.filter((f) => f.party === c.party) : like;
    if (sameParty.some((f) => overlaps(c, f))) {
      agreed = describe(c);
      continue;
    }
    if (c.party && sameParty.length === 0 && like.some((f) => overlaps(c, f) && f.party && f.party !== c.party)) {
      return { outcome: 'conflict', detail: `that figure belongs to ${like.find((f) => overlaps(c, f))!.party}` };
    }
    const pool = sameParty.length ? sameParty : like;
    return { outcome: 'conflict', detail: `sources give ${pool.map(describe).join(' or ')}, not ${describe(c)}` };
  }
  if (strongMatch) {
    // Actors: a deed given to a party the fact does not name, while the fact names another.
    const onlyClaim = [...claim.parties].filter((p) => !fact.parties.has(p));
    const onlyFact = [...fact.parties].filter((p) => !claim.parties.has(p));
    if (onlyClaim.length > 0 && onlyFact.length > 0) {
      return { outcome: 'conflict', detail: `sources name ${onlyFact.join(' and ')}, not ${onlyClaim.join(' and ')}` };
    }
    if (claim.negated !== fact.negated) {
      return { outcome: 'conflict', detail: claim.negated ? 'sources say it did happen' : 'sources say otherwise' };
    }
  }
  if (agreed) return { outcome: 'agree', detail: `sources give ${agreed}` };
  return strongMatch ? { outcome: 'agree', detail: 'a source states it' } : { outcome: 'silent' };
}

/** Counts are compared only when they count the same things. */
function comparable(a: Figure, b: Figure): boolean {
  if (a.kind !== 'count') return true;
  const an = new Set(terms(a.noun ?? '').map(stem));
  return terms(b.noun ?? '').some((t) => an.has(t));
}

function describe(f: Figure & { party?: string }): string {
  return f.party && f.kind === 'percent' ? `${f.text} for ${f.party}` : f.text;
}
