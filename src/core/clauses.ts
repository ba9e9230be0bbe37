/**
 * Reads a unit (a curated fact or a passage) into its clauses, as finding disagreements
 * needs them: what each clause is about (its content words, its names, the parties it
 * names), what it says of it (a word of denial or doubt, a negation and what it reaches),
 * and the figures it gives, with "this year" and "that year" read as the years they are.
 *
 *   const reader = new ClauseReader(pack);
 *   reader.read(passageFact(passage, doc)).clauses[0];
 *   // { text: 'Pakistan aims to privatize the company by the end of this year', figures: [this year (2015)], … }
 *
 * A passage reads as written. A fact reads as its statement, without who says it ("Arif
 * Rafiq reported in September 2015 that …"): the statement says in full what a quote leaves
 * to its context ("the company" is Pakistan Steel Mills).
 */
import type { LoadedDocument, Pack } from '../knowledge/load.js';
import { plainText, type Passage } from '../knowledge/passages.js';
import type { Fact } from '../knowledge/schema.js';
import { sentenceSpans } from '../knowledge/sentences.js';
import { escapeRegExp } from '../knowledge/text.js';
import { Analyzer, isAliasKey } from './analyzer.js';
import { figures, type Figure } from './figures.js';
import { ranks, superlativeOf } from './ranks.js';
import { Lexicon } from './lexicon.js';
import { isPassage } from './passage-facts.js';
import { stem, STOP_WORDS, words } from './tokens.js';

export type StanceKind = 'negation' | 'denial' | 'doubt';

export interface Stance {
  word: string;
  kind: StanceKind;
}

/** One content word of a clause. */
export interface Term {
  /** How much it says what the clause is about, by its salience; times its rarity once weighed. */
  weight: number;
  /** The terms of the words WordNet relates to its word ("talks" → "negotiations"). */
  related: readonly string[];
  /** A name: one from the pack's aliases, or a word English knows only as a name. */
  name: boolean;
  /** A word of a name from the aliases, which the name's own term stands for ("pipeline" of "North-South pipeline"). */
  partOfName: boolean;
  /** Capitalised inside its sentence: part of a name or a title ("Supreme Court", "Prime Minister"). */
  proper: boolean;
  /** Taken from the passage before, whose thing the clause names by a definite noun (see back-references.ts). */
  borrowed?: boolean;
}

export interface Clause {
  text: string;
  terms: Map<string, Term>;
  /** The sum of the terms' weights. */
  weight: number;
  /** The parties the clause names. */
  parties: Set<string>;
  figures: Figure[];
  /** A word of denial or doubt anywhere in the clause, or one the next clause points back with ("…, although this remains speculation"). */
  stance: Stance | null;
  /**
   * Its sentence: the terms in order (the clause's are those from `from` to `to`), the
   * negations by where they stand, and the names it gives (a person, a place, a weapon).
   */
  sentence: { sequence: string[]; negations: Negation[]; barriers: number[]; names: Set<string> };
  from: number;
  to: number;
  /** Lower-case words, for antonyms. */
  words: Set<string>;
  question: boolean;
}

/**
 * A negation, by how many terms of its sentence stand before it. English's own ("not", "no",
 * "never") reach past a comma ("had not yet finalized, a pipeline deal"); a pack's negating
 * verbs ("cancelled") only within their clause.
 */
export interface Negation {
  word: string;
  at: number;
  local: boolean;
}

export interface Reading {
  unit: Fact;
  /** Document and post: what counts as one source. */
  source: string;
  clauses: Clause[];
  /** Every term of every clause. */
  terms: Set<string>;
  /** For a passage: the passage before it in its document and post (as a unit id), for "disputes that account". */
  before: string | null;
}

/** What reading units needs of a pack. */
export type ReadingPack = Pick<Pack, 'meta' | 'documents' | 'passages' | 'aliases'>;

/** Words that deny or dispute a thing, or doubt it: grammar, the same in any pack. Negations are the pack's and English's. */
const STANCE_WORDS: Record<StanceKind, string[]> = {
  negation: ['not', 'no', 'never', 'none', 'nor', 'neither', 'nobody', 'nothing', 'no longer'],
  denial: [
    'deny',
    'denies',
    'denied',
    'denial',
    'dispute',
    'disputes',
    'disputed',
    'inaccurate',
    'false',
    'untrue',
    'refute',
    'refutes',
    'refuted',
    'rebut',
    'rebutted',
    'baseless',
    'unfounded',
  ],
  doubt: ['unlikely', 'speculation', 'speculative', 'doubtful', 'doubt', 'doubts', 'improbable', 'questionable'],
};
const STANCE_STEMS = new Set(
  Object.values(STANCE_WORDS)
    .flat()
    .map((w) => stem(w)),
);
/** A contraction with "not" ("isn't", "aren't"). */
const NOT_CONTRACTED = String.raw`\b\p{L}+n['’]t\b`;
/** English's own negations, which reach past a comma. */
const ENGLISH_NEGATION = new RegExp(`^(?:${STANCE_WORDS.negation.join('|')})$|n['’]t$`, 'i');
/** Words that open a clause inside a clause: a negation before them does not reach what follows ("shouldn't be forgotten that few thought …"). */
const EMBEDDING =
  'that|whether|if|which|who|because|since|although|though|despite|unless|until|after|before|when|while|whereas';
const EMBEDDED = new RegExp(`\\b(?:${EMBEDDING})\\b`, 'gi');
const EMBEDDED_WORD = new RegExp(`^(?:${EMBEDDING})$`, 'i');
/** "Not only … but also" adds; "may or may not" and "whether or not" leave it open: neither denies. */
const NOT_DENYING =
  /\bnot only\b|\b(?:may|might|can|could|will|would)\s+or\s+(?:may|might|can|could|will|would)\s+not\b|\bor not\b/gi;
/** Words that place a year's part, not the subject: "by the end of this year", "at the start of 2014" (the year is read as a figure). */
const TIME_OF =
  /\b(?:the\s+)?(?:end|start|beginning|middle|close|turn|course)\s+of\s+(?=(?:this|that|last|next|the\s+same|the\s+current)\s+year\b|(?:the\s+)?(?:1[89]|20)\d\d)/gi;
/** A clause that points back with "this", "that" or "it" is about the clause before it ("…, although this remains speculation", "but at the moment that seems unlikely"). */
const POINTS_BACK =
  /^(?:(?:although|though|but|and|yet|however)\b)?(?:\W+\w+){0,4}?\W*\b(?:this|that|it|which)\s+(?:is|was|remains|remained|seems|seemed|looks|appears|appeared|sounds)\b/i;
/** Where a clause ends: a comma, semicolon or colon, a dash, or a word that opens another clause ("inked a deal … at a time when sanctions forced …": the sanctions are another subject). */
const CLAUSE_BREAK = /[,;:]\s+|\s[—–]\s|—|\s--?\s|\s(?=(?:but|while|whereas|although|though|which|because|when)\s)/g;
/** A capitalised word that does not start its sentence or a quotation. */
const CAPITALISED = /(?<!^\W*|[.!?:]\s+\W*|["“(‘']\s*)(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*/gu;
/** A piece of a sentence with fewer content words than this is part of the clause beside it ("In 2021,", "…, China and Pakistan"). */
const MIN_CLAUSE_TERMS = 2;
/** Relative years: what they stand for, from the source's date or the last year named before. */
const RELATIVE_YEAR = /\b(?:(this|the current) year|(last) year|(next) year|(that|the same) year)\b/gi;
/** A year as sources write it, not inside a longer number or name. */
const YEAR = /(?<![\p{L}\p{N}-])(1[89]\d\d|20\d\d)(?![\p{N}])/gu;
/** A year within this many characters of a sentence's start opens it ("In 2014, …", "During that year, …"). */
const OPENING = 30;
/** Words a figure may be made of: only a clause with one is searched for figures. */
const MAY_HOLD_FIGURE =
  /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|dozen|several|few|many|billions|millions)\b/i;
/** A word a superlative may be: only a clause with one is searched for ranks. */
const SUPERLATIVE = /[a-z]{3}est\b/;
/** Words that come with a figure, not with a subject. */
const NOT_SUBJECT = new Set(
  `one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred dozen
  year years million millions billion billions thousand thousands trillion lakh lakhs crore crores percent cent dollar dollars usd rupee rupees euro euros pound pounds
  january february march april may june july august september october november december`.split(/\s+/),
);
/** Words that join clauses, which the search's stop words keep (a question rarely has them). */
const JOINING = new Set(
  'although though whereas while because however therefore thus hence moreover furthermore nevertheless nonetheless instead since unless whether despite including regarding besides meanwhile'
    .split(' ')
    .map((w) => stem(w)),
);
/** Words that only say who speaks, left in a fact's statement after its attribution. */
const SPEAKING = new Set(['according', 'argu', 'claim', 'say', 'report', 'judg', 'write', 'note']);
/** How much an adverb ("surprisingly", "deeply") says what a clause is about, next to a name or a noun… */
const ADVERB_SALIENCE = 0.3;
/** …and a verb's form or an adjective ("constructing", "strategic")… */
const OTHER_SALIENCE = 0.8;
/** …and a word of a name from the aliases, beside the name itself. */
const NAME_WORD_SALIENCE = 0.3;
/**
 * Who says a fact, at the start of its statement: "According to Butt (2019), …", "Arif Rafiq
 * reported in September 2015 that …", "A summary of …, reposted on the forum, says …".
 */
const SPEAKER =
  /^(?:[Aa]ccording to [^,]{1,80},\s*|.{0,150}?\b(?:says?|said|argues?|argued|writes?|wrote|reports?|reported|notes?|noted|claims?|claimed|judges?|judged|proposes?|proposed|suggests?|suggested|believes?|believed|predicts?|predicted|expects?|expected|warns?|warned|hopes?|hoped|thinks?|thought|adds?|added|states?|stated|asserts?|asserted|insists?|insisted|concludes?|concluded|observes?|observed)(?:\s+in\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?\d{4})?\s+(?:that\s+)?)/;

interface Piece {
  text: string;
  /** Terms in order, each with its word and kind. */
  items: { term: string; word: string; name: boolean; partOfName: boolean; proper: boolean }[];
  parties: Set<string>;
  /** Negations, by how many of the piece's items stand before each. */
  negations: Negation[];
  /** Where a clause inside it begins ("that", "whether"), by how many items stand before: a negation does not reach into it. */
  barriers: number[];
}

export class ClauseReader {
  private readonly analyzer: Analyzer;
  /** Parties named in more than one word ("United States"), found before the words are read. */
  private readonly partyPhrases: RegExp | null;
  private readonly partyOfPhrase = new Map<string, string>();
  /** A party by each term that names it: one-word names, and the alias groups that name a party. */
  private readonly partyOfTerm = new Map<string, string>();
  private readonly stance: { kind: StanceKind; re: RegExp }[];
  private readonly negation: RegExp;
  private readonly passages = new Map<string, { passage: Passage; before: string | null }>();
  private readonly yearsNamed = new Map<string, { at: number; year: number }[]>();
  /** The words of the sources' authors' and posters' names: who speaks, not what about. */
  private readonly speakers = new Set<string>();

  constructor(private readonly pack: ReadingPack) {
    this.analyzer = new Analyzer(pack.aliases);
    for (const doc of pack.documents.values()) {
      for (const name of [doc.author, ...(doc.posts ?? []).flatMap((p) => [p.author, p.poster])])
        for (const w of words(name ?? '')) this.speakers.add(stem(w));
    }
    for (const [party, names] of Object.entries(pack.meta.parties)) {
      for (const name of names) {
        const ws = words(name);
        if (ws.length > 1) this.partyOfPhrase.set(ws.join(' '), party);
        else if (ws[0]) this.partyOfTerm.set(stem(ws[0]), party);
      }
    }
    this.partyPhrases = this.partyOfPhrase.size ? wordsMatcher([...this.partyOfPhrase.keys()]) : null;
    // An alias group that names a party is that party ("Islamabad" is Pakistan); a longer
    // name that holds a party's name is not ("Pakistan Stream").
    for (const group of pack.aliases) {
      const party = group.map((a) => words(a)).find((ws) => ws.length === 1 && this.partyOfTerm.has(stem(ws[0]!)));
      if (!party) continue;
      for (const key of this.analyzer.concepts(group[0]!).flatMap((c) => c.terms.filter(isAliasKey)))
        this.partyOfTerm.set(key, this.partyOfTerm.get(stem(party[0]!))!);
    }
    this.stance = [
      { kind: 'denial', re: wordsMatcher(STANCE_WORDS.denial) },
      { kind: 'doubt', re: wordsMatcher(STANCE_WORDS.doubt) },
    ];
    const negations = pack.meta.negations.filter((w) => /^[\p{L} ]+$/u.test(w) && !STANCE_STEMS.has(stem(w)));
    this.negation = new RegExp(
      `${wordsMatcher([...STANCE_WORDS.negation, ...negations]).source}|${NOT_CONTRACTED}`,
      'giu',
    );
    let previous: Passage | null = null;
    for (const passage of pack.passages) {
      const before =
        previous && previous.document === passage.document && previous.post === passage.post
          ? `passage:${previous.id}`
          : null;
      this.passages.set(`passage:${passage.id}`, { passage, before });
      previous = passage;
    }
  }

  read(unit: Fact): Reading {
    const doc = this.pack.documents.get(unit.source.document);
    const post = doc?.posts?.find((p) => p.n === unit.source.post);
    const placed = isPassage(unit) ? this.passages.get(unit.id) : undefined;
    // "This year" is the source's year; for a fact, the year its date gives.
    const dated = yearOf(!placed && unit.date ? unit.date : post ? post.date : doc?.date);
    const text = tidy(placed ? plainText(unit.quote) : withoutSpeaker(unit.statement));
    // "That year" is the last year named before it: in the text so far, else before the passage.
    let lastYear = placed && doc ? this.lastYearBefore(doc, post, placed.passage.start) : null;
    const clauses: Clause[] = [];
    for (const span of sentenceSpans(text)) {
      for (const clause of this.sentenceClauses(text.slice(span.start, span.end), dated, lastYear)) {
        clauses.push(clause);
        lastYear = clause.figures.filter((f) => f.kind === 'year' && f.low === f.high).at(-1)?.low ?? lastYear;
      }
    }
    clauses.forEach((c, i) => {
      const next = clauses[i + 1];
      if (!c.stance && next?.stance && POINTS_BACK.test(next.text)) c.stance = next.stance;
    });
    return {
      unit,
      source: `${unit.source.document}#${unit.source.post ?? ''}`,
      clauses,
      terms: new Set(clauses.flatMap((c) => [...c.terms.keys()])),
      before: placed?.before ?? null,
    };
  }

  /**
   * A sentence's clauses. A piece with too few content words belongs to the clause before it
   * ("…, China and Pakistan"), or at a sentence's start to the one after ("In 2021, …"). A
   * year that opens the sentence is the year of each clause that names none.
   */
  private sentenceClauses(sentence: string, dated: number | null, lastYear: number | null): Clause[] {
    // A bracket's words belong to the clause they stand in ("systems (including the S-400, although …)").
    const groups: Piece[][] = [];
    let opening: Piece[] = [];
    // Words capitalised after the sentence's first: names and titles.
    const capitalised = new Set([...sentence.matchAll(CAPITALISED)].map((m) => m[0].toLowerCase()));
    for (const text of sentence.replace(/\s*[()]\s*/g, ' ').split(CLAUSE_BREAK)) {
      const piece = this.piece(text, capitalised);
      if (piece.items.length >= MIN_CLAUSE_TERMS || !groups.length) {
        opening.push(piece);
        if (opening.reduce((n, p) => n + p.items.length, 0) >= MIN_CLAUSE_TERMS) {
          groups.push(opening);
          opening = [];
        }
      } else groups.at(-1)!.push(piece);
    }
    if (opening.length) groups.length ? groups.at(-1)!.push(...opening) : groups.push(opening);
    // The sentence's terms in order, and its negations by where they stand: a negation reaches
    // past a comma ("had not yet finalized, a pipeline deal").
    const whole: Clause['sentence'] = { sequence: [], negations: [], barriers: [], names: new Set() };
    const clauses = groups.map((group) => {
      const from = whole.sequence.length;
      for (const p of group) {
        for (const n of p.negations) whole.negations.push({ ...n, at: whole.sequence.length + n.at });
        for (const b of p.barriers) whole.barriers.push(whole.sequence.length + b);
        whole.sequence.push(...p.items.map((i) => i.term));
      }
      return this.clause(group, whole, from, whole.sequence.length, dated, lastYear);
    });
    for (const c of clauses) for (const [t, term] of c.terms) if (term.name) whole.names.add(t);
    const year = clauses[0]?.figures.find((f) => f.kind === 'year' && f.at < OPENING);
    if (year)
      for (const c of clauses.slice(1))
        if (!c.figures.some((f) => f.kind === 'year')) c.figures.push({ ...year, at: 0 });
    return clauses.filter((c) => /\p{L}/u.test(c.text));
  }

  private clause(
    group: Piece[],
    sentence: Clause['sentence'],
    from: number,
    to: number,
    dated: number | null,
    lastYear: number | null,
  ): Clause {
    const text = group
      .map((p) => p.text.trim())
      .filter(Boolean)
      .join(', ');
    const lower = text.toLowerCase();
    const terms = new Map<string, Term>();
    for (const { term, word, name, partOfName, proper } of group.flatMap((p) => p.items)) {
      const known = name || partOfName ? null : wordInfo(word);
      const weight = partOfName ? NAME_WORD_SALIENCE : known ? known.salience : 1;
      const before = terms.get(term);
      if (before && before.weight >= weight) continue;
      terms.set(term, { weight, related: known ? known.related : [], name: name || !!known?.name, partOfName, proper });
    }
    let stance: Stance | null = null;
    for (const { kind, re } of this.stance) {
      const m = lower.match(re);
      if (m) {
        stance = { word: m[0], kind };
        break;
      }
    }
    return {
      text,
      terms,
      weight: 0,
      parties: new Set(group.flatMap((p) => [...p.parties])),
      figures: [
        ...(MAY_HOLD_FIGURE.test(text)
          ? figures(text).filter((f) => f.kind !== 'count' || (f.noun && !/\d[.,]$/.test(text.slice(0, f.at))))
          : []),
        ...relativeYears(text, dated, lastYear),
        // "the highest dam" and "the third highest dam" give places as other figures give amounts.
        ...(SUPERLATIVE.test(lower) ? ranks(lower) : []),
      ],
      stance,
      sentence,
      from,
      to,
      words: new Set(lower.match(/\p{L}+/gu) ?? []),
      question: /\?["”’)]*$/.test(text),
    };
  }

  /** A piece of a sentence: its content terms in order, the parties it names, and its negations. */
  private piece(text: string, capitalised: ReadonlySet<string>): Piece {
    const parties = new Set<string>();
    const open = this.partyPhrases
      ? text.replace(this.partyPhrases, (m) => {
          parties.add(this.partyOfPhrase.get(words(m).join(' '))!);
          return ' '.repeat(m.length);
        })
      : text;
    const plain = open.replace(NOT_DENYING, (m) => ' '.repeat(m.length)).replace(TIME_OF, (m) => ' '.repeat(m.length));
    const items: Piece['items'] = [];
    const negations: Piece['negations'] = [];
    const barriers: number[] = [];
    let from = 0;
    const marks = [...plain.matchAll(this.negation), ...plain.matchAll(EMBEDDED)].sort((x, y) => x.index - y.index);
    for (const m of [...marks, null]) {
      const to = m ? m.index : plain.length;
      for (const concept of this.analyzer.concepts(plain.slice(from, to))) {
        // A name from the aliases names a party only as a whole ("Pakistan Steel Mills" is no party).
        const keys = concept.terms.filter(isAliasKey);
        const party = (keys.length ? keys : concept.terms).map((t) => this.partyOfTerm.get(t)).find(Boolean);
        if (party) {
          parties.add(party);
          continue;
        }
        // A name from the aliases is one term, and its words are terms too, weighing less ("North-South pipeline" meets "pipeline").
        const named = keys.length > 0;
        const proper = concept.word.split(' ').every((w) => capitalised.has(w));
        for (const term of concept.terms)
          if (isContent(term) && !this.speakers.has(term))
            items.push({
              term,
              word: concept.word,
              name: named && isAliasKey(term),
              partOfName: named && !isAliasKey(term),
              proper,
            });
      }
      if (m && EMBEDDED_WORD.test(m[0])) barriers.push(items.length);
      else if (m) negations.push({ word: m[0], at: items.length, local: !ENGLISH_NEGATION.test(m[0]) });
      from = m ? m.index + m[0].length : to;
    }
    return { text, items, parties, negations, barriers };
  }

  /** The last year a document names before `to`, within the forum post that holds it. */
  private lastYearBefore(doc: LoadedDocument, post: { lines: string } | undefined, to: number): number | null {
    let years = this.yearsNamed.get(doc.id);
    if (!years) {
      years = [...doc.text.matchAll(YEAR)].map((m) => ({ at: m.index, year: Number(m[1]) }));
      this.yearsNamed.set(doc.id, years);
    }
    const from = scopeStart(doc, post);
    return years.filter((y) => y.at >= from && y.at < to).at(-1)?.year ?? null;
  }
}

/**
 * What a clause says of some of its terms: denied or doubted anywhere in it, or negated just
 * before one of them (within `reach` terms, and not across the start of a clause inside it).
 */
export function stanceOn(clause: Clause, terms: readonly string[], reach: number): Stance | null {
  if (clause.stance) return clause.stance;
  const { sequence, negations, barriers } = clause.sentence;
  for (const n of negations) {
    if (n.local && (n.at < clause.from || n.at > clause.to)) continue;
    const barrier = barriers.find((b) => b > n.at) ?? Infinity;
    const end = Math.min(n.at + reach, clause.to, barrier);
    for (let i = Math.max(n.at, clause.from); i < end; i++)
      if (terms.includes(sequence[i]!)) return { word: n.word, kind: 'negation' };
  }
  return null;
}

interface WordInfo {
  /** A word English does not know, or knows only as a name ("France"); numbers aside. */
  name: boolean;
  /** How much it says what a clause is about: a name or a noun fully, an adverb little, a verb's inflected form or an adjective between. */
  salience: number;
  /** The terms of the words WordNet relates to it. */
  related: readonly string[];
}

/** What WordNet says of each word, once per word: it is the same for every pack. */
const wordInfos = new Map<string, WordInfo>();
const MAX_WORD_INFOS = 100_000;

function wordInfo(word: string): WordInfo {
  let info = wordInfos.get(word);
  if (!info) {
    const lexicon = Lexicon.shared();
    // A superlative is its adjective's form ("biggest", "largest"): weighed and related as the adjective, never a name
    // (WordNet's rules do not take "biggest" or "deadliest" back to theirs).
    const adjective = superlativeOf(word, lexicon);
    const pos = adjective ? 'a' : lexicon.partsOfSpeech(word);
    const name = !/\d/.test(word) && word.length >= 3 && pos === pos.toUpperCase();
    const inflectedVerb =
      (/(?:ing|ed)$/.test(word) || lexicon.lemma(word) !== word) && lexicon.verbOf(word) !== undefined;
    const salience =
      name || (pos.includes('n') && !inflectedVerb) ? 1 : /^r+$/.test(pos) ? ADVERB_SALIENCE : OTHER_SALIENCE;
    info = { name, salience, related: lexicon.related(adjective ?? word).map(stem) };
    if (wordInfos.size >= MAX_WORD_INFOS) wordInfos.clear();
    wordInfos.set(word, info);
  }
  return info;
}

/** A fact's statement without who says it, and without the year of the source in brackets ("Butt (2019)"). */
function withoutSpeaker(statement: string): string {
  const speaker = SPEAKER.exec(statement);
  return (speaker ? statement.slice(speaker[0].length) : statement).replace(/\s*\(\d{4}(?:[–-]\d{2,4})?\)/g, '');
}

/** A content term: not a number, not a figure's word, not a word of denial, not a word that only says who speaks. */
function isContent(term: string): boolean {
  if (isAliasKey(term)) return true;
  if (/^\d/.test(term) || term.length < 2 || STOP_WORDS.has(term) || NOT_SUBJECT.has(term) || JOINING.has(term))
    return false;
  return !SPEAKING.has(term) && !STANCE_STEMS.has(term);
}

const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim();

function wordsMatcher(list: readonly string[]): RegExp {
  const alternatives = [...new Set(list)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/\\?[ -]/g, '[\\s-]+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

const yearOf = (date: string | null | undefined): number | null => (date ? Number(date.slice(0, 4)) : null);

/** "this year", "last year", "that year" as the years they stand for. */
function relativeYears(text: string, dated: number | null, lastYear: number | null): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(RELATIVE_YEAR)) {
    const [, current, last, next, named] = m;
    const year = named ? lastYear : dated === null ? null : dated + (current ? 0 : last ? -1 : next ? 1 : 0);
    if (year !== null) out.push({ kind: 'year', low: year, high: year, at: m.index, text: `${m[0]} (${year})` });
  }
  return out;
}

/** Where the text a passage belongs to starts: its forum post's first line, else the document's start. */
function scopeStart(doc: { text: string }, post: { lines: string } | undefined): number {
  if (!post) return 0;
  const first = Number(post.lines.split('-')[0]);
  let at = 0;
  for (let line = 1; line < first && at !== -1; line++) at = doc.text.indexOf('\n', at) + 1 || -1;
  return Math.max(0, at);
}
