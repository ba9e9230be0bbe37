/**
 * Reads a claim, or the sentence a fact states, into what a verdict compares: who did what
 * to whom (the party before each verb and the party after it), the
 * figures with the party and the part of the sentence each belongs to, whether it says the
 * thing did not happen, and whether it only proposes, predicts or hopes.
 *
 *   const reader = new ClaimReader(pack.meta.parties, pack.meta.negations);
 *   reader.read('Pakistan lifted its arms embargo on Russia in 2014.');
 *   // frames: lift → [{ agent: pakistan, patient: russia }]; figures: [2014, in the clause "lift arm embargo"]
 */
import { isAliasKey } from './analyzer.js';
import { opensWithCommand } from './commands.js';
import { THAT_YEAR } from './passage-facts.js';
import { negatingPhrase } from './phrasal-negation.js';
import { datesIn, datesNoted, figures, type DayOfYear, type Figure } from './figures.js';
import { judges } from './judgements.js';
import { KeptWork } from './kept-work.js';
import { Lexicon } from './lexicon.js';
import { ranks } from './ranks.js';
import { salience } from './salience.js';
import { afterAbbreviation } from '../knowledge/sentences.js';
import { escapeRegExp } from '../knowledge/text.js';
import { canonical, STOP_WORDS, stem, words } from './tokens.js';

/**
 * A verb's uses in a reading under this verb or one WordNet relates to it ("back" and
 * "support"), or one that tells the same deed ("build" and "manufacture", see Lexicon.sameDeed).
 */
export function usesOf(reading: Reading, verb: string): Frame[] {
  const lexicon = Lexicon.shared();
  const related = lexicon.related(verb);
  return [...reading.frames]
    .filter(([v]) => stem(v) === stem(verb) || related.includes(v) || lexicon.sameDeed(verb, v))
    .flatMap(([, fs]) => fs);
}

export type ReadFigure = Figure & {
  /** The party the figure is said of, for shares and amounts ("26% for Pakistan"). */
  party?: string;
  /** The content words of the clause the figure stands in: which event a year is the year of. */
  clause: string[];
  /** For counts: the terms of what is counted. */
  nounTerms?: string[];
  /** A year from a fact's date field rather than from its words. */
  noted?: boolean;
};

export type ReadDate = DayOfYear & {
  /** The content words of the clause the date stands in: which event it dates. */
  clause: string[];
  /** From a fact's date field rather than from its words. */
  noted?: boolean;
};

/** Who stands on either side of one verb: "Russia lifted its embargo on Pakistan". */
export interface Frame {
  /** A negation stands before the verb in its clause ("never lifted", "did not lift"), or the verb is one ("denied"). */
  negated: boolean;
  /** The party just before the verb (or after "by", for a passive): who did it. */
  agent: string | null;
  /** The party just after the verb: to whom, or on whom, it was done. */
  patient: string | null;
  /** The party the agent does it with ("manufactures the JF-17 with China"). */
  partner: string | null;
  /** Parties the verb's clause sets against the agent ("in the 1971 war against India"). */
  opposed: string[];
}

export interface Whereabouts {
  places: Set<string>;
  verbs: Set<string>;
}

export interface Reading {
  figures: ReadFigure[];
  /** The days and months given ("on March 3", "in June"), each with the words of its clause (see claim-dates.ts). */
  dates: ReadDate[];
  /** The verbs (base forms), each with who stands on either side of it at each use, in order. */
  frames: Map<string, Frame[]>;
  /** Every party named. */
  parties: Set<string>;
  /** Parties named as where something happened ("signed in Moscow"): a fact that states the claim must put it there too. */
  places: Set<string>;
  /** Parties named as where something came from ("buys engines from Russia"): the side that gives. */
  origins: Set<string>;
  /**
   * Sentence by sentence, the parties named after a preposition of place or going, where
   * something happened or went ("to Moscow", "in Pakistan"), with the verbs of that sentence.
   */
  whereabouts: Whereabouts[];
  /** The parties in the order they are first named. */
  order: string[];
  /** A negation stands anywhere in the text ("has no interest in"). */
  negated: boolean;
  /** The sentence proposes, recommends, predicts, hopes or speculates: it says nothing happened. */
  modal: boolean;
  /**
   * Each text read (a fact's statement, then its quote), sentence by sentence: its terms,
   * whether it only plans or proposes, and the verbs it tells as done before any such words.
   */
  plans: { terms: string[]; modal: boolean; done: string[] }[][];
  /** The sentence judges something the best or the worst: a view, whoever holds it (see judgements.ts). */
  judgement: boolean;
  /** The sentence gives someone's words, not the source's own: mostly a direct quotation, or what someone warned, alleged or believes. */
  reported: boolean;
  /** Content stems, parties and figures aside: what the claim is about. */
  terms: string[];
  /** The words those terms are read from, as written in lower case: what WordNet is asked about them. */
  words: string[];
  /** The names among them ("karachi", "tajikistan"), each as the terms that may stand for it (an alias's key too): a fact that states the claim must name them. */
  names: string[][];
  /**
   * A name's stem → the name or party written right after it, the name it is the first of
   * ("vladimir" → the party "Putin" stands for; "ricardo" → "rossello"): a source that names
   * the person again by that alone names them.
   */
  firstNames: Map<string, string>;
}

/** How far (in words) a party may stand from its verb and still be its agent or patient. */
const FRAME_REACH = 6;
const AUXILIARIES = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
  'will',
  'would',
  'can',
  'could',
  'shall',
  'should',
  'may',
  'might',
  'must',
]);

/**
 * Words that make a sentence a proposal, a prediction, a wish or a guess rather than a
 * report that something happened. Grammar, not vocabulary: the same in any pack.
 */
const MODAL = new RegExp(
  [
    String.raw`\b(?:should|ought to|could|might|would|must|shall)\b`,
    // Not the month: "in May 2011", "12 May", "since May".
    String.raw`\bmay\b(?!\s*\d)(?<!(?:\d|\bin|\bof|\bsince|\buntil|\bby|\bfrom|\bearly|\blate|\bmid|\blast|\bnext|\bthis|\bbetween|\band|\bto)[\s-]+may)`,
    String.raw`\bwill (?!be remembered)\w+`,
    String.raw`\b(?:propos|recommend|suggest|urg|advis|advocat)\w*`,
    String.raw`\bconsider(?:s|ed|ing)? (?:\w+ing|the|a|an|whether)\b`,
    // As verbs only: "Putin's wish to …", "the plan to …" name a wish someone conveyed, which may well have been done.
    String.raw`(?<!(?:'s|\bthe|\ba|\bhis|\bher|\bits|\btheir)\s+"?)\b(?:plann?|aim|hop|intend|want|wish|seek|expect|prepar|mull|explor|ponder|envisag|eye|consider)(?:e|es|s|ed|ing)? (?:to|a|an|the|possible|new)\b`,
    String.raw`\b(?:interested|interest|keen|eager|ready|willing|likely|unlikely|set|poised|expected|supposed) (?:to|in|on)\b`,
    String.raw`\b(?:possib|potential|prospect|perhaps|maybe|probabl|speculat|rumou?r|reportedly|allegedly|could be)\w*`,
    String.raw`\b(?:talks?|negotiations?|discussions?) (?:on|about|over|for)\b`,
    String.raw`\b(?:being|is|are|was|were)(?: (?:also|still|now|currently|already|being))? (?:discussed|considered|negotiated|explored|studied|planned|proposed|mooted|envisaged)\b`,
    String.raw`\bunder (?:discussion|consideration|negotiation|study|review)\b`,
    // A timetable is a plan: "was scheduled to visit", "slated for 2020", "talks to be held in May".
    String.raw`\b(?:scheduled|slated)\s+(?:to|for)\b|\bto be held\b`,
    String.raw`\bin (?:the )?(?:pipeline|works|talks)\b`,
    String.raw`\bif\b`,
  ].join('|'),
);

/**
 * Words that say something did not happen, in any pack: grammar, not vocabulary. A pack may
 * add its own in pack.yaml (`negations`).
 */
export const ENGLISH_NEGATIONS = [
  'not',
  'no',
  'never',
  'none',
  'nor',
  'neither',
  'nobody',
  'nothing',
  "n't",
  'deny',
  'denies',
  'denied',
  'refuse',
  'refused',
  'refuses',
  'reject',
  'rejected',
  'rejects',
  'cancel',
  'cancelled',
  'canceled',
  'cancels',
  // "failed to prepare them", "unable to classify": the deed not done.
  'fail',
  'failed',
  'fails',
  'unable',
];

/** How many facts' readings a reader keeps: a few hundred questions' worth of hits. */
const FACT_READINGS_KEPT = 2000;

/** Reads claims and facts with the pack's party and negation words. */
export class ClaimReader {
  private readonly partyWords: { party: string; re: RegExp }[];
  private readonly negation: RegExp;
  /** Proper names by their first word, so a text is only searched for names it may hold. */
  private readonly namesByWord = new Map<string, { name: string; order: number }[]>();
  /** The last facts read: the same facts bear on many claims (see readFact). */
  private readonly factReadings = new KeptWork<string, Reading>(FACT_READINGS_KEPT);

  constructor(
    parties: Record<string, string[]>,
    negations: string[],
    properNames: string[] = [],
    /** Terms of a phrase, aliases included, so "kilometres" and "km" count the same things. */
    private readonly termsOf: (text: string) => string[] = (text) =>
      words(text)
        .filter((w) => !STOP_WORDS.has(w))
        .map(stem),
  ) {
    this.partyWords = Object.entries(parties).map(([party, ws]) => ({
      party,
      // Longest first, so "soviet union" is one mention, not "soviet" and a stray "union".
      re: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${[...ws]
          .map((w) => canonical(w))
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|')})(?![\\p{L}\\p{N}])`,
        'gu',
      ),
    }));
    const negating = [...new Set([...ENGLISH_NEGATIONS, ...negations])];
    this.negation = new RegExp(`(?<![\\p{L}])(?:${negating.map((w) => escapeRegExp(w)).join('|')})(?![\\p{L}])`, 'u');
    properNames.forEach((name, order) => {
      const first = name.split(' ')[0]!;
      this.namesByWord.set(first, [...(this.namesByWord.get(first) ?? []), { name, order }]);
    });
  }

  /**
   * A fact's reading: its statement without the attribution ("According to Butt (2019), …",
   * whose year is the source's, not the event's), with the years its quote gives too ("During
   * that year" is the curator's "in 2014").
   */
  readFact(fact: { statement: string; quote: string; date?: string | undefined }): Reading {
    // A reading depends on these three texts alone; the one kept is shared, never changed.
    return this.factReadings.get(`${fact.statement}\0${fact.quote}\0${fact.date ?? ''}`, () => this.readAnew(fact));
  }

  private readAnew(fact: { statement: string; quote: string; date?: string | undefined }): Reading {
    const body = this.read(withoutAttribution(fact.statement));
    const quoted = this.read(fact.quote);
    // The fact's date field is a curator's note, not the source's words: it can confirm a year
    // the claim gives, never contradict one (see verdict.ts).
    const noted = this.read(fact.date ?? '').figures.map((f) => ({ ...f, noted: true }));
    return {
      ...body,
      figures: [
        ...body.figures,
        ...quoted.figures.filter((f) => f.kind === 'year' && !body.figures.some((b) => b.text === f.text)),
        ...noted,
      ],
      // A curator's date field may confirm the day or month a claim gives, never contradict it.
      dates: [
        ...body.dates,
        ...quoted.dates.filter((d) => !body.dates.some((b) => b.text === d.text)),
        ...datesNoted(fact.date ?? '').map((d) => ({ ...d, clause: [], noted: true })),
      ],
      modal: body.modal || quoted.modal,
      plans: [...body.plans, ...quoted.plans],
      // The quote is the source's own text: a passage's statement wraps all of it in quotation marks.
      reported: quoted.reported,
      terms: [...new Set([...body.terms, ...quoted.terms, ...acronyms(`${fact.statement} ${fact.quote}`)])],
    };
  }

  read(text: string): Reading {
    // Names like "Pakistan Stream" contain a party's name but are not that party.
    const full = canonical(text);
    let plain = full;
    const names = [...new Set(plain.split(/[^\p{L}\p{N}]+/u).flatMap((w) => this.namesByWord.get(w) ?? []))];
    for (const { name } of names.sort((a, b) => a.order - b.order))
      plain = plain.split(name).join(' '.repeat(name.length));

    const found: Mention[] = [];
    for (const { party, re } of this.partyWords)
      for (const m of plain.matchAll(re)) found.push({ party, at: m.index!, end: m.index! + m[0].length });
    const mentions = outermost(found).sort((a, b) => a.at - b.at);

    // What the claim is about keeps its names ("Pakistan Stream"); only the parties go.
    const partyFree = mentions.reduceRight(
      (t, m) => t.slice(0, m.at) + ' '.repeat(m.end - m.at) + t.slice(m.end),
      full,
    );
    const clauses = clauseSpans(plain);
    // A clause's own words, its parties aside: two clauses naming India share no event for it.
    const clauseAt = (at: number) => {
      const span = clauses.find(([a, b]) => at >= a && at < b) ?? [0, plain.length];
      return this.termsOf(withoutNumbers(partyFree.slice(span[0], span[1]))).filter((t) => !isAliasKey(t));
    };
    const figs = [...figures(plain), ...ranks(plain), ...yearsPointedBack(plain)].map((f): ReadFigure => {
      const clause = clauseAt(f.at);
      const party = f.kind === 'percent' || f.kind === 'money' ? ownerOf(plain, f, mentions) : undefined;
      return {
        ...f,
        clause,
        ...(party ? { party } : {}),
        ...(f.kind === 'count' || f.kind === 'rank' ? { nounTerms: this.termsOf(f.noun ?? '') } : {}),
        ...(f.kind === 'count' ? inBaseUnit(f) : {}),
      };
    });
    // A passage may join a second sentence to its first ("It should be no surprise then…"); the first tells what happened.
    // (Names are not blanked in it: a party's name holds no negation.)
    const first = withoutBounds(canonical(firstSentence(text)));
    // What the claim is about, in its words: parties and figures aside.
    const content = withoutNumbers(partyFree);
    const contentWords = words(content);
    const capitalised = capitalisedNames(text);
    // A quote that opens in lower case is cut from a sentence: its first word opens no command.
    const whole = !/^[\s"'“‘]*\p{Ll}/u.test(text);
    return {
      figures: figs,
      dates: datesIn(plain).map((d) => ({ ...d, clause: clauseAt(d.at) })),
      frames: readFrames(withoutBounds(plain), mentions, this.negation),
      parties: new Set(mentions.map((m) => m.party)),
      places: placesAfter(plain, mentions, PLACE_OF_EVENT),
      origins: placesAfter(plain, mentions, ORIGIN),
      whereabouts: sentenceSpans(plain).map(([from, to]) => ({
        places: placesAfter(
          plain,
          mentions.filter((m) => m.at >= from && m.at < to),
          PLACE_OR_GOING,
          EVENT_AFTER_PLACE,
        ),
        verbs: new Set(words(plain.slice(from, to)).flatMap((w) => verbOf(w) ?? [])),
      })),
      order: orderOf(plain, mentions),
      modal: MODAL.test(first) || (whole && opensWithCommand(first)),
      plans: [
        sentenceSpans(plain).map(([from, to]) => ({
          terms: this.termsOf(withoutNumbers(partyFree.slice(from, to))),
          modal: MODAL.test(full.slice(from, to)) || ((whole || from > 0) && opensWithCommand(full.slice(from, to))),
          done: toldBeforePlans(full.slice(from, to)),
        })),
      ],
      negated: this.negation.test(first) || /n't\b/.test(first) || negatesByPhrase(first, this.negation),
      reported: reportedSpeech(text),
      judgement: judges(text),
      terms: this.termsOf(content),
      words: contentWords.filter((w) => !STOP_WORDS.has(w)),
      names: contentWords.filter((w) => isName(w, capitalised)).map((w) => [stem(w), ...this.termsOf(w)]),
      firstNames: firstNames(full, mentions, capitalised, titled(text)),
    };
  }
}

/** A bound on a figure, not a negation: "no more than 375,000", "no later than 2020". */
const BOUND = /\bno (?:more|fewer|less|later|earlier|sooner) than\b/g;

/** The text with its bounds blanked out, each place kept: what is left says whether something did not happen. */
const withoutBounds = (text: string): string => text.replace(BOUND, (m) => ' '.repeat(m.length));

/** A phrasal verb in the sentence means a verb of negation ("called off the visit"): see negatingPhrase. */
function negatesByPhrase(sentence: string, negation: RegExp): boolean {
  const ws = words(sentence);
  return ws.some((_, i) => negatingPhrase(ws, i, negation) !== undefined);
}

/** A word the text gives as a name: one salience knows as a name, or written with a capital English lacks. */
const isName = (word: string, capitalised: ReadonlySet<string>): boolean =>
  !STOP_WORDS.has(word) && (salience(word) === 'name' || capitalised.has(word));

/**
 * See Reading.firstNames, in the text with the parties named (`mentions` are where). After a
 * name, a word written with a capital inside a sentence is the rest of it, though English
 * knows the word too ("Imran Khan", "Bill Clinton").
 */
function firstNames(
  text: string,
  mentions: readonly Mention[],
  capitalised: ReadonlySet<string>,
  titledWords: ReadonlySet<string>,
): Map<string, string> {
  const out = new Map<string, string>();
  const inParty = (at: number) => mentions.some((p) => at >= p.at && at < p.end);
  for (const m of text.matchAll(/\p{L}+/gu)) {
    if (inParty(m.index) || !isName(m[0], capitalised)) continue;
    const after = m.index + m[0].length;
    const next = after + (/^ +/.exec(text.slice(after))?.[0].length ?? 0);
    const party = mentions.find((p) => p.at === next)?.party;
    const word = party ? undefined : /^\p{L}+/u.exec(text.slice(next))?.[0];
    const last = party ?? (word && (isName(word, capitalised) || titledWords.has(word)) ? stem(word) : undefined);
    if (last) out.set(stem(m[0]), last);
  }
  return out;
}

/** Words that open a clause about a noun named before: "the treaty, which stated that …", "(where gas will be landed)". */
const RELATIVE = /\(|\b(?:which|who|whom|whose|where|that)\b/g;

/**
 * The verbs a sentence tells as done before a clause of its own that plans, predicts or hopes
 * ("Moscow and New Delhi signed the treaty, which stated that an attack would be seen as …":
 * the signing is told as done). None when the sentence's first such words govern the rest
 * ("Russia plans to sell jets, which …"), or when there are none.
 */
function toldBeforePlans(sentence: string): string[] {
  const plan = MODAL.exec(sentence);
  if (!plan || opensWithCommand(sentence)) return [];
  const opens = [...sentence.slice(0, plan.index).matchAll(RELATIVE)].at(-1);
  if (!opens) return [];
  return words(sentence.slice(0, opens.index)).flatMap((w) => verbOf(w) ?? []);
}

/** The text without its numbers, the names that hold digits kept: "the rd93 deal of 2014" → "the rd93 deal of". */
const withoutNumbers = (text: string): string => text.replace(/(?<![\p{L}\d])\d[\d.,]*(?!\p{L})/gu, ' ');

/** Where something happened or someone went: "in Moscow", "at Islamabad", "visited Moscow", "a trip to Islamabad". */
const PLACE_OF_EVENT =
  /\b(?:in|at|visit(?:ed|s|ing)?|(?:visits?|trips?|journey|went|go(?:es|ing)?|came|comes?|travel(?:l?ed|s)?|flew|flies)\s+to)\s+(?:the\s+)?$/;

/** Where something came from: "from Russia", "from the Soviet Union". */
const ORIGIN = /\bfrom\s+(?:the\s+)?$/;

/** Where something is, or where it went or came from: "in Pakistan", "to Moscow", "from Islamabad". */
const PLACE_OR_GOING = /\b(?:in|at|to|from|into|on|inside|visit(?:ed|s|ing)?)\s+(?:the\s+)?$/;

/** Where each sentence of a text starts and ends. */
function sentenceSpans(text: string): [number, number][] {
  const ends = [...text.matchAll(/[.!?]["']?\s+(?=\S)/g)].map((m) => m.index! + m[0].length);
  return [0, ...ends].map((at, i) => [at, ends[i] ?? text.length]);
}

/**
 * The year a sentence means by pointing back to the one before it ("… made in 1949. That year,
 * Liaquat Ali Khan was invited …"): the last year that sentence names, where this one names
 * none, as if it named it itself (see toldYear, which does so across passages).
 */
function yearsPointedBack(text: string): Figure[] {
  const spans = sentenceSpans(text);
  const years = (from: number, to: number) => figures(text.slice(from, to)).filter((f) => f.kind === 'year');
  return spans.flatMap(([from, to], k) => {
    const back = THAT_YEAR.exec(text.slice(from, to));
    if (k === 0 || !back || years(from, to).length) return [];
    const year = years(...spans[k - 1]!).at(-1);
    return year ? [{ ...year, at: from + back.index }] : [];
  });
}

/** The parties named right after words matching `before`. */
function placesAfter(text: string, mentions: readonly Mention[], before: RegExp, after?: RegExp): Set<string> {
  // "at Russian institutions": a party named by its adjective qualifies a noun; it is no place.
  const adjective = (m: Mention) => /a/i.test(Lexicon.shared().partsOfSpeech(text.slice(m.at, m.end)));
  return new Set(
    mentions
      .filter((m) => !adjective(m))
      .filter(
        (m) => before.test(text.slice(Math.max(0, m.at - 20), m.at)) || after?.test(text.slice(m.end, m.end + 12)),
      )
      .map((m) => m.party),
  );
}

/** A place named before the event held there: "the Moscow visit", "the Islamabad talks". */
const EVENT_AFTER_PLACE = /^\s+(?:visits?|trips?|talks|summit|meeting|conference)\b/;

/** Words written with a capital inside a sentence, in lower case: "khan" in "Putin and Imran Khan met". */
function titled(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<=[\p{L}\p{N},;:)]\s+)\p{Lu}\p{Ll}+\b/gu)].map((m) => m[0].toLowerCase()));
}

/**
 * Words written with a capital inside a sentence that English knows only as names: "Cherat"
 * is a name, though one letter from "cheat" (which salience, for lower-case chat, forgives).
 */
function capitalisedNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;:)]\s+)\p{Lu}\p{Ll}+\b/gu)) {
    const word = m[0].toLowerCase();
    if (!/[a-z]/.test(Lexicon.shared().partsOfSpeech(word))) out.add(word);
  }
  return out;
}

/**
 * The parties in the order they are first named, leaving out pairs named as one
 * ("Russia–Pakistan ties", "Pakistan and Russia signed"): a pair says nothing of who did what.
 */
function orderOf(text: string, mentions: readonly Mention[]): string[] {
  const paired = new Set<Mention>();
  mentions.forEach((m, i) => {
    const next = mentions[i + 1];
    if (next && /^\s*(?:[-–—/]|and|&)\s*$/.test(text.slice(m.end, next.at))) {
      paired.add(m);
      paired.add(next);
    }
  });
  return [...new Set(mentions.filter((m) => !paired.has(m)).map((m) => m.party))];
}

interface Mention {
  party: string;
  at: number;
  end: number;
}

/**
 * The mentions not inside a longer one: "Rico" in "Puerto Rico" is part of that name, not a
 * party of its own, though a pack may know both.
 */
function outermost(mentions: readonly Mention[]): Mention[] {
  return mentions.filter(
    (m) => !mentions.some((o) => o !== m && o.at <= m.at && o.end >= m.end && o.end - o.at > m.end - m.at),
  );
}

/**
 * The party a share or an amount is said of: the one it is "of" or "for" ("26% of Pakistan",
 * "74% for Russia"), else the last one before it in its part of the sentence ("Pakistan
 * holds a 26% share and Russia 74%").
 */
function ownerOf(text: string, figure: Figure, mentions: readonly Mention[]): string | undefined {
  const end = figure.at + figure.text.length;
  const after = mentions.find(
    (m) =>
      m.at >= end && m.at - end < 30 && /^\W*(?:\w+\W+)?(?:of|for|to|by)\W+(?:the\W+)?$/.test(text.slice(end, m.at)),
  );
  if (after) return after.party;
  const segmentStart = Math.max(
    0,
    ...[...text.slice(0, figure.at).matchAll(/[,;(]|\band\b|\bwhile\b|\bwhereas\b/g)].map(
      (m) => m.index! + m[0].length,
    ),
  );
  const before = mentions.filter((m) => m.at >= segmentStart && m.end <= figure.at).pop();
  return before?.party;
}

/**
 * The initials of the capitalised names in a text ("Oil and Gas Development Company" →
 * "ogdc", "ogdcl" is not made up): so a claim that says "OGDC" finds a fact that spells it out.
 */
function acronyms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b[A-Z][\p{L}-]*(?:\s+(?:(?:and|of|for|the|&)\s+)?[A-Z][\p{L}-]*)+/gu)) {
    const initials = m[0]
      .split(/\s+/)
      .filter((w) => /^[A-Z]/.test(w))
      .map((w) => w[0]!.toLowerCase())
      .join('');
    if (initials.length >= 2) out.push(initials);
  }
  return out;
}

/**
 * "Korybko (2018) argues that …", "According to Saleem Qamar Butt (2019), …", "A forum
 * member, rock127, claimed in October 2015 that …": the words after the attribution.
 */
export function withoutAttribution(statement: string): string {
  // A passage's attribution ends at its colon: "According to The Guardian (2017): “…”", or
  // after the title of a document without an author, which may hold a colon of its own
  // ("According to “Russia and Pakistan: expansion of partnerships”: “…”").
  const according =
    /^according to (?:[^,:“"]{1,80}\(.{1,60}?\)|[^,:“"]{1,80}|“[^”]{1,150}”(?: \(.{1,60}?\))?):\s*[“"]?|^according to [^,:“"]{1,80}, /i.exec(
      statement,
    );
  if (according) return statement.slice(according[0].length);
  const that =
    /^.{0,120}?\b(?:says?|said|argues?|argued|writes?|wrote|reports?|reported|notes?|noted|claims?|claimed|judges?|judged|believes?|believed|predicts?|predicted|proposes?|proposed|suggests?|suggested|recommends?|recommended|hopes?|hoped|expects?|expected|warns?|warned|states?|stated|adds?|added|thinks?|calls?|called|describes?|described|asserts?|asserted|insists?|insisted|concludes?|concluded|observes?|observed) (?:(?:(?:in|on|at|by) [^,]{1,25}? )?that )?/i.exec(
      statement,
    );
  if (that && /\bthat $/i.test(that[0])) return statement.slice(that[0].length);
  const said = SAID_CLAUSE.exec(statement);
  return said ? statement.slice(said[0].length) : statement;
}

/**
 * A verb of saying or believing whose "that" is left out, before a clause of its own: "the
 * prime minister said the count was 72,000", "Russia said in 2019 it would invest". The
 * clause opens with a word that opens a subject and has a verb of its own; other verbs of
 * saying take an object as often as a clause ("reported the deaths", "claimed the lives").
 */
const SAID_CLAUSE =
  /^.{0,120}?\b(?:says?|said|argues?|argued|believes?|believed|thinks?|thought|insists?|insisted)(?: (?:in|on|at|by) [^,]{1,25}?)? (?=(?:the|a|an|its?|his|her|their|this|these|those|there|he|she|they|we|any|all|some|\p{Lu}\p{L}*|\d[\d,.]*) [^.]*\b(?:is|was|were|are|has|have|had|will|would|could|can|may|might|should|did|does|do|\p{L}+ed)\b)/u;

/** The text up to the end of its first sentence. */
const firstSentence = (text: string): string => {
  for (const m of text.matchAll(/[.!?](?=\s+[A-Z“"‘'])/g)) {
    const end = m.index! + 1;
    // "Former Rep. Ron DeSantis … doesn't believe": a title's full stop ends no sentence.
    if (!afterAbbreviation(text.slice(0, end), text.slice(end).trimStart())) return text.slice(0, end);
  }
  return text;
};

/**
 * Verbs that give a view someone holds or a charge they make, not a reported event: "warned
 * that", "alleged that", "maintains in the petition that" (where it was said may come between).
 */
const CONTESTED_SPEECH =
  /\b(?:warn(?:s|ed)?|claim(?:s|ed)?|alleg(?:e|es|ed)|accus(?:e|es|ed)|fear(?:s|ed)?|insist(?:s|ed)?|argu(?:e|es|ed)|contend(?:s|ed)?|maintain(?:s|ed)?|believ(?:e|es|ed)|think(?:s)?|thought|feel(?:s)?|felt)(?:\s+(?:in|at|before|to) [^,.;]{1,30}?)?\s+that\b/i;

/**
 * Words by which a source tells a story as others tell it, without vouching for it: "a
 * purportedly fateful choice said to have been made in 1949", "the story supposedly goes".
 */
const HEARSAY = /\b(?:purported(?:ly)?|supposedly|(?:is|are|was|were) said to (?:have|be))\b/i;

/**
 * A sentence that ends calling a thing something in someone's quoted words: "Trump called the
 * response \"an incredible unsung success.\"" A quoted name ("drills called \"Druzhba\"")
 * starts with a capital, and a judgement in passing ("the dam, which critics called a \"white
 * elephant\", was completed") leaves the sentence's own statement standing.
 */
const CHARACTERISED =
  /\b(?:call(?:s|ed)?|describ(?:es|ed)|label(?:s|l?ed)|term(?:s|ed)|brand(?:s|ed)|hail(?:s|ed))\b[^“"”!?]{0,80}[“"]\p{Ll}[^“"”]*[”"]?[.!?]?[”"]?\s*$/u;

/** Quotation marks that open and close ("…" pairs in order); an unclosed one runs to the end. */
const QUOTED = /[“«]([^”»]*)(?:[”»]|$)|"([^"]*)(?:"|$)/g;

/**
 * True if a sentence gives someone's words rather than the source's own: most of its letters
 * stand inside quotation marks, it says what someone warned, alleged or believes, or it tells a
 * story only as others tell it. A
 * newspaper quoting a minister reports that he said it, not that it is so.
 */
export function reportedSpeech(text: string): boolean {
  if (CONTESTED_SPEECH.test(text) || CHARACTERISED.test(text) || HEARSAY.test(text)) return true;
  const letters = (t: string) => t.replace(/[^\p{L}]/gu, '').length;
  const inside = [...text.matchAll(QUOTED)].reduce((n, m) => n + letters(m[1] ?? m[2] ?? ''), 0);
  return inside > letters(text) / 2;
}

/** Clauses by punctuation and clause words: where one event's words end and another's begin. */
export function clauseSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  // A comma or point between digits ("86,961", "5.5") is part of a number, not a clause's end.
  for (const m of text.matchAll(
    /(?<!\d)[,.]|[,.](?!\d)|[;:!?()]|\b(?:and then|while|whereas|but|after|before|when|which|following)\b/g,
  )) {
    spans.push([start, m.index!]);
    start = m.index! + m[0].length;
  }
  spans.push([start, text.length]);
  return spans;
}

/**
 * The verb a word is here, as its base form: a verb's inflected form ("lifted", "told"), or a
 * word WordNet knows first as a verb ("lift"). Undefined for anything else.
 */
function verbOf(word: string): string | undefined {
  if (AUXILIARIES.has(word) || /\d/.test(word)) return undefined;
  const lexicon = Lexicon.shared();
  if (/(?:ed|ing)$/.test(word) || lexicon.lemma(word) !== word) return lexicon.verbOf(word);
  return lexicon.partsOfSpeech(word)[0] === 'v' ? lexicon.verbOf(word) : undefined;
}

/**
 * A verb's form as English inflects it: "-ing", the third person's "-s", or another (the past,
 * the base). Verbs joined by "and" share their form ("took … and obtained").
 */
function formOf(word: string): 'ing' | 's' | 'other' {
  if (/ing$/.test(word)) return 'ing';
  return /[^s]s$/.test(word) && Lexicon.shared().lemma(word) === word ? 's' : 'other';
}

/**
 * Units of length and area, by the words sources write them in, with what one is in metres or
 * square metres: "1,100 kilometres" is "1100 km", and "1,100 miles" is not. Measurement, not vocabulary.
 */
const UNITS: Record<string, [dimension: string, size: number]> = {
  km: ['length', 1000],
  kms: ['length', 1000],
  kilometre: ['length', 1000],
  kilometres: ['length', 1000],
  kilometer: ['length', 1000],
  kilometers: ['length', 1000],
  mile: ['length', 1609.344],
  miles: ['length', 1609.344],
  metre: ['length', 1],
  metres: ['length', 1],
  meter: ['length', 1],
  meters: ['length', 1],
  foot: ['length', 0.3048],
  feet: ['length', 0.3048],
  ft: ['length', 0.3048],
  yards: ['length', 0.9144],
  hectare: ['area', 10_000],
  hectares: ['area', 10_000],
  ha: ['area', 10_000],
  acre: ['area', 4046.856],
  acres: ['area', 4046.856],
};

/**
 * A count of a unit of length or area, as its value in the unit's base and counting the
 * dimension (a term no word has): figures in kilometres and miles compare by their size.
 */
function inBaseUnit(f: Figure): Pick<ReadFigure, 'low' | 'high' | 'nounTerms'> | Record<string, never> {
  const [first, ...rest] = (f.noun ?? '').toLowerCase().split(/[\s-]+/);
  const unit = first ? UNITS[first.replace(/\.$/, '')] : undefined;
  if (!unit) return {};
  const [dimension, size] = unit;
  return { low: f.low * size, high: f.high * size, nounTerms: [`§${dimension}`, ...rest.map((w) => stem(w))] };
}

/** Words before the party an agent does something with. */
const WITH = new Set(['with', 'alongside']);

/** Agents that are no party but a noun ("the government") are kept as its stem with this prefix. */
export const NOUN_AGENT = 'noun:';

/** A noun here: WordNet knows the word first as a noun, and it is no function word. */
const isNoun = (word: string): boolean =>
  !STOP_WORDS.has(word) &&
  !AUXILIARIES.has(word) &&
  /^[a-z]{3,}$/.test(word) &&
  Lexicon.shared().partsOfSpeech(word)[0] === 'n';

/** Prepositions after which a party is where or with whom something happened, not who did it or to whom. */
const NOT_A_ROLE = new Set([
  'in',
  'at',
  'inside',
  'within',
  'from',
  'with',
  'of',
  'between',
  'among',
  'near',
  'via',
  'during',
  'into',
  'through',
]);

/** Before the verb, a party after these is part of a noun phrase, never who acted: "Russia's Ambassador to Pakistan called on…". */
const NOT_THE_AGENT = new Set([...NOT_A_ROLE, 'to', 'for', 'against', 'on', 'towards', 'toward', 'over', 'about']);

/** Verbs of going somewhere: with "to", each tells a visit. */
const GOING = new Set(['go', 'come', 'travel', 'fly', 'journey', 'head', 'sail']);

/**
 * For each use of each verb, the nearest party before it and after it in its clause, and the
 * parties its clause sets against ("against India"). After a passive ("was lifted by
 * Russia") the party after "by" is the agent.
 */
function readFrames(text: string, mentions: readonly Mention[], negation: RegExp): Map<string, Frame[]> {
  const frames = new Map<string, Frame[]>();
  // A party's name is one token, whatever its punctuation ("u.s.s.r.").
  const tokens: { word: string; at: number; party: string | null; adjective?: boolean }[] = [];
  let last = 0;
  for (const m of [...mentions, { party: '', at: text.length, end: text.length }]) {
    for (const w of text.slice(last, m.at).matchAll(/[\p{L}\p{N}'-]+|[,;:.!?()]/gu))
      tokens.push({ word: w[0], at: last + w.index!, party: null });
    // "Russian", "Pakistani": a party named by its adjective qualifies the noun after it ("Russian Prime Minister").
    if (m.party)
      tokens.push({
        word: m.party,
        at: m.at,
        party: m.party,
        adjective: /a/i.test(Lexicon.shared().partsOfSpeech(text.slice(m.at, m.end))),
      });
    last = Math.max(last, m.end);
  }
  const partyAt = (i: number) => tokens[i]?.party ?? null;
  const isBreak = (i: number) =>
    /^[,;:.!?()]$/.test(tokens[i]!.word) || /^(?:while|whereas|but|which|who|that)$/.test(tokens[i]!.word);
  const governed = (j: number, roles: ReadonlySet<string> = NOT_A_ROLE) => {
    const before = tokens[j - 1]?.word === 'the' ? tokens[j - 2] : tokens[j - 1];
    return !!before && roles.has(before.word);
  };
  /** The agent of the verb at each token, as read, for a later verb joined to it by "and". */
  const agentAt = new Map<number, string | null>();
  // Right after its subject, a word that may be a verb is one ("Pakistan mainly exports …").
  const afterSubject = (i: number) => {
    let j = i - 1;
    while (j >= 0 && /ly$/.test(tokens[j]!.word)) j--;
    // "Russia's exports to Pakistan": after a party's possessive, a word that may be a verb tells its deed.
    if (j > 0 && /^['’]s$/.test(tokens[j]!.word)) j--;
    return j >= 0 && partyAt(j) !== null && !tokens[j]!.adjective;
  };
  // A relative clause's verb, with nothing but auxiliaries and adverbs after its "which" or
  // "who", was done by the party the pronoun follows: "the World Bank, which had offered a loan".
  const antecedent = (i: number): string | null => {
    let j = i - 1;
    while (j >= 0 && (AUXILIARIES.has(tokens[j]!.word) || /ly$/.test(tokens[j]!.word))) j--;
    if (!/^(?:which|who)$/i.test(tokens[j]?.word ?? '')) return null;
    const before = tokens[j - 1]?.word === ',' ? j - 2 : j - 1;
    return partyAt(before);
  };
  // Right after an article a word is a noun ("a visit", "the signed deal"), never a verb.
  const afterArticle = (i: number) => /^(?:a|an|the)$/.test(tokens[i - 1]?.word ?? '');
  const tokenWords = tokens.map((t) => t.word);
  // A month of a date ("in March 2010", "12 May") is no verb.
  const dates = datesIn(text).map((d) => [d.at, d.at + d.text.length] as const);
  const inDate = (at: number) => dates.some(([from, to]) => at >= from && at < to);
  tokens.forEach((t, i) => {
    if (inDate(t.at)) return;
    // "called off": read as the verb of negation it means ("cancel"), negated as that verb is.
    const phrase = partyAt(i) || afterArticle(i) ? undefined : negatingPhrase(tokenWords, i, negation);
    const read =
      partyAt(i) || afterArticle(i)
        ? undefined
        : (phrase?.verb ??
          verbOf(t.word) ??
          (afterSubject(i) && !AUXILIARIES.has(t.word) ? Lexicon.shared().verbOf(t.word) : undefined));
    if (!read) return;
    // "went to Moscow", "travelled to Islamabad": a visit, as "a visit to Moscow by …" tells it.
    const verb = GOING.has(read) && tokens[i + 1]?.word === 'to' ? 'visit' : read;
    let agent: string | null = null;
    let from = i;
    let subject: string | null = null;
    // A verb joined to an earlier one by "and" shares its agent ("China is developing the port
    // and selling submarines").
    // Joined verbs agree in form: "took … over rehabilitation issues, and obtained" joins
    // "obtained" to "took", not to "issues" (read as a verb, but of another form).
    if (tokens[i - 1]?.word === 'and') {
      const inSentence = [...agentAt.keys()].filter(
        (j) => j < i && !tokens.slice(j, i).some((u) => /^[.;!?]$/.test(u.word)),
      );
      const earlier = inSentence.filter((j) => formOf(tokens[j]!.word) === formOf(t.word)).pop() ?? inSentence.pop();
      if (earlier !== undefined) agent = agentAt.get(earlier) ?? null;
    }
    const passive = i > 0 && /^(?:is|are|was|were|be|been|being)$/.test(tokens[i - 1]!.word);
    let before: string | null = null;
    for (let j = i - 1; agent === null && j >= Math.max(0, i - FRAME_REACH) && !isBreak(j); j--) {
      from = j;
      // In the passive, the party before the verb is what it was done to ("the embargo on Pakistan was lifted by…").
      if (!governed(j, passive ? NOT_A_ROLE : NOT_THE_AGENT) && (agent = before = partyAt(j))) break;
      // Another verb first: whoever acted is further back than we read. An infinitive's doer
      // is that verb's, a party named between them aside ("Russia signed a deal to buy …"),
      // unless that verb is passive ("were sold to buy time": its subject did not sell).
      if (agentAt.has(j)) {
        subject = null;
        const beforePassive = /^(?:is|are|was|were|be|been|being)$/.test(tokens[j - 1]?.word ?? '');
        if (tokens[i - 1]?.word === 'to' && !passive && !beforePassive) agent = agentAt.get(j) ?? null;
        break;
      }
      // Failing a party, the noun nearest before the verb says who acted ("the government obtained").
      if (subject === null && !governed(j) && isNoun(tokens[j]!.word))
        subject = `${NOUN_AGENT}${stem(tokens[j]!.word)}`;
    }
    agent ??= subject ?? (passive ? null : antecedent(i));
    // Negated: a negation right before the verb ("never lifted", "did not lift"), or the verb
    // is one ("denied"). A verb of negation earlier in the sentence negates only itself.
    const near = tokens
      .slice(Math.max(from, i - 3), i)
      .filter((u) => /n't$/.test(u.word) || (negation.test(u.word) && !verbOf(u.word)));
    // "raised no objection", "showed no interest": a negation right after the verb too.
    const after = tokens[i + 1]?.word ?? '';
    // "did not begin until 1987", "did not begin for another 26 years": a delay, not a denial.
    const delay = tokens
      .slice(i + 1, i + 5)
      .some(
        (u, k, next) =>
          u.word === 'until' ||
          u.word === 'till' ||
          (u.word === 'for' && /^(?:another|\d|a|over|more|some)/.test(next[k + 1]?.word ?? '')),
      );
    // "failed to prepare", "refused to sign": the verb of negation negates the deed it governs.
    const governedByNegation = tokens[i - 1]?.word === 'to' && negation.test(tokens[i - 2]?.word ?? '');
    // "remained to be installed", "has yet to be released": not done, as yet.
    let k = i - 1;
    while (k > 0 && (tokens[k]!.word === 'be' || /ly$/.test(tokens[k]!.word))) k--;
    const notYet = tokens[k]?.word === 'to' && /^(?:yet|remain(?:s|ed)?)$/.test(tokens[k - 1]?.word ?? '');
    const negated =
      !delay &&
      (near.length > 0 ||
        governedByNegation ||
        notYet ||
        phrase !== undefined ||
        negation.test(t.word) ||
        /^(?:no|not|never|nothing|none)$/.test(after));
    let patient: string | null = null;
    let partner: string | null = null;
    let by = false;
    for (let j = i + 1; j < Math.min(tokens.length, i + 1 + FRAME_REACH) && !isBreak(j); j++) {
      // "Russia holds 74% and Pakistan 26%": a party after "and" with a figure of its own is another subject, not the object.
      if (tokens[j]!.word === 'and' && partyAt(j + 1) && /^\d/.test(tokens[j + 2]?.word ?? '')) break;
      if (tokens[j]!.word === 'by') by = true;
      const party = partyAt(j);
      if (!party) continue;
      if (WITH.has(tokens[j - 1]?.word ?? '')) partner ??= party;
      else if (by || !governed(j)) {
        patient = party;
        break;
      }
    }
    if (passive && by) [agent, patient] = [patient, agent];
    // A participle's passive with no "by" names no doer: the party before it is what the deed
    // was done to ("the embargo on Pakistan was lifted in 2014"), not who did it; one named by
    // its adjective only qualifies what was done ("joint Russian-Pakistani exercises are held").
    else if (passive && before !== null && agent === before && !/ing$/.test(t.word)) {
      const qualifies = tokens.slice(from, i).some((u) => u.party === before && u.adjective);
      [agent, patient] = [null, patient ?? (qualifies ? null : before)];
    }
    agentAt.set(i, agent);
    const opposed = mentions
      .filter((m) => m.at > t.at && /\bagainst\s+(?:the\s+)?$/.test(text.slice(Math.max(0, m.at - 15), m.at)))
      .map((m) => m.party);
    frames.set(verb, [...(frames.get(verb) ?? []), { negated, agent, patient, partner, opposed }]);
  });
  // A deed told as a noun with who did it after "by": "a visit to Moscow by Pakistan's army
  // chief", "a 2019 trip by the Russian commander to Islamabad".
  tokens.forEach((t, i) => {
    const noun =
      (afterArticle(i) || /^\d{4}$/.test(tokens[i - 1]?.word ?? '')) && /^[a-z]{3,}$/.test(t.word)
        ? (Lexicon.shared().verbOf(t.word) ?? Lexicon.shared().deedOf(t.word))
        : undefined;
    if (!noun) return;
    let agent: string | null = null;
    let patient: string | null = null;
    let by = false;
    for (let j = i + 1; j < Math.min(tokens.length, i + 1 + 2 * FRAME_REACH) && !isBreak(j); j++) {
      if (tokens[j]!.word === 'by') by = true;
      else if (/^(?:to|in|on|for|with)$/.test(tokens[j]!.word)) by = false;
      const party = partyAt(j);
      if (party && by) agent ??= party;
      else if (party && /^(?:to|in|on|for)$/.test(tokens[j - 1]?.word ?? '')) patient ??= party;
    }
    if (agent)
      frames.set(noun, [...(frames.get(noun) ?? []), { negated: false, agent, patient, partner: null, opposed: [] }]);
  });
  return frames;
}
