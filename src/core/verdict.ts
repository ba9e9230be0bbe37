/**
 * Decides a claim's verdict from the facts that match it. Each fact is first weighed on its
 * own (`weigh`): does it state the claim, exclude it, only propose or predict it, or leave
 * out a detail the claim gives? Then the evidence is ruled on (`rule`). "Supported" needs a
 * report that states the same thing about the same event, parties and figures, and nothing
 * that excludes it: a false "supported" is the worst error a fact-checker can make.
 *
 *   const evidence = hits.map((hit) => weigh(claimReading, factReading, hit, claimNames));
 *   rule(evidence, disputes);   // { verdict: 'contradicted', basis: […], why: '…' }
 */
import { NOUN_AGENT, usesOf, type Frame, type ReadFigure, type Reading } from './claims.js';

import type { DisputeIndex } from './citations.js';
import type { Hit } from './fact-index.js';
import { compareDates } from './claim-dates.js';
import { anotherFinder, unnamedSpeaker } from './finding-doer.js';
import { overlaps } from './figures.js';
import { ownWords } from './own-words.js';
import { otherDoer, sameDeed } from './other-doer.js';
import { PARAPHRASE, sameEvent } from './paraphrase.js';
import { asClaimNames } from './party-match.js';
import { isPassage } from './passage-facts.js';
import { Lexicon } from './lexicon.js';
import { namesDeed } from './told-deed.js';
import { stem } from './tokens.js';
import type { VerdictLabel } from './model.js';
import type { Fact, Topic } from '../knowledge/schema.js';

/** How one fact bears on a claim. */
export type Bearing =
  /** A report that states the claim: same event, parties in the same roles, same figures. */
  | 'states'
  /** A report on the same event that excludes the claim: another figure, the roles the other way round, another agent, or that it did not happen. */
  | 'excludes'
  /** On the same event, but only proposed, predicted, an opinion or a forum member's claim. */
  | 'proposes'
  /** A report on the same event that does not give the claim's figure or detail. */
  | 'lacks'
  /** Not about the same event, or about someone else. */
  | 'silent';

export interface Evidence {
  hit: Hit;
  bearing: Bearing;
  /** Plain words for the reason line, without the source or the marker. */
  detail: string;
  /** For `lacks`: what is missing, when only one thing is (the day or month a claim gives besides). */
  gap?: 'roles' | 'figure';
  /** Does not give the day or month the claim gives. */
  undated?: boolean;
}

export interface Ruling {
  verdict: VerdictLabel;
  /** The facts the ruling rests on, most telling first. */
  basis: Evidence[];
  /** Why, in plain words (without citation markers). */
  why: string;
}

/** The detail of a report that gives the claim only in someone's words. */
export const REPORTED = 'only as what someone said, not as established';

/** The detail of a source that judges something the best or the worst: its writer's view. */
export const JUDGED = 'only a judgement, the writer’s view';

/**
 * Weighs one fact against the claim. `claimIsAttributed`: the claim reports what someone
 * said ("Korybko proposed …"), so an opinion or a proposal can state it.
 */
export function weigh(
  claim: Reading,
  factReading: Reading | (() => Reading),
  hit: Hit,
  claimIsAttributed: boolean,
  partyName: (p: string) => string,
): Evidence {
  const silent = (detail = ''): Evidence => ({ hit, bearing: 'silent', detail });
  // Read only here: most hits of a claim are about something else, and reading a fact costs.
  // The fact's names for the claim's parties read as the claim's ("Puerto Rican" for "Puerto Rico").
  let read: Reading | undefined;
  const reading = () => (read ??= asClaimNames(claim, typeof factReading === 'function' ? factReading() : factReading));
  if (!hit.named) return silent();
  if (!sameEvent(claim, reading, hit.coverage)) return otherCount(claim, reading, hit) ?? silent();
  const fact = reading();
  // A name the claim gives must be in what the source says, not only in a fact's tags.
  // A party's name is the source's words too: "Harvard" in "researchers at the Harvard T.H. Chan School".
  const inParties = new Set([...fact.parties].flatMap((p) => p.split(' ').map(stem)));
  const unnamed = claim.names.filter(
    (alternatives) =>
      !alternatives.some((t) => fact.terms.includes(t) || inParties.has(t)) &&
      !bySurname(claim, fact, alternatives[0]!),
  );
  if (unnamed.length) return silent();
  // An opinion piece narrates events too: a sentence of it that dates what happened and
  // proposes nothing ("In 2014, Russia lifted an arms embargo") is its author's report of the
  // event; its undated judgements stay opinion. A curator has already said which a fact is.
  const narrates = hit.fact.kind === 'opinion' && isPassage(hit.fact) && !plans(claim, fact) && !fact.reported;
  const narrated = narrates && fact.figures.some((f) => f.kind === 'year' && !f.noted);
  // A report quoting the person the claim is about, speaking for themselves, gives their own account.
  const attributed =
    claimIsAttributed || (hit.fact.kind === 'report' && fact.reported && ownWords(claim, hit.fact.quote));
  const evidence = weighAs(narrated ? 'report' : hit.fact.kind, claim, fact, hit, attributed, partyName);
  // One that dates it only by pointing back ("During that year, Russia lifted …") narrates it
  // too, enough to exclude another figure or the parties the other way round; but an opinion
  // piece never states a claim by that alone.
  const pointsBack = narrates && !narrated && hit.fact.date !== undefined;
  if (pointsBack && evidence.bearing === 'proposes') {
    const asReport = weighAs('report', claim, fact, hit, claimIsAttributed, partyName);
    if (asReport.bearing === 'excludes') return asReport;
  }
  return evidence;
}

/**
 * The fact names the person whose first name the claim gives by the name that follows it
 * alone ("President Putin" for "Vladimir Putin"), and gives no other first name for it.
 */
function bySurname(claim: Reading, fact: Reading, first: string): boolean {
  const last = claim.firstNames.get(first);
  if (last === undefined || !(fact.terms.includes(last) || fact.parties.has(last))) return false;
  return ![...fact.firstNames].some(([f, l]) => l === last && f !== first);
}

/**
 * A report that tells the claim in fewer of its words, but counts the very things the claim
 * counts (the same noun, "deaths") in a clause that shares the claim's other words, and gives
 * another number: "calculated on 3,000 deaths" against "calculated on 15,000 deaths". Only a
 * report's own count, of the claim's parties, excludes the claim so.
 */
function otherCount(claim: Reading, read: () => Reading, hit: Hit): Evidence | undefined {
  const counts = claim.figures.filter((f) => f.kind === 'count' && f.nounTerms?.length);
  if (hit.coverage < PARAPHRASE || counts.length === 0 || hit.fact.kind !== 'report') return undefined;
  const fact = read();
  if (fact.reported || fact.modal || anotherParty(claim, fact)) return undefined;
  for (const c of counts) {
    const like = fact.figures.filter((f) => f.kind === 'count' && !f.noted && comparable(c, f));
    if (like.length === 0 || like.some((f) => overlaps(c, f))) continue;
    const told = like.filter(
      (f) => f.clause.filter((t) => c.clause.includes(t) && !(c.nounTerms ?? []).includes(t)).length >= SAME_CLAUSE,
    );
    if (told.length)
      return {
        hit,
        bearing: 'excludes',
        detail: `sources give ${[...new Set(told.map((f) => f.text))].join(' or ')}, not ${c.text}`,
      };
  }
  return undefined;
}

/** Weighs a fact read as `kind` (see weigh). */
function weighAs(
  kind: Fact['kind'],
  claim: Reading,
  fact: Reading,
  hit: Hit,
  claimIsAttributed: boolean,
  partyName: (p: string) => string,
): Evidence {
  const silent = (detail = ''): Evidence => ({ hit, bearing: 'silent', detail });
  // Someone's words quoted in a report are theirs, not the report's: evidence only of what was said.
  // So is a source's judgement that something is the best or the worst.
  const hearsay =
    kind === 'forum_claim' ||
    ((kind === 'opinion' || kind === 'proposal' || fact.reported || claim.judgement) && !claimIsAttributed);
  // A proposal or a prediction says nothing happened, unless the claim too is about plans.
  const speculative = plans(claim, fact) && !claim.modal;

  const same = sameDeed(claim, fact);
  const conflict = roleConflict(claim, fact, same, partyName);
  // Another party's figure is not evidence about the claim's: "Russia lifted its embargo in
  // 2014" says nothing of the year the United States imposed one.
  const figures = anotherParty(claim, fact) ? NO_FIGURES : compareFigures(claim, fact);
  const dates = anotherParty(claim, fact) ? NO_FIGURES : compareDates(claim, fact);

  // A report's figure excludes another figure for the same thing, planned or done; so does the
  // figure or date of someone it quotes ("after the earthquake struck Haiti Jan 12", the prime minister said).
  const quotedInReport = kind === 'report' && fact.reported && !claim.judgement;
  const weighsFigures = !hearsay || quotedInReport;
  if (weighsFigures && figures.outcome === 'conflict') return { hit, bearing: 'excludes', detail: figures.detail };
  if (weighsFigures && dates.outcome === 'conflict') return { hit, bearing: 'excludes', detail: dates.detail };
  if (!hearsay && !speculative) {
    // With no verb in common, a claim that says something did not happen is excluded by the same deed told without a negation.
    const polarity =
      polarityConflict(claim, fact) ??
      (same && claim.negated && !negatedAsClaim(claim, fact) ? 'sources say it did happen' : null);
    if (polarity) return { hit, bearing: 'excludes', detail: polarity };
    if (conflict) return { hit, bearing: 'excludes', detail: conflict };
  }
  if (hearsay || speculative) {
    const how =
      kind === 'forum_claim'
        ? 'only claimed by a forum member'
        : kind === 'opinion'
          ? 'only an opinion'
          : claim.judgement && !claimIsAttributed
            ? JUDGED
            : hearsay && kind !== 'proposal'
              ? REPORTED
              : 'only proposed or expected, not reported as done';
    return { hit, bearing: 'proposes', detail: how };
  }
  if (conflict) return silent();
  // A source's list of plans or heading ("construction of new refineries", "simplification of
  // visa procedures") names the deed without saying it was done: the claim's verb must be
  // there. A curator's statement says what the source reports in its own words. A noun
  // WordNet derives from the verb, beside the claim's very figure, tells the deed ("2,500
  // deaths by 1985", "an agreement that included a $153 million deal"): a plan gives no tally.
  // A share the fact gives the same party says what is held, whatever the verb ("holds 74%" and "74% to Russia").
  const shares = figures.outcome === 'agree' && claim.figures.some((f) => f.kind === 'percent' && f.party);
  const verb = isPassage(hit.fact) && !shares ? mainVerb(claim) : undefined;
  if (
    verb &&
    !usesOf(fact, verb).length &&
    !fact.terms.includes(stem(verb)) &&
    !sayingIt(fact, verb) &&
    !wayOfDoingIt(claim, fact, verb) &&
    !(figures.outcome === 'agree' && (lightVerb(claim, fact, verb) || namesDeed(fact.words.join(' '), [verb])))
  ) {
    return { hit, bearing: 'lacks', detail: 'the sources do not say it was done' };
  }
  // A claim that only links its parties to what they are ("have become strategic partners") says
  // it in its other words: a source's passage must give nearly all of them, not only the parties.
  if (isPassage(hit.fact) && !shares && !verb && claim.figures.length === 0 && !same)
    return { hit, bearing: 'lacks', detail: 'the sources do not say it' };
  const finder = anotherFinder(claim, fact);
  if (finder) return { hit, bearing: 'lacks', detail: `the sources have “${finder}…” do it, not the claim’s doer` };
  // What someone is said to have said needs a source that names them.
  const speaker = claimIsAttributed ? unnamedSpeaker(claim, fact) : undefined;
  if (speaker) return { hit, bearing: 'lacks', detail: `the sources do not say that “${speaker}…” said it` };
  const roles = rolesConfirmed(claim, fact);
  // Gives the claim's figure, not who did it to whom: another report may give the rest. A fact
  // where the claim's doer acts beside another party gives the figure of the same deed.
  const givesFigure =
    figures.outcome === 'agree' ||
    (figures === NO_FIGURES && !anotherDoer(claim, fact) && compareFigures(claim, fact).outcome === 'agree');
  const undated = dates.outcome === 'missing' ? { undated: true } : {};
  if (!roles && givesFigure)
    return { hit, bearing: 'lacks', detail: 'the sources do not say who did it to whom', gap: 'roles', ...undated };
  if (!roles) return { hit, bearing: 'lacks', detail: 'the sources do not say who did it to whom' };
  if (figures.outcome === 'missing')
    return { hit, bearing: 'lacks', detail: `the sources do not give ${figures.detail}`, gap: 'figure', ...undated };
  // Without the claim's day or month it is not stated; another fact may give the day (see rule).
  if (dates.outcome === 'missing') return { hit, bearing: 'lacks', detail: dates.detail, gap: 'figure', undated: true };
  // Said without any negation, what the claim says did not happen did happen ("no interest" against "is interested");
  // a negation somewhere in the fact may be another clause's, so it only keeps the fact from stating the claim.
  if (claim.negated && !negatedAsClaim(claim, fact))
    return { hit, bearing: 'excludes', detail: 'sources say it did happen' };
  if (fact.negated && !claim.negated && same && deniedBelief(claim, fact))
    return { hit, bearing: 'excludes', detail: 'sources say it did not happen' };
  if (fact.negated && !claim.negated) return { hit, bearing: 'lacks', detail: 'the sources say it with a negation' };
  return {
    hit,
    bearing: 'states',
    detail: figures.outcome === 'agree' ? `sources give ${figures.detail}` : 'a source states it',
  };
}

/**
 * The fact only plans, proposes or predicts what the claim tells: its first sentence does,
 * and so does the sentence that shares the most of the claim's words ("The minister is
 * scheduled to open the dam on Sunday. It is the highest dam in the country." tells the
 * dam's height as done). Ties go to the earlier sentence.
 */
function plans(claim: Reading, fact: Reading): boolean {
  const deed = mainVerb(claim);
  return (
    fact.modal &&
    fact.plans.some((sentences) => {
      const shared = (s: { terms: string[] }) => s.terms.filter((t) => claim.terms.includes(t)).length;
      const closest = sentences.reduce<(typeof sentences)[number] | undefined>(
        (best, s) => (!best || shared(s) > shared(best) ? s : best),
        undefined,
      );
      // The claim's deed told as done before a clause that plans something else ("signed the
      // treaty, which stated that an attack would be …") is not a plan.
      return (closest?.modal ?? false) && !(deed && closest!.done.some((v) => sameVerb(v, deed)));
    })
  );
}

/** The verb, or one WordNet relates to it ("back" and "support"), as usesOf matches them. */
function sameVerb(verb: string, deed: string): boolean {
  const lexicon = Lexicon.shared();
  return stem(verb) === stem(deed) || lexicon.related(deed).includes(verb) || lexicon.sameDeed(deed, verb);
}

/** Verbs that only report or link: the claim's deed is another. */
const NOT_THE_DEED = new Set([
  'say',
  'tell',
  'report',
  'write',
  'argue',
  'claim',
  'state',
  'note',
  'add',
  'call',
  'describe',
  'be',
  'have',
  'do',
  'become',
  'remain',
  'seem',
  'accord',
  'consist',
  'comprise',
  'contain',
  'include',
]);

/**
 * A verb of the fact that WordNet gives the claim's verb as meaning the same, where the claim's
 * verb does not give it back: "welcomes" says "received" ("welcome" means "receive" in its
 * commonest senses, "receive" has others before it).
 */
function sayingIt(fact: Reading, verb: string): boolean {
  const lexicon = Lexicon.shared();
  return [...fact.frames.keys()].some((v) => lexicon.synonymVerbs(v).includes(verb));
}

/**
 * A verb of the fact that is a way of doing the claim's deed (Lexicon.waysOf: "struggled to"
 * for "sought to"), where the fact has every other word of the claim: a way of doing it is
 * narrower than the deed and may be a way of doing another of its senses, so the rest of the
 * claim must be there to pin the deed down. A verb WordNet sets against the claim's verb or a
 * synonym of it never says it.
 */
function wayOfDoingIt(claim: Reading, fact: Reading, verb: string): boolean {
  const lexicon = Lexicon.shared();
  const own = stem(verb);
  if (!claim.terms.every((t) => t === own || fact.terms.includes(t))) return false;
  const opposed = new Set([verb, ...lexicon.synonymVerbs(verb)].flatMap((v) => lexicon.antonyms(v, 'v')));
  return [...fact.frames.keys()].some((v) => !opposed.has(v) && lexicon.waysOf(verb).includes(v));
}

/**
 * A light verb that does not tell the deed by itself ("put the debris at 20 million cubic
 * metres", "takes 230,000"), where the fact gives nearly all the claim's other words: the figure and
 * what it is of say what the verb would.
 */
function lightVerb(claim: Reading, fact: Reading, verb: string): boolean {
  if (!LIGHT_VERBS.has(verb)) return false;
  const own = stem(verb);
  const others = claim.terms.filter((t) => t !== own);
  return others.length > 0 && others.filter((t) => fact.terms.includes(t)).length / others.length >= LIGHT_VERB_WORDS;
}

/** Verbs English lends to a figure or a noun that carries the meaning ("put the toll at", "take part"): grammar, not vocabulary. */
const LIGHT_VERBS = new Set(['put', 'take', 'make', 'give', 'get', 'set', 'keep', 'lead']);

/** The share of a claim's other words a fact must give for a light verb not to be needed (see lightVerb). */
const LIGHT_VERB_WORDS = 0.8;

/**
 * Verbs whose negation English moves onto what they govern: "doesn't believe any loss of life
 * has been inflated" says it was not inflated (linguists' neg-raising verbs): grammar, not vocabulary.
 */
const NEG_RAISING = new Set(['believe', 'think', 'suppose', 'expect', 'feel', 'seem', 'appear', 'reckon', 'imagine']);

/**
 * The fact tells the claim's deed, not negated itself, under the negation of a verb of belief
 * alone: it says the deed did not happen.
 */
function deniedBelief(claim: Reading, fact: Reading): boolean {
  const deed = mainVerb(claim);
  if (!deed) return false;
  const uses = usesOf(fact, deed);
  const negated = [...fact.frames].filter(([, fs]) => fs.some((f) => f.negated));
  return (
    uses.length > 0 &&
    uses.every((f) => !f.negated) &&
    negated.length > 0 &&
    negated.every(([verb]) => NEG_RAISING.has(verb))
  );
}

/** The claim's first verb that tells a deed ("simplified" in "they have simplified visa procedures"). */
function mainVerb(claim: Reading): string | undefined {
  return [...claim.frames.keys()].find((v) => !NOT_THE_DEED.has(v));
}

/**
 * For a verb both use, the parties the other way round ("Pakistan lifted its embargo on
 * Russia" against "Russia lifted its embargo on Pakistan"); the agent acting for the side
 * the claim sets it against ("Russia backed Pakistan against India" against "the USSR
 * backed India"); or, for the very same deed, another agent that the claim does not name
 * ("the Soviet Union imposed the 1965 embargoes" against "the United States imposed them").
 * A fact about another buyer or partner is no conflict: it does not exclude the claim.
 */
function roleConflict(
  claim: Reading,
  fact: Reading,
  sameDeed: boolean,
  partyName: (p: string) => string,
): string | null {
  const name = (p: string) => (p.startsWith(NOUN_AGENT) ? `“${p.slice(NOUN_AGENT.length)}…”` : partyName(p));
  for (const [verb, claimUses] of claim.frames) {
    const factUses = usesOf(fact, verb);
    for (const c of claimUses) {
      for (const f of factUses) {
        if (c.agent && c.patient && c.agent !== c.patient && f.agent === c.patient && f.patient === c.agent) {
          return `sources have ${name(c.agent)} and ${name(c.patient)} the other way round`;
        }
        // The claim's doer is who the deed was done to, by a party the claim names too:
        // "Pakistan lifted an embargo it had imposed on Russia" against "Russia lifted an embargo on Pakistan".
        if (
          c.agent &&
          !c.patient &&
          f.patient === c.agent &&
          f.agent &&
          f.agent !== c.agent &&
          claim.parties.has(f.agent)
        ) {
          return `sources have ${name(f.agent)} and ${name(c.agent)} the other way round`;
        }
        if (c.agent && c.agent === f.agent && f.patient && f.patient !== c.patient) {
          // The same agent's deed on the side the claim sets against it, or on the party the
          // claim gives to another agent: "the US backed India while the Soviets backed Pakistan".
          const elsewhere = claimUses.some((o) => o !== c && o.patient === f.patient && o.agent !== c.agent);
          if (c.opposed.includes(f.patient) || elsewhere)
            return `sources have ${name(c.agent)} with ${name(f.patient)}`;
        }
        // The same deed done with another partner the claim does not name: "with Russia" against "with China".
        if (
          c.partner &&
          f.partner &&
          c.partner !== f.partner &&
          (!c.agent || c.agent === f.agent) &&
          !fact.parties.has(c.partner)
        ) {
          return `sources have it done with ${name(f.partner)}, not ${name(c.partner)}`;
        }
        if (sameDeed && otherDoer(c, f, fact)) return `sources name ${name(f.agent!)}, not ${name(c.agent!)}`;
        // The very same deed done to the claim's doer, which does it nowhere in the fact, by no one
        // named or by one the claim names: "Dow took over Union Carbide" against "Union Carbide took over Dow".
        if (sameDeed && receivedBy(c, f, factUses, claim)) return `sources have it done to ${name(c.agent!)}`;
      }
    }
  }
  // The same deed with the sides it passes between the other way round: "Russia buys engines
  // from Pakistan" against "Pakistan buys engines from Russia".
  const from = [...claim.origins].find((o) => fact.parties.has(o) && !fact.origins.has(o));
  for (const [verb, uses] of claim.frames)
    for (const c of uses)
      if (from && c.agent && fact.origins.has(c.agent) && usesOf(fact, verb).length)
        return `sources have ${name(c.agent)} and ${name(from)} the other way round`;
  // The very same deed told with other verbs ("warned" and "told"): the main parties the other way round.
  const main = (r: Reading) => [...r.frames.values()].flat().find((f) => f.agent && f.patient && f.agent !== f.patient);
  const c = main(claim);
  const f = main(fact);
  if (sameDeed && c && f && c.agent === f.patient && c.patient === f.agent)
    return `sources have ${name(c.agent!)} and ${name(c.patient!)} the other way round`;
  return null;
}

/**
 * The fact's use `f` of the claim's verb does to the claim's doer what the claim has it do, by
 * no one named or by a party or name the claim gives, and the claim's doer does it nowhere
 * there: a party the claim does not name doing it may be someone else's deed (see roleConflict).
 */
function receivedBy(c: Frame, f: Frame, uses: readonly Frame[], claim: Reading): boolean {
  if (!c.agent || c.agent.startsWith(NOUN_AGENT) || c.patient || f.patient !== c.agent || f.negated) return false;
  const doer =
    f.agent === null ||
    claim.parties.has(f.agent) ||
    (f.agent.startsWith(NOUN_AGENT) && claim.terms.includes(f.agent.slice(NOUN_AGENT.length)));
  return doer && !uses.some((u) => u.agent === c.agent);
}

/**
 * A claim that says who did what to whom is stated only by a fact that says it the same way
 * round: a use of the same verb (or one WordNet relates) with the same agent or the same
 * patient, or, where the fact says it with other words, the claim's agent named before its
 * patient, as English puts the doer first.
 */
/**
 * A party the claim names that the fact does not, with another in its place: the fact is
 * about another party's deed ("in support of India" against "in support of Pakistan"). A
 * party the claim names alone is not named by a pair ("a Pakistani analyst" is not in
 * "Russia-Pakistan ties").
 */
function anotherParty(claim: Reading, fact: Reading): boolean {
  const absent = [...claim.parties].some(
    (p) => !(claim.order.includes(p) ? fact.order : [...fact.parties]).includes(p) && !byItsNoun(p, fact),
  );
  return absent && [...fact.parties].some((p) => !claim.parties.has(p));
}

/**
 * The fact names the party by the common noun in its name, as a source does once it has
 * named it ("the hurricane" for Hurricane Maria, "the court" for the Supreme Court), where
 * no other party it names has that noun in its name.
 */
function byItsNoun(party: string, fact: Reading): boolean {
  const lexicon = Lexicon.shared();
  const nouns = party.split(' ').filter((w) => lexicon.partsOfSpeech(w).startsWith('n'));
  return nouns.some(
    (w) => fact.terms.includes(stem(w)) && ![...fact.parties].some((q) => q !== party && q.split(' ').includes(w)),
  );
}

/**
 * The fact tells another party's deed (see anotherParty), unless the claim's doer is in it and
 * the fact's other parties act beside it, in no one's place: "The Soviet Union and the United
 * States backed opposite sides in 1971" still tells the Soviet Union's deed of 1971.
 */
function anotherDoer(claim: Reading, fact: Reading): boolean {
  if (!anotherParty(claim, fact)) return false;
  const agents = (r: Reading) =>
    [...r.frames.values()].flatMap((uses) =>
      uses.flatMap((u) => (u.agent && !u.agent.startsWith(NOUN_AGENT) ? [u.agent] : [])),
    );
  const doers = agents(claim);
  if (doers.length === 0 || doers.some((d) => !fact.parties.has(d))) return true;
  const beside = agents(fact);
  return [...fact.parties].some((p) => !claim.parties.has(p) && !beside.includes(p));
}

function rolesConfirmed(claim: Reading, fact: Reading): boolean {
  if (anotherParty(claim, fact)) return false;
  // Where it happened is part of what happened: "signed in Moscow" needs a source that puts
  // it there, in the sentence that tells the deed where one does ("went to Islamabad and
  // signed …" beside "came to Moscow" puts the signing in Islamabad).
  const deed = mainVerb(claim);
  const telling = fact.whereabouts.filter((s) => deed && s.verbs.has(deed));
  const where = telling.length ? telling : fact.whereabouts;
  if ([...claim.places].some((p) => !where.some((s) => s.places.has(p)))) return false;
  if (fromTheOtherSide(claim, fact)) return false;
  for (const [verb, uses] of claim.frames) {
    for (const c of uses) {
      // The same deed done by another party, the claim's doer doing none of it: "Pakistan lifted" against "Russia lifted".
      const doers = usesOf(fact, verb).flatMap((f) => (f.agent && !f.agent.startsWith(NOUN_AGENT) ? [f.agent] : []));
      if (c.agent && !c.agent.startsWith(NOUN_AGENT) && doers.length && !doers.includes(c.agent)) return false;
      // The claim's doer only on the receiving end of its main deed: "Dow took over Union Carbide" against "Union Carbide took over Dow".
      const receives = usesOf(fact, verb).some((f) => f.patient === c.agent);
      if (verb === deed && c.agent && !doers.includes(c.agent) && receives) return false;
      // Done with a partner ("builds the JF-17 together with Russia"): a deed the fact tells of
      // neither the claim's doer nor its partner ("its domestically manufactured JF-17") does not say so.
      const partnered = (f: Frame) => [f.partner, f.agent, f.patient].includes(c.partner) || f.agent === c.agent;
      const told = usesOf(fact, verb);
      if (c.partner && told.length && !told.some(partnered)) return false;
      if (!c.agent || !c.patient || c.agent.startsWith(NOUN_AGENT) || c.agent === c.patient) continue;
      const same = usesOf(fact, verb);
      if (same.some((f) => f.agent === c.agent || f.patient === c.patient)) continue;
      const agentAt = fact.order.indexOf(c.agent);
      const patientAt = fact.order.indexOf(c.patient);
      if (agentAt < 0 || patientAt < 0 || agentAt > patientAt) return false;
    }
  }
  return true;
}

/**
 * The fact says it with a negation: in its first sentence, or by the very verb the claim
 * negates, negated as there, in any of its sentences ("… However, Liaquat cancelled the Moscow
 * visit" in a passage that opens on something else).
 */
function negatedAsClaim(claim: Reading, fact: Reading): boolean {
  return (
    fact.negated ||
    [...claim.frames].some(([verb, uses]) => uses.some((u) => u.negated) && usesOf(fact, verb).some((f) => f.negated))
  );
}

/**
 * The side the claim has something come from ("buys engines from Pakistan") is the one that
 * acts in the fact, with the claim's doer only its partner ("with Russia"), and the claim's doer does
 * nothing there ("Pakistan closed a deal with Russia to import engines"): the fact tells the
 * deed from the other side, whatever its verb.
 */
function fromTheOtherSide(claim: Reading, fact: Reading): boolean {
  const uses = [...fact.frames.values()].flat();
  return [...claim.frames.values()]
    .flat()
    .some(
      (c) =>
        c.agent &&
        !c.agent.startsWith(NOUN_AGENT) &&
        [...claim.origins].some(
          (from) =>
            from !== c.agent &&
            uses.some((f) => f.agent === from && f.partner === c.agent) &&
            !uses.some((f) => f.agent === c.agent),
        ),
    );
}

/** One says it happened and the other that it did not, with the same verb. */
function polarityConflict(claim: Reading, fact: Reading): string | null {
  for (const [verb, claimUses] of claim.frames) {
    const factUses: Frame[] = usesOf(fact, verb);
    if (!factUses.length) continue;
    const claimNegated = claimUses.some((u) => u.negated);
    if (factUses.some((u) => u.negated) !== claimNegated)
      return claimNegated ? 'sources say it did happen' : 'sources say it did not happen';
  }
  return null;
}

interface FigureComparison {
  outcome: 'agree' | 'conflict' | 'missing' | 'none';
  detail: string;
}
const NO_FIGURES: FigureComparison = { outcome: 'none', detail: '' };

/**
 * The claim's figures against the fact's like figures: a year against the year of the same
 * event (the clause that shares the claim's words), a share or an amount against the same
 * party's, a count against a count of the same things.
 */
function compareFigures(claim: Reading, fact: Reading): FigureComparison {
  // (years are compared only within the same event: see closestEvent)
  let agreed: ReadFigure | null = null;
  let missing: ReadFigure | null = null;
  // The claim's other figures that the fact gives too ("74%" and "26%") say it tells the same event.
  const alsoGiven = claim.figures.filter(
    (c) => c.kind !== 'year' && fact.figures.some((f) => f.kind === c.kind && overlaps(c, f)),
  ).length;
  for (const c of claim.figures) {
    const like = fact.figures.filter((f) => f.kind === c.kind && comparable(c, f));
    // A year the source gives for the same event first; failing one, the curator's date for the fact.
    const event = (among: readonly ReadFigure[]) =>
      closestEvent(c, among, fact.terms, claim.terms, verbsLike(claim), alsoGiven);
    const given = event(like.filter((f) => !f.noted));
    const sameEvent = c.kind !== 'year' ? like : given.length ? given : event(like.filter((f) => f.noted));
    const sameParty = c.party ? sameEvent.filter((f) => !f.party || f.party === c.party) : sameEvent;
    if (sameParty.length === 0) {
      // Shares swapped between the parties: the claim's figure is the other party's.
      const other = c.party ? sameEvent.find((f) => f.party && f.party !== c.party && overlaps(c, f)) : undefined;
      if (other) return { outcome: 'conflict', detail: `${other.text} is ${other.party}'s, not ${c.party}'s` };
      missing ??= c;
      continue;
    }
    if (sameParty.some((f) => overlaps(c, f))) {
      // An open-ended figure ("more than 46 times") allows the claim's ("more than 70 times") without
      // giving it; so does a range ("$2-2.5 billion") the claim's exact figure ("$2 billion") is in.
      if (sameParty.some((f) => overlaps(c, f) && (within(f, c) || (bounded(f) && !ranged(f))))) agreed ??= c;
      else missing ??= c;
      continue;
    }
    // A curator's date that differs is not the source saying otherwise: the year is not given.
    if (sameParty.every((f) => f.noted)) {
      missing ??= c;
      continue;
    }
    return {
      outcome: 'conflict',
      detail: `sources give ${[...new Set(sameParty.map((f) => f.text))].join(' or ')}, not ${c.text}`,
    };
  }
  if (missing)
    return {
      outcome: 'missing',
      detail:
        missing.kind === 'year'
          ? 'the year'
          : missing.kind === 'rank'
            ? `the rank (“${missing.text}”)`
            : `the figure (${missing.text})`,
    };
  return agreed ? { outcome: 'agree', detail: agreed.text } : { outcome: 'none', detail: '' };
}

const bounded = (f: ReadFigure): boolean => f.low > 0 && f.high < Infinity;
/** A figure given as a range, from one number to another ("$2-2.5 billion", "between 10 and 20"). */
const ranged = (f: ReadFigure): boolean => /\d\s*(?:-|to|and)\s*\D{0,3}\d/.test(f.text);
/** Every value `inner` allows, `outer` allows too. */
const within = (inner: ReadFigure, outer: ReadFigure): boolean => inner.low >= outer.low && inner.high <= outer.high;

/**
 * The years of the event the claim's year is about: those whose clause shares the most of the
 * claim's words ("in 2014 Russia lifted an embargo" over "in 1965 the US imposed embargoes"
 * for a claim about lifting one). None when no clause shares enough.
 */
function closestEvent(
  c: ReadFigure,
  like: readonly ReadFigure[],
  factTerms: readonly string[],
  claimTerms: readonly string[],
  claimVerbs: readonly string[],
  alsoGiven: number,
): ReadFigure[] {
  // A year nearly alone in its clause ("In August 1971, …", "…, in 2014") belongs to the sentence around it;
  // the claim's verbs count in other words too ("backed" for "supported").
  // So does a year whose clause only says the event happened ("…, called Druzhba, took place in 2016").
  const telling = c.clause.filter((t) => !HAPPENED.has(t));
  const words = telling.length >= SAME_CLAUSE ? c.clause : claimTerms;
  // A clause's nouns count in related words too ("arms" for "weapons").
  const lexicon = Lexicon.shared();
  const noun = (w: string) => lexicon.partsOfSpeech(w).startsWith('n');
  const related = words.filter(noun).flatMap((t) => lexicon.related(t).filter(noun).map(stem));
  const own = [...words, ...related, ...claimVerbs];
  const shared = (f: ReadFigure) =>
    alsoGiven + (f.clause.length >= SAME_CLAUSE ? f.clause : factTerms).filter((t) => own.includes(t)).length;
  const best = Math.max(0, ...like.map(shared));
  // One shared word ("war") does not make two years the years of one event.
  return best < SAME_CLAUSE ? [] : like.filter((f) => shared(f) === best);
}

/**
 * The stems of verbs that mean what the claim's verbs mean ("support" for "back", "pull" of
 * "pulled out" for "withdraw"): the same event in other words.
 */
function verbsLike(claim: Reading): string[] {
  const lexicon = Lexicon.shared();
  return [...claim.frames.keys()].flatMap((v) =>
    [...lexicon.synonymVerbs(v), ...lexicon.related(v), ...lexicon.phrasalHeads(v)].map(stem),
  );
}

/** Stems of the words that say only that an event happened: "took place", "happened", "was held". */
const HAPPENED = new Set(['take', 'place', 'happen', 'occur', 'hold', 'held']);

/** Words a fact's clause must share with the claim's for its year to be the same event's. */
const SAME_CLAUSE = 2;

/**
 * Counts are compared only when they count the same things, money only in one currency, and
 * ranks only by the same measure ("largest" and "biggest", not "highest") of the same things.
 */
export function comparable(a: ReadFigure, b: ReadFigure): boolean {
  if (a.kind === 'money') return a.currency === b.currency;
  if (
    a.kind === 'rank' &&
    a.adjective !== b.adjective &&
    !Lexicon.shared().synonymAdjectives(a.adjective!).includes(b.adjective!)
  )
    return false;
  if (a.kind !== 'count' && a.kind !== 'rank') return true;
  const an = new Set(a.nounTerms ?? []);
  // Two bare numbers ("at about 1,052") count the same unnamed thing.
  const bare = !a.nounTerms?.length && !b.nounTerms?.length;
  return (
    (b.nounTerms ?? []).some((t) => an.has(t)) ||
    bare ||
    (a.kind === 'rank' && !(a.nounTerms?.length && b.nounTerms?.length))
  );
}

/**
 * The verdict from the weighed evidence. Where the facts that state the claim are one side of
 * a known disagreement whose other side speaks to the same event, or where some reports
 * state it and others exclude it, the claim is disputed.
 */
export function rule(
  evidence: readonly Evidence[],
  disputes: DisputeIndex,
  aboutPoint: (topic: Topic) => boolean,
): Ruling {
  const states = evidence.filter((e) => e.bearing === 'states');
  const excludes = evidence.filter((e) => e.bearing === 'excludes');
  const onEvent = evidence.filter((e) => e.bearing !== 'silent');

  const disputed = disputeOf(states, onEvent, disputes, aboutPoint);
  if (disputed) return { verdict: 'disputed', basis: disputed.basis, why: disputed.summary };
  if (states.length && excludes.length)
    return {
      verdict: 'disputed',
      basis: [...states, ...excludes],
      why: 'some sources state it and others say otherwise',
    };
  if (states.length) return { verdict: 'supported', basis: states, why: states[0]!.detail };
  // Two reports that each give the rest: one who did it to whom, the other the year or figure.
  const byRoles = excludes.length ? undefined : evidence.find((e) => e.gap === 'figure');
  const byFigure = excludes.length ? undefined : evidence.find((e) => e.gap === 'roles');
  if (byRoles && byFigure && !(byRoles.undated && byFigure.undated))
    return { verdict: 'supported', basis: [byRoles, byFigure], why: 'the sources state it between them' };
  if (excludes.length) {
    // The reason names one conflict; it cites the facts that show that conflict.
    const why = excludes[0]!.detail;
    return { verdict: 'contradicted', basis: excludes.filter((e) => e.detail === why), why };
  }
  const proposes = evidence.filter((e) => e.bearing === 'proposes');
  // Nothing states or excludes it, but the claim takes one side of a known disagreement, given
  // by an opinion or a forum member: disputed, so that the other side is shown too.
  const held = proposes.filter((e) => e.hit.fact.kind === 'opinion' || e.hit.fact.kind === 'forum_claim');
  const side = disputeOf(held, onEvent, disputes, aboutPoint);
  if (side) return { verdict: 'disputed', basis: side.basis, why: side.summary };
  if (proposes.length) return { verdict: 'unverified', basis: proposes, why: proposes[0]!.detail };
  const lacks = evidence.filter((e) => e.bearing === 'lacks');
  if (lacks.length) return { verdict: 'unverified', basis: lacks, why: lacks[0]!.detail };
  return { verdict: 'unverified', basis: [], why: 'the sources touch on this subject but do not state the claim' };
}

/**
 * A known disagreement that a deciding fact is one side of, when it is about the claim's
 * point: another side speaks to the same event, or the disagreement's own words are the
 * claim's (`aboutPoint`). A fact in a disagreement about the pipeline's cost does not make a
 * claim about its shares disputed.
 */
function disputeOf(
  deciding: readonly Evidence[],
  onEvent: readonly Evidence[],
  disputes: DisputeIndex,
  aboutPoint: (topic: Topic) => boolean,
): { summary: string; basis: Evidence[] } | undefined {
  for (const e of deciding) {
    for (const topic of disputes.of(e.hit.fact.id)) {
      const positions = topic.disagreement!.positions;
      // A passage holds a side where a curated fact whose quote it holds stands.
      const holds = (p: (typeof positions)[number], id: string) =>
        p.facts.includes(id) || disputes.sameAs(id).some((f) => p.facts.includes(f));
      const mine = positions.find((p) => holds(p, e.hit.fact.id));
      const others = onEvent.filter((x) => positions.some((p) => p !== mine && holds(p, x.hit.fact.id)));
      if (others.length || aboutPoint(topic)) return { summary: topic.disagreement!.summary, basis: [e, ...others] };
    }
  }
  return undefined;
}
